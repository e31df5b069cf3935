import { CreateUserRequestSchema, type Role, type User } from "@pca/contracts";
import { type FormEvent, useState } from "react";
import { FieldError, Input, Label, Text, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { RolePicker } from "../../../components/roles/role-picker";
import { Button } from "../../../components/ui/button";
import { DialogActions, ModalDialog } from "../../../components/ui/dialog";
import { ErrorPanel } from "../../../components/ui/states";
import { useCreateUser } from "../api/create-user";
import { checkPassword, passwordAcceptable } from "../lib/password-rules";
import { PasswordFields } from "./password-fields";

/**
 * Create a user: name, role and initial password, checked by the contract's CreateUserRequestSchema
 * (and the confirmation) before anything is sent. USER_EXISTS and WEAK_PASSWORD mark their field.
 */
export function CreateUserDialog(props: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [attempted, setAttempted] = useState(false);

  const close = () => {
    setUsername("");
    setRole("viewer");
    setPassword("");
    setConfirmation("");
    setAttempted(false);
    create.reset();
    props.onClose();
  };

  const parsed = CreateUserRequestSchema.safeParse({ username, password, role });
  const usernameInvalid =
    !parsed.success && parsed.error.issues.some((issue) => issue.path[0] === "username");
  const errorCode = create.error?.code;
  const usernameError =
    errorCode === "USER_EXISTS"
      ? t("errors.USER_EXISTS")
      : attempted && usernameInvalid
        ? t(username === "" ? "users.create.usernameRequired" : "login.usernameInvalid")
        : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!parsed.success || !passwordAcceptable(checkPassword(password, confirmation)) || create.isPending)
      return;
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        close();
        props.onCreated(user);
      },
    });
  };

  return (
    <ModalDialog isOpen={props.isOpen} onClose={close} title={t("users.create.title")} wide>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField
          className="field"
          value={username}
          onChange={(value) => {
            setUsername(value);
            if (errorCode === "USER_EXISTS") create.reset();
          }}
          isInvalid={Boolean(usernameError)}
          autoComplete="off"
          autoFocus
        >
          <Label className="field-label">{t("users.create.username")}</Label>
          <Input className="input" maxLength={64} spellCheck={false} />
          <Text slot="description" className="field-help">
            {t("users.create.usernameHelp")}
          </Text>
          <FieldError className="field-error">{usernameError}</FieldError>
        </TextField>
        <RolePicker label={t("users.create.role")} value={role} onChange={setRole} />
        <PasswordFields
          label={t("users.create.password")}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          showErrors={attempted}
          serverError={errorCode === "WEAK_PASSWORD" ? t("errors.WEAK_PASSWORD") : undefined}
          note={t("users.create.passwordNote")}
        />
        {create.isError && errorCode !== "USER_EXISTS" ? <ErrorPanel error={create.error} /> : null}
        <DialogActions>
          <Button onPress={close}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {create.isPending ? t("users.create.submitting") : t("users.create.submit")}
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
