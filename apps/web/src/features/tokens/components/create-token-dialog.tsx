import { CreateApiTokenRequestSchema, type Role } from "@pca/contracts";
import { type FormEvent, useState } from "react";
import { FieldError, Input, Label, Text, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { RolePicker } from "../../../components/roles/role-picker";
import { Button } from "../../../components/ui/button";
import { DateTime } from "../../../components/ui/date-time";
import { DialogActions, ModalDialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { ErrorPanel } from "../../../components/ui/states";
import { type CreatedToken, useCreateToken } from "../api/create-token";
import {
  DEFAULT_EXPIRY,
  EXPIRY_CHOICES,
  EXPIRY_DAYS_LIMITS,
  type ExpiryChoice,
  expiresAt,
  expiryDays,
} from "../lib/expiry-choice";

const NAME_MAX = CreateApiTokenRequestSchema.shape.name.maxLength ?? 64;
const isChoice = (key: string | null): key is ExpiryChoice =>
  key !== null && (EXPIRY_CHOICES as readonly string[]).includes(key);

/**
 * Create an API token: a name, a role (viewer by default: the least that works) and an expiry,
 * checked by the contract's CreateApiTokenRequestSchema before sending. The answer, secret
 * included, goes straight to `onCreated`; this dialog keeps none of it.
 */
export function CreateTokenDialog(props: {
  isOpen: boolean;
  now: number;
  onClose: () => void;
  onCreated: (created: CreatedToken) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [choice, setChoice] = useState<ExpiryChoice>(DEFAULT_EXPIRY);
  const [customDays, setCustomDays] = useState("");
  const [attempted, setAttempted] = useState(false);

  const reset = () => {
    setName("");
    setRole("viewer");
    setChoice(DEFAULT_EXPIRY);
    setCustomDays("");
    setAttempted(false);
    create.reset();
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const days = expiryDays(choice, customDays);
  const body = days.ok
    ? CreateApiTokenRequestSchema.safeParse({
        name: name.trim(),
        role,
        ...(days.days === undefined ? {} : { expiresInDays: days.days }),
      })
    : null;
  const nameError = attempted && name.trim().length === 0 ? t("tokens.create.nameRequired") : undefined;
  const daysError = attempted && !days.ok ? t("tokens.create.daysInvalid", EXPIRY_DAYS_LIMITS) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (!body?.success || create.isPending) return;
    create.mutate(body.data, {
      onSuccess: (created) => {
        reset();
        props.onCreated(created);
      },
    });
  };

  const until = days.ok ? expiresAt(props.now, days.days) : null;
  return (
    <ModalDialog isOpen={props.isOpen} onClose={close} title={t("tokens.create.title")} wide>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <TextField
          className="field"
          value={name}
          onChange={setName}
          isInvalid={Boolean(nameError)}
          autoComplete="off"
          autoFocus
        >
          <Label className="field-label">{t("tokens.create.name")}</Label>
          <Input className="input" maxLength={NAME_MAX} />
          <Text slot="description" className="field-help">
            {t("tokens.create.nameHelp", { max: NAME_MAX })}
          </Text>
          <FieldError className="field-error">{nameError}</FieldError>
        </TextField>
        <RolePicker
          label={t("tokens.create.role")}
          value={role}
          onChange={setRole}
          description={t("tokens.create.roleHelp")}
        />
        <div className="field-row">
          <SelectField
            label={t("tokens.create.expiry")}
            selectedKey={choice}
            onChange={(key) => {
              if (isChoice(key)) setChoice(key);
            }}
            items={EXPIRY_CHOICES.map((c) => ({ id: c, label: t(`tokens.expiryChoice.${c}`) }))}
          />
          {choice === "custom" ? (
            <TextField
              className="field field-narrow"
              value={customDays}
              onChange={setCustomDays}
              isInvalid={Boolean(daysError)}
            >
              <Label className="field-label">{t("tokens.create.days")}</Label>
              <Input
                className="input"
                type="number"
                inputMode="numeric"
                min={EXPIRY_DAYS_LIMITS.min}
                max={EXPIRY_DAYS_LIMITS.max}
                step={1}
              />
              <Text slot="description" className="field-help">
                {t("tokens.create.daysHelp", EXPIRY_DAYS_LIMITS)}
              </Text>
              <FieldError className="field-error">{daysError}</FieldError>
            </TextField>
          ) : null}
        </div>
        <p className="field-help" aria-live="polite">
          {choice === "never" ? (
            <span className="warn-text">{t("tokens.create.noExpiryWarning")}</span>
          ) : until !== null ? (
            <>
              {t("tokens.create.expiresOn")} <DateTime ms={until} inline />
            </>
          ) : null}
        </p>
        {create.isError ? <ErrorPanel error={create.error} /> : null}
        <DialogActions>
          <Button onPress={close}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {create.isPending ? t("tokens.create.submitting") : t("tokens.create.submit")}
          </Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
