import type { User } from "@pca/contracts";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { DialogActions, ModalDialog } from "../../../components/ui/dialog";
import { ErrorPanel } from "../../../components/ui/states";
import { useUpdateUser } from "../api/update-user";
import { checkPassword, passwordAcceptable } from "../lib/password-rules";
import { PasswordFields } from "./password-fields";

/** Set a new password for a user; the BFF ends all of that user's sessions when it changes. */
export function ResetPasswordDialog(props: {
  user: User;
  isSelf: boolean;
  onClose: () => void;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [attempted, setAttempted] = useState(false);
  const { username } = props.user;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!passwordAcceptable(checkPassword(password, confirmation)) || update.isPending) return;
    update.mutate({ username, changes: { password } }, { onSuccess: props.onChanged });
  };
  return (
    <ModalDialog isOpen onClose={props.onClose} title={t("users.password.title", { username })}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <div className="alert alert-warning">
          <p>
            {t(props.isSelf ? "users.password.endsOwnSessions" : "users.password.endsSessions", { username })}
          </p>
        </div>
        <PasswordFields
          label={t("users.password.new")}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          showErrors={attempted}
          serverError={update.error?.code === "WEAK_PASSWORD" ? t("errors.WEAK_PASSWORD") : undefined}
        />
        {update.isError && update.error.code !== "WEAK_PASSWORD" ? <ErrorPanel error={update.error} /> : null}
        <DialogActions>
          <Button onPress={props.onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="danger" isPending={update.isPending}>
            {update.isPending ? t("users.password.submitting") : t("users.password.submit")}
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
