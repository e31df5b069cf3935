import { useTranslation } from "react-i18next";
import { Badge } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { useAuditVerification } from "../api/verify-audit";

/** Whether the audit log's hash chain still holds, recomputed by the server on demand. */
export function ChainStatus() {
  const { t } = useTranslation();
  const verify = useAuditVerification();
  return (
    <section className="chain-status" aria-live="polite" aria-label={t("audit.chain.label")}>
      {verify.isPending ? (
        <Badge tone="neutral">{t("audit.chain.checking")}</Badge>
      ) : verify.isError ? (
        <Badge tone="warn">{t("audit.chain.unavailable")}</Badge>
      ) : verify.data.ok ? (
        <Badge tone="ok">{t("audit.chain.ok", { count: verify.data.checked })}</Badge>
      ) : (
        <>
          <Badge tone="bad">
            {t("audit.chain.broken", { seq: verify.data.firstBrokenSeq ?? "?", count: verify.data.checked })}
          </Badge>
          {verify.data.reason ? <span className="small">{verify.data.reason}</span> : null}
        </>
      )}
      <Button size="sm" variant="ghost" isDisabled={verify.isFetching} onPress={() => void verify.refetch()}>
        {t("audit.chain.recheck")}
      </Button>
    </section>
  );
}
