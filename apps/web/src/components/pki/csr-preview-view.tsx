import type { CsrPreview, LintFinding } from "@pca/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../ui/badge";
import { ExtensionsView } from "./extensions-view";
import { Fingerprint } from "./fingerprint";
import { LintList } from "./lint-list";
import { PublicKeyText } from "./public-key-text";
import { SanList } from "./san-list";

/** Proof of possession: whether the CSR's self-signature verifies with its own public key. */
export function PopBadge(props: { valid: boolean | null }) {
  const { t } = useTranslation();
  if (props.valid === true) return <Badge tone="ok">{t("pki.pop.valid")}</Badge>;
  if (props.valid === false) return <Badge tone="bad">{t("pki.pop.invalid")}</Badge>;
  return <Badge tone="neutral">{t("pki.pop.unknown")}</Badge>;
}

/** Everything a CSR says, decoded: used for the local preview and for a PENDING CA's CSR. */
export function CsrPreviewView(props: { preview: CsrPreview; lint: readonly LintFinding[] }) {
  const { t } = useTranslation();
  const uid = useId();
  const p = props.preview;
  return (
    <div className="preview">
      <section aria-labelledby={`${uid}csr-lint-h`}>
        <h3 id={`${uid}csr-lint-h`}>{t("pki.lintTitle")}</h3>
        <LintList findings={props.lint} />
      </section>
      <section aria-labelledby={`${uid}csr-subject-h`}>
        <h3 id={`${uid}csr-subject-h`}>{t("pki.subjectTitle")}</h3>
        <dl className="kv">
          <dt>{t("pki.subject")}</dt>
          <dd className="mono wrap">{p.subject || <span className="muted">{t("pki.emptySubject")}</span>}</dd>
          <dt>{t("pki.sans")}</dt>
          <dd>
            <SanList sans={p.subjectAltNames} />
          </dd>
        </dl>
      </section>
      <section aria-labelledby={`${uid}csr-key-h`}>
        <h3 id={`${uid}csr-key-h`}>{t("pki.keyTitle")}</h3>
        <dl className="kv">
          <dt>{t("pki.publicKey")}</dt>
          <dd>
            <PublicKeyText publicKey={p.publicKey} />
          </dd>
          <dt>{t("pki.signatureAlgorithm")}</dt>
          <dd>
            <code>{p.signatureAlgorithm}</code>
            {p.signature.hash ? <span className="muted"> · {p.signature.hash}</span> : null}
          </dd>
          <dt>{t("pki.pop.label")}</dt>
          <dd>
            <PopBadge valid={p.signatureValid} />
          </dd>
          <dt>{t("pki.inputForm")}</dt>
          <dd>
            {t(`pki.form.${p.inputForm}`)} ·{" "}
            {t("pki.wireLength", { length: p.lengths.wire, limit: p.lengths.wireLimit })}
          </dd>
        </dl>
      </section>
      <section aria-labelledby={`${uid}csr-ext-h`}>
        <h3 id={`${uid}csr-ext-h`}>{t("pki.requestedExtensions")}</h3>
        <ExtensionsView extensions={p.extensions} />
        {p.attributes.length > 0 ? (
          <dl className="kv">
            {p.attributes.map((attribute) => (
              <div key={attribute.oid} className="kv-row">
                <dt>{attribute.name}</dt>
                <dd>{attribute.redacted ? t("pki.redacted") : (attribute.value ?? "—")}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>
      <section aria-labelledby={`${uid}csr-fp-h`}>
        <h3 id={`${uid}csr-fp-h`}>{t("pki.fingerprints")}</h3>
        <dl className="kv">
          <dt>{t("pki.sha256")}</dt>
          <dd>
            <Fingerprint label={t("pki.sha256")} hex={p.fingerprints.sha256} />
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
