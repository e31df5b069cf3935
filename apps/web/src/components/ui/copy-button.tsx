import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";

/** Copies a value to the clipboard and says so, for screen readers too. */
export function CopyButton(props: { value: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="copy">
      <Button
        size="sm"
        variant="ghost"
        aria-label={t("common.copyWhat", { what: props.label })}
        onPress={copy}
      >
        {t("common.copy")}
      </Button>
      <span role="status" className="copy-status">
        {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : ""}
      </span>
    </span>
  );
}
