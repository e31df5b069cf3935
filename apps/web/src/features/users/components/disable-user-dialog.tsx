import type { User } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useUpdateUser } from "../api/update-user";
import { updateErrorTitle } from "./update-error";

/** Asks before disabling: the user is signed out at once and their API tokens stop working. */
export function DisableUserDialog(props: {
  user: User;
  isSelf: boolean;
  onClose: () => void;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const { username } = props.user;
  return (
    <ConfirmDialog
      isOpen
      title={t("users.disable.title", { username })}
      confirmLabel={t("users.disable.confirm")}
      pendingLabel={t("users.disable.pending")}
      isPending={update.isPending}
      error={update.error}
      errorTitle={updateErrorTitle(t, update.error)}
      onCancel={props.onClose}
      onConfirm={() => {
        if (!update.isPending)
          update.mutate({ username, changes: { disabled: true } }, { onSuccess: props.onChanged });
      }}
    >
      <p>{t("users.disable.body", { username })}</p>
      {props.isSelf ? <p className="strong">{t("users.disable.self")}</p> : null}
    </ConfirmDialog>
  );
}
