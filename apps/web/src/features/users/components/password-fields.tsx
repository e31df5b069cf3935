import { FieldError, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { checkPassword, PASSWORD_LIMITS } from "../lib/password-rules";

/**
 * A new password and its confirmation, with the contract's rules listed beneath and ticked off as
 * they are met, so nothing is sent that the BFF would refuse. Never prefilled, never echoed.
 */
export function PasswordFields(props: {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  /** After a submit attempt, unmet rules become field errors. */
  showErrors: boolean;
  /** The server refused the password (WEAK_PASSWORD). */
  serverError?: string | undefined;
  label: string;
  note?: string | undefined;
}) {
  const { t } = useTranslation();
  const checks = checkPassword(props.password, props.confirmation);
  const rules = [
    { id: "length", met: checks.length, text: t("users.password.ruleLength", PASSWORD_LIMITS) },
    { id: "match", met: checks.match, text: t("users.password.ruleMatch") },
  ];
  const passwordError =
    props.serverError ??
    (props.showErrors && !checks.length ? t("users.password.lengthError", PASSWORD_LIMITS) : undefined);
  const confirmationError =
    props.showErrors && checks.length && !checks.match ? t("users.password.matchError") : undefined;
  return (
    <>
      <div className="field-pair">
        <TextField
          className="field"
          type="password"
          value={props.password}
          onChange={props.onPasswordChange}
          isInvalid={Boolean(passwordError)}
          autoComplete="new-password"
        >
          <Label className="field-label">{props.label}</Label>
          <Input className="input" maxLength={PASSWORD_LIMITS.max + 1} />
          <FieldError className="field-error">{passwordError}</FieldError>
        </TextField>
        <TextField
          className="field"
          type="password"
          value={props.confirmation}
          onChange={props.onConfirmationChange}
          isInvalid={Boolean(confirmationError)}
          autoComplete="new-password"
        >
          <Label className="field-label">{t("users.password.confirm")}</Label>
          <Input className="input" />
          <FieldError className="field-error">{confirmationError}</FieldError>
        </TextField>
      </div>
      <div className="rules">
        <p className="field-help">{t("users.password.rulesTitle")}</p>
        <ul className="rule-list">
          {rules.map((rule) => (
            <li key={rule.id} className={rule.met ? "rule rule-met" : "rule"}>
              <span aria-hidden="true" className="rule-mark">
                {rule.met ? "✓" : "○"}
              </span>
              {rule.text}
              <span className="visually-hidden">
                {" "}
                ({rule.met ? t("users.password.met") : t("users.password.notMet")})
              </span>
            </li>
          ))}
        </ul>
        {props.note ? <p className="field-help">{props.note}</p> : null}
      </div>
    </>
  );
}
