import type { Extensions } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { Badge } from "../ui/badge";

function Critical(props: { critical: boolean }) {
  const { t } = useTranslation();
  return props.critical ? <Badge tone="warn">{t("pki.critical")}</Badge> : null;
}

/**
 * The extensions, well-known ones decoded, every other one listed by OID (never hidden), the way
 * x509's ExtensionFactory falls back to a generic Extension.
 */
export function ExtensionsView(props: { extensions: Extensions }) {
  const { t } = useTranslation();
  const e = props.extensions;
  const none =
    !e.keyUsage &&
    !e.extendedKeyUsage &&
    !e.basicConstraints &&
    !e.subjectKeyIdentifier &&
    !e.authorityKeyIdentifier &&
    !e.subjectAltName &&
    e.other.length === 0;
  if (none) return <p className="muted">{t("pki.noExtensions")}</p>;
  return (
    <dl className="kv">
      {e.subjectAltName ? (
        <>
          <dt>{t("pki.ext.subjectAltName")}</dt>
          <dd>
            {t("pki.seeSans")} <Critical critical={e.subjectAltName.critical} />
          </dd>
        </>
      ) : null}
      {e.basicConstraints ? (
        <>
          <dt>{t("pki.ext.basicConstraints")}</dt>
          <dd>
            {e.basicConstraints.ca ? t("pki.caTrue") : t("pki.caFalse")}
            {e.basicConstraints.pathLength !== null
              ? ` · ${t("pki.pathLength", { value: e.basicConstraints.pathLength })}`
              : ""}{" "}
            <Critical critical={e.basicConstraints.critical} />
          </dd>
        </>
      ) : null}
      {e.keyUsage ? (
        <>
          <dt>{t("pki.ext.keyUsage")}</dt>
          <dd>
            {e.keyUsage.values.join(", ")} <Critical critical={e.keyUsage.critical} />
          </dd>
        </>
      ) : null}
      {e.extendedKeyUsage ? (
        <>
          <dt>{t("pki.ext.extendedKeyUsage")}</dt>
          <dd>
            {e.extendedKeyUsage.values.map((v) => v.name ?? v.oid).join(", ")}{" "}
            <Critical critical={e.extendedKeyUsage.critical} />
          </dd>
        </>
      ) : null}
      {e.subjectKeyIdentifier ? (
        <>
          <dt>{t("pki.ext.subjectKeyIdentifier")}</dt>
          <dd>
            <code className="mono wrap">{e.subjectKeyIdentifier.value}</code>
          </dd>
        </>
      ) : null}
      {e.authorityKeyIdentifier ? (
        <>
          <dt>{t("pki.ext.authorityKeyIdentifier")}</dt>
          <dd>
            <code className="mono wrap">{e.authorityKeyIdentifier.keyIdentifier ?? "—"}</code>
          </dd>
        </>
      ) : null}
      {e.other.map((other) => (
        <div key={other.oid} className="kv-row">
          <dt>{other.name ?? t("pki.ext.unknown")}</dt>
          <dd>
            <code>{other.oid}</code> · {t("pki.bytes", { count: other.length })}{" "}
            <Critical critical={other.critical} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
