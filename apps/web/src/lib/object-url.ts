import { useEffect, useState } from "react";

/**
 * An object URL for text the page already holds (a certificate without its chain), revoked when
 * the text changes or the component goes; `<a download>` then saves it with no server round trip.
 */
export function useObjectUrl(text: string | undefined, type: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (text === undefined) return;
    const next = URL.createObjectURL(new Blob([text], { type }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [text, type]);
  return url;
}
