import { CCM_LIMITS } from "@pca/contracts";
import { useEffect, useState } from "react";
import { Input, Label, SearchField } from "react-aria-components";

const DEBOUNCE_MS = 300;

/**
 * Search by name (CCM's `name` list parameter: a part of the common name); the term reaches the
 * URL (and the server) after a short pause, or at once on Enter.
 */
export function NameSearch(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
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
      <Label className="field-label">{props.label}</Label>
      <Input className="input" maxLength={CCM_LIMITS.listNameMaxLength} placeholder={props.placeholder} />
    </SearchField>
  );
}
