import { CopyButton } from "../ui/copy-button";
import { ColonHex } from "./colon-hex";

/** A fingerprint in the colon form tools print, wrapped, with a copy button for the raw hex. */
export function Fingerprint(props: { label: string; hex: string }) {
  return (
    <span className="fingerprint">
      <code className="mono wrap">
        <ColonHex hex={props.hex} />
      </code>
      <CopyButton value={props.hex} label={props.label} />
    </span>
  );
}
