import { CERTIFICATE_TYPES, type IssuedCertificateType } from "@pca/contracts";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";

/** ENTITY_CERT or INTERMEDIATE_CA; the path length (0-6) exists only for the latter. */
export function TypePicker(props: {
  type: IssuedCertificateType;
  pathLength: number;
  /** The path lengths the chosen issuer allows (0-6 before one is chosen). */
  pathLengths: readonly number[];
  onTypeChange: (type: IssuedCertificateType) => void;
  onPathLengthChange: (pathLength: number) => void;
  errorMessage?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <RadioGroup
        className="field"
        value={props.type}
        orientation="horizontal"
        onChange={(value) =>
          props.onTypeChange(value === "INTERMEDIATE_CA" ? "INTERMEDIATE_CA" : "ENTITY_CERT")
        }
      >
        <Label className="field-label">{t("issue.type.label")}</Label>
        <div className="segmented">
          {CERTIFICATE_TYPES.map((type) => (
            <Radio key={type} value={type} className="segment">
              {t(`certificateType.${type}`)}
            </Radio>
          ))}
        </div>
        <Text slot="description" className="field-help">
          {t(`issue.type.help.${props.type}`)}
        </Text>
      </RadioGroup>
      {props.type === "INTERMEDIATE_CA" ? (
        <SelectField
          className="field-narrow"
          label={t("issue.type.pathLength")}
          items={props.pathLengths.map((n) => ({ id: String(n), label: String(n) }))}
          selectedKey={props.pathLengths.includes(props.pathLength) ? String(props.pathLength) : null}
          onChange={(key) => props.onPathLengthChange(Number(key ?? 0))}
          description={t("issue.type.pathLengthHelp")}
          errorMessage={props.errorMessage}
        />
      ) : null}
    </div>
  );
}
