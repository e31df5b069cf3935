import { colonHex } from "../../lib/format";
import { CopyButton } from "../ui/copy-button";

/** A fingerprint in the colon form tools print, wrapped, with a copy button for the raw hex. */
export function Fingerprint(props: { label: string; hex: string }) {
  return (
    <span className="fingerprint">
      <code className="mono wrap">{colonHex(props.hex)}</code>
      <CopyButton value={props.hex} label={props.label} />
    </span>
  );
}
