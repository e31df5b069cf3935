import type { CaStatus, CertificateStatus } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Badge, type Tone } from "./badge";

const CA_TONES: Record<CaStatus, Tone> = {
  ACTIVED: "ok",
  PENDING: "info",
  DISABLED: "neutral",
  DELETED: "bad",
  EXPIRED: "bad",
};

const CERTIFICATE_TONES: Record<CertificateStatus, Tone> = { ISSUED: "ok", REVOKED: "bad", EXPIRED: "bad" };

/** A CA's status in words, with CCM's own value (`ACTIVED`) kept as the title for cross-checking. */
export function CaStatusBadge(props: { status: CaStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={CA_TONES[props.status]} title={props.status}>
      {t(`caStatus.${props.status}`)}
    </Badge>
  );
}

export function CertificateStatusBadge(props: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge tone={CERTIFICATE_TONES[props.status]} title={props.status}>
      {t(`certificateStatus.${props.status}`)}
    </Badge>
  );
}
