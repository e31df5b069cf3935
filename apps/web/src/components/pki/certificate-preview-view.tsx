import type { CertificatePreview } from "@pca/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../ui/date-time";
import { ColonHex } from "./colon-hex";
import { ExtensionsView } from "./extensions-view";
import { Fingerprint } from "./fingerprint";
import { PublicKeyText } from "./public-key-text";
import { SanList } from "./san-list";

/** A certificate decoded, so nobody needs OpenSSL to read what was issued. */
export function CertificatePreviewView(props: { preview: CertificatePreview }) {
  const { t } = useTranslation();
  const uid = useId();
  const p = props.preview;
  return (
    <div className="preview">
      <section aria-labelledby={`${uid}cert-names-h`}>
        <h3 id={`${uid}cert-names-h`}>{t("pki.namesTitle")}</h3>
        <dl className="kv">
          <dt>{t("pki.subject")}</dt>
          <dd className="mono wrap">{p.subject || "—"}</dd>
          <dt>{t("pki.issuer")}</dt>
          <dd className="mono wrap">
            {p.issuer}
            {p.selfIssued ? <span className="muted"> ({t("pki.selfIssued")})</span> : null}
          </dd>
          <dt>{t("pki.sans")}</dt>
          <dd>
            <SanList sans={p.subjectAltNames} />
          </dd>
          <dt>{t("pki.serialNumber")}</dt>
          <dd className="mono wrap">
            <ColonHex hex={p.serialNumber} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby={`${uid}cert-validity-h`}>
        <h3 id={`${uid}cert-validity-h`}>{t("pki.validityTitle")}</h3>
        <dl className="kv">
          <dt>{t("pki.notBefore")}</dt>
          <dd>
            <DateTime ms={p.notBeforeMs} />
          </dd>
          <dt>{t("pki.notAfter")}</dt>
          <dd>
            <DateTime ms={p.notAfterMs} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby={`${uid}cert-key-h`}>
        <h3 id={`${uid}cert-key-h`}>{t("pki.keyTitle")}</h3>
        <dl className="kv">
          <dt>{t("pki.publicKey")}</dt>
          <dd>
            <PublicKeyText publicKey={p.publicKey} />
          </dd>
          <dt>{t("pki.signatureAlgorithm")}</dt>
          <dd>
            <code>{p.signatureAlgorithm}</code>
          </dd>
          <dt>{t("pki.version")}</dt>
          <dd>v{p.version}</dd>
        </dl>
      </section>
      <section aria-labelledby={`${uid}cert-ext-h`}>
        <h3 id={`${uid}cert-ext-h`}>{t("pki.extensions")}</h3>
        <ExtensionsView extensions={p.extensions} />
      </section>
      <section aria-labelledby={`${uid}cert-fp-h`}>
        <h3 id={`${uid}cert-fp-h`}>{t("pki.fingerprints")}</h3>
        <dl className="kv">
          <dt>{t("pki.sha256")}</dt>
          <dd>
            <Fingerprint label={t("pki.sha256")} hex={p.fingerprints.sha256} />
          </dd>
          <dt>{t("pki.sha1")}</dt>
          <dd>
            <Fingerprint label={t("pki.sha1")} hex={p.fingerprints.sha1} />
          </dd>
          <dt>{t("pki.spkiSha256")}</dt>
          <dd>
            <Fingerprint label={t("pki.spkiSha256")} hex={p.fingerprints.spkiSha256} />
          </dd>
        </dl>
      </section>
    </div>
  );
}
