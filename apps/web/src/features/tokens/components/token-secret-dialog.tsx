import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { CopyButton } from "../../../components/ui/copy-button";
import { DialogActions, ModalDialog } from "../../../components/ui/dialog";
import type { CreatedToken } from "../api/create-token";

/**
 * The one time a token's secret is shown. It closes only by its own button (no Escape, no click
 * outside), so the secret is not lost by accident; once closed, the page forgets it.
 */
export function TokenSecretDialog(props: { created: CreatedToken; onClose: () => void }) {
  const { t } = useTranslation();
  const { token, secret } = props.created;
  return (
    <ModalDialog isOpen isDismissable={false} onClose={props.onClose} title={t("tokens.secret.title")} wide>
      <div className="dialog-form">
        <div className="alert alert-warning">
          <p className="alert-title">{t("tokens.secret.onceTitle")}</p>
          <p>{t("tokens.secret.once")}</p>
        </div>
        <dl className="kv kv-compact">
          <dt>{t("tokens.col.name")}</dt>
          <dd>{token.name}</dd>
          <dt>{t("tokens.col.role")}</dt>
          <dd>{t(`role.${token.role}`)}</dd>
        </dl>
        <div className="field">
          <label className="field-label" htmlFor="token-secret">
            {t("tokens.secret.label")}
          </label>
          <div className="secret-row">
            <input
              // biome-ignore lint/a11y/noAutofocus: the dialog exists to hand over this value; it opens on it, selected.
              autoFocus
              id="token-secret"
              className="input mono secret"
              readOnly
              value={secret}
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton value={secret} label={t("tokens.secret.copyLabel")} />
          </div>
          <p className="field-help">{t("tokens.secret.usage")}</p>
        </div>
        <DialogActions>
          <Button variant="primary" onPress={props.onClose}>
            {t("tokens.secret.done")}
          </Button>
        </DialogActions>
      </div>
    </ModalDialog>
  );
}
