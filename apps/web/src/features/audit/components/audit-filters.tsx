import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type AuditQuery } from "@pca/contracts";
import { useEffect, useId, useState } from "react";
import { Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../../components/ui/select-field";
import type { QueryValue } from "../../../lib/api-client";
import { fromLocalInput, toLocalInput } from "../../../lib/local-input";

const ALL = "all";

/** A text filter that reaches the URL on Enter or when focus leaves, not on every keystroke. */
function TextFilter(props: { label: string; value: string | undefined; onCommit: (value: string) => void }) {
  const [text, setText] = useState(props.value ?? "");
  useEffect(() => setText(props.value ?? ""), [props.value]);
  const commit = () => {
    if (text.trim() !== (props.value ?? "")) props.onCommit(text.trim());
  };
  return (
    <TextField className="field" value={text} onChange={setText} onBlur={commit} maxLength={128}>
      <Label className="field-label">{props.label}</Label>
      <Input
        className="input"
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
    </TextField>
  );
}

function TimeFilter(props: {
  label: string;
  value: number | undefined;
  onCommit: (ms: number | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="input"
        type="datetime-local"
        value={props.value === undefined ? "" : toLocalInput(props.value)}
        onChange={(event) => props.onCommit(fromLocalInput(event.target.value))}
      />
    </div>
  );
}

/** Actor, action, outcome, target and time range; every filter lives in the URL. */
export function AuditFilters(props: {
  query: AuditQuery;
  onChange: (patch: Record<string, QueryValue>) => void;
}) {
  const { t } = useTranslation();
  const q = props.query;
  const set = (patch: Record<string, QueryValue>) => props.onChange({ ...patch, offset: undefined });
  return (
    <div className="filters">
      <TextFilter label={t("audit.filters.actor")} value={q.actor} onCommit={(actor) => set({ actor })} />
      <SelectField
        label={t("audit.filters.action")}
        selectedKey={q.action ?? ALL}
        onChange={(key) => set({ action: key === ALL ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          ...AUDIT_ACTIONS.map((a) => ({ id: a, label: t(`auditAction.${a}`) })),
        ]}
      />
      <SelectField
        label={t("audit.filters.outcome")}
        selectedKey={q.outcome ?? ALL}
        onChange={(key) => set({ outcome: key === ALL ? undefined : key })}
        items={[
          { id: ALL, label: t("common.all") },
          ...AUDIT_OUTCOMES.map((o) => ({ id: o, label: t(`auditOutcome.${o}`) })),
        ]}
      />
      <TextFilter label={t("audit.filters.target")} value={q.target} onCommit={(target) => set({ target })} />
      <TimeFilter label={t("audit.filters.from")} value={q.from} onCommit={(from) => set({ from })} />
      <TimeFilter label={t("audit.filters.to")} value={q.to} onCommit={(to) => set({ to })} />
    </div>
  );
}
