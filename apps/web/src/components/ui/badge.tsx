import type { ReactNode } from "react";

export type Tone = "ok" | "warn" | "bad" | "neutral" | "info";

/** A small status label; the tone is never the only signal, the text always says it. */
export function Badge(props: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${props.tone}`} title={props.title}>
      {props.children}
    </span>
  );
}
