import { CCM_LIMITS } from "@pca/contracts";
import { useEffect, useState } from "react";
import { Input, Label, SearchField } from "react-aria-components";
import { useTranslation } from "react-i18next";

const DEBOUNCE_MS = 300;

/** Search by common name; the term reaches the URL (and the server) after a short pause. */
export function CertificateSearch(props: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value);
  const { onChange, value } = props;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <SearchField
      className="field search-field"
      value={text}
      onChange={setText}
      onSubmit={() => onChange(text.trim())}
    >
      <Label className="field-label">{t("certificates.search")}</Label>
      <Input
        className="input"
        maxLength={CCM_LIMITS.listNameMaxLength}
        placeholder={t("certificates.searchPlaceholder")}
      />
    </SearchField>
  );
}
