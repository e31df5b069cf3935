import type { ApiToken } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useRevokeToken } from "../api/revoke-token";

/** Asks before revoking: whatever uses the token gets 401 from the next request, for good. */
export function RevokeTokenDialog(props: { token: ApiToken; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const { name, id, owner } = props.token;
  return (
    <ConfirmDialog
      isOpen
      title={t("tokens.revokeDialog.title")}
      confirmLabel={t("tokens.revokeDialog.confirm")}
      pendingLabel={t("tokens.revokeDialog.pending")}
      isPending={revoke.isPending}
      error={revoke.error}
      onCancel={props.onClose}
      onConfirm={() => {
        if (!revoke.isPending) revoke.mutate(id, { onSuccess: props.onRevoked });
      }}
    >
      <p>{t("tokens.revokeDialog.body", { name, owner })}</p>
      <p className="mono muted small">{id}</p>
    </ConfirmDialog>
  );
}
