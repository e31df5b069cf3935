import type { PublicKeyInfo } from "@pca/contracts";
import { useTranslation } from "react-i18next";

/** `RSA 2048 bits`, `EC P-256 (256 bits)`: algorithm, size and curve in one phrase. */
export function PublicKeyText(props: { publicKey: PublicKeyInfo }) {
  const { t } = useTranslation();
  const { algorithm, size, curve } = props.publicKey;
  return (
    <span>
      {algorithm}
      {curve ? ` ${curve}` : ""} · {t("pki.bits", { count: size })}
    </span>
  );
}
