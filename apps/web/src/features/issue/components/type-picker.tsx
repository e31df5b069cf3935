import { CCM_LIMITS, CERTIFICATE_TYPES, type IssuedCertificateType } from "@pca/contracts";
import { Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";

const PATH_LENGTHS = Array.from(
  { length: CCM_LIMITS.pathLengthMax - CCM_LIMITS.pathLengthMin + 1 },
  (_, i) => CCM_LIMITS.pathLengthMin + i,
);

/** ENTITY_CERT or INTERMEDIATE_CA; the path length (0-6) exists only for the latter. */
export function TypePicker(props: {
  type: IssuedCertificateType;
  pathLength: number;
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
          items={PATH_LENGTHS.map((n) => ({ id: String(n), label: String(n) }))}
          selectedKey={String(props.pathLength)}
          onChange={(key) => props.onPathLengthChange(Number(key ?? 0))}
          description={t("issue.type.pathLengthHelp")}
          errorMessage={props.errorMessage}
        />
      ) : null}
    </div>
  );
}
