import { Fragment } from "react";
import { colonHex } from "../../lib/format";

/**
 * Hex bytes in the colon form tools print (AB:CD:…). A long value wraps only between bytes: a
 * <wbr> after each colon is the line breaker's place to break, and copying still gives plain text.
 */
export function ColonHex(props: { hex: string }) {
  return (
    <>
      {colonHex(props.hex)
        .split(":")
        .map((byte, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the bytes of one value never move
          <Fragment key={i}>
            {i > 0 ? ":" : null}
            {i > 0 ? <wbr /> : null}
            {byte}
          </Fragment>
        ))}
    </>
  );
}
