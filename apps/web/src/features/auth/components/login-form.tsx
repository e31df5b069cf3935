import { LoginRequestSchema } from "@pca/contracts";
import { type FormEvent, useState } from "react";
import { FieldError, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { ErrorPanel } from "../../../components/ui/states";
import { useLogin } from "../../../lib/auth";

type Field = "username" | "password";

/** Sign in: the contract's LoginRequestSchema checks the fields before anything is sent. */
export function LoginForm(props: { onSignedIn: () => void; notice?: string | undefined }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [invalid, setInvalid] = useState<Partial<Record<Field, string>>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LoginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "username") next.username = t("login.usernameInvalid");
        if (field === "password") next.password = t("login.passwordRequired");
      }
      setInvalid(next);
      return;
    }
    setInvalid({});
    login.mutate(parsed.data, { onSuccess: props.onSignedIn });
  };

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-labelledby="login-h">
      <h1 id="login-h">{t("login.title")}</h1>
      <p className="muted">{t("login.subtitle")}</p>
      {props.notice ? (
        <p className="alert alert-info" role="status">
          {props.notice}
        </p>
      ) : null}
      <TextField
        className="field"
        value={username}
        onChange={setUsername}
        isInvalid={Boolean(invalid.username)}
        autoComplete="username"
        autoFocus
      >
        <Label className="field-label">{t("login.username")}</Label>
        <Input className="input" />
        <FieldError className="field-error">{invalid.username}</FieldError>
      </TextField>
      <TextField
        className="field"
        type="password"
        value={password}
        onChange={setPassword}
        isInvalid={Boolean(invalid.password)}
        autoComplete="current-password"
      >
        <Label className="field-label">{t("login.password")}</Label>
        <Input className="input" />
        <FieldError className="field-error">{invalid.password}</FieldError>
      </TextField>
      {login.isError ? <ErrorPanel error={login.error} /> : null}
      <Button type="submit" variant="primary" isPending={login.isPending}>
        {login.isPending ? t("login.signingIn") : t("login.submit")}
      </Button>
    </form>
  );
}
