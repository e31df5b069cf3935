import { VALIDITY_TYPES, type ValidityType, type ValidityWindow } from "@pca/contracts";
import { useId } from "react";
import { Checkbox, Input, Label, Radio, RadioGroup, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/ui/date-time";
import { fromLocalInput, toLocalInput } from "../../../lib/local-input";

export interface ValidityInput {
  readonly type: ValidityType;
  /** As typed, so an empty or over-limit value can be shown and explained. */
  readonly valueText: string;
  readonly startFrom: number | undefined;
}

const HOUR_MS = 3_600_000;

/**
 * Unit, value and optional start; below them the notBefore / notAfter CCM will give, in local
 * time and UTC, from computeValidity (the BFF's function), or the limit that refuses it.
 */
export function ValidityPicker(props: {
  value: ValidityInput;
  max: number;
  onChange: (next: ValidityInput) => void;
  window: ValidityWindow | null;
  problem: string | undefined;
  now: number;
}) {
  const { t } = useTranslation();
  const startId = useId();
  const { value } = props;
  const set = (patch: Partial<ValidityInput>) => props.onChange({ ...value, ...patch });
  return (
    <fieldset className="fieldset">
      <legend className="field-label">{t("issue.validity.legend")}</legend>
      <div className="field-row">
        <RadioGroup
          className="field"
          orientation="horizontal"
          value={value.type}
          onChange={(next) =>
            set({
              type: (VALIDITY_TYPES as readonly string[]).includes(next) ? (next as ValidityType) : "YEAR",
            })
          }
        >
          <Label className="field-label">{t("issue.validity.unit")}</Label>
          <div className="segmented">
            {VALIDITY_TYPES.map((type) => (
              <Radio key={type} value={type} className="segment">
                {t(`validityUnit.${type}`)}
              </Radio>
            ))}
          </div>
        </RadioGroup>
        <TextField
          className="field field-narrow"
          value={value.valueText}
          onChange={(valueText) => set({ valueText })}
          isInvalid={Boolean(props.problem)}
        >
          <Label className="field-label">{t("issue.validity.value")}</Label>
          <Input className="input" type="number" inputMode="numeric" min={1} max={props.max} step={1} />
        </TextField>
      </div>
      <div className="field-row">
        <Checkbox
          className="checkbox"
          isSelected={value.startFrom !== undefined}
          onChange={(on) =>
            set({ startFrom: on ? Math.ceil((props.now + HOUR_MS) / HOUR_MS) * HOUR_MS : undefined })
          }
        >
          <span className="checkbox-box" aria-hidden="true" />
          {t("issue.validity.startLater")}
        </Checkbox>
        {value.startFrom !== undefined ? (
          <div className="field">
            <label className="field-label" htmlFor={startId}>
              {t("issue.validity.start")}
            </label>
            <input
              id={startId}
              className="input"
              type="datetime-local"
              value={toLocalInput(value.startFrom)}
              onChange={(event) => {
                const ms = fromLocalInput(event.target.value);
                if (ms !== undefined) set({ startFrom: ms });
              }}
            />
          </div>
        ) : null}
      </div>
      <p className="field-help">
        {t("issue.validity.limit", { max: props.max, unit: t(`validityUnit.${value.type}`) })}
      </p>
      <div className="validity-result" aria-live="polite">
        {props.problem ? (
          <p className="field-error" role="alert">
            {props.problem}
          </p>
        ) : props.window ? (
          <dl className="kv kv-compact">
            <dt>{t("pki.notBefore")}</dt>
            <dd>
              <DateTime ms={props.window.notBefore} inline />
              {value.startFrom === undefined ? (
                <span className="muted small"> ({t("issue.validity.atIssue")})</span>
              ) : null}
            </dd>
            <dt>{t("pki.notAfter")}</dt>
            <dd>
              <DateTime ms={props.window.notAfter} inline />
            </dd>
          </dl>
        ) : null}
      </div>
    </fieldset>
  );
}
