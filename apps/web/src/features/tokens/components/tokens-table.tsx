import type { ApiToken } from "@pca/contracts";
import { useTranslation } from "react-i18next";
import { RoleChip } from "../../../components/roles/role-chip";
import { Badge, type Tone } from "../../../components/ui/badge";
import { Button } from "../../../components/ui/button";
import { DateTime } from "../../../components/ui/date-time";
import { ExpiryNote } from "../../../components/ui/expiry-note";
import { type TokenStatus, tokenStatus } from "../lib/token-status";

const STATUS_TONES: Record<TokenStatus, Tone> = { active: "ok", expired: "warn", revoked: "bad" };

/**
 * API tokens as the BFF lists them: who owns each, what it may do, when it expires and was last
 * used. No secret is ever here (the contract's list has none). Revoked tokens stay listed.
 */
export function TokensTable(props: {
  tokens: readonly ApiToken[];
  now: number;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t("tokens.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("tokens.col.name")}</th>
            <th scope="col">{t("tokens.col.role")}</th>
            <th scope="col">{t("tokens.col.owner")}</th>
            <th scope="col">{t("tokens.col.created")}</th>
            <th scope="col">{t("tokens.col.expires")}</th>
            <th scope="col">{t("tokens.col.lastUsed")}</th>
            <th scope="col">{t("tokens.col.status")}</th>
            <th scope="col">{t("tokens.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {props.tokens.map((token) => {
            const status = tokenStatus(token, props.now);
            return (
              <tr key={token.id} className={status === "active" ? undefined : "row-disabled"}>
                <th scope="row" className="row-head">
                  {token.name}
                  <div className="mono muted small" title={t("tokens.idHelp")}>
                    {token.id}
                  </div>
                </th>
                <td>
                  <RoleChip role={token.role} />
                </td>
                <td className="mono">{token.owner}</td>
                <td>
                  <DateTime ms={token.createdAt} />
                </td>
                <td>
                  {token.expiresAt === null ? (
                    <span className="muted">{t("tokens.noExpiry")}</span>
                  ) : (
                    <>
                      <DateTime ms={token.expiresAt} />
                      {status === "active" ? <ExpiryNote notAfter={token.expiresAt} now={props.now} /> : null}
                    </>
                  )}
                </td>
                <td>
                  {token.lastUsedAt === null ? (
                    <span className="muted">{t("tokens.neverUsed")}</span>
                  ) : (
                    <DateTime ms={token.lastUsedAt} />
                  )}
                </td>
                <td>
                  <Badge tone={STATUS_TONES[status]}>{t(`tokens.status.${status}`)}</Badge>
                  {token.revokedAt !== null ? <DateTime ms={token.revokedAt} /> : null}
                </td>
                <td>
                  {token.revokedAt === null ? (
                    <Button
                      size="sm"
                      variant="danger"
                      aria-label={t("tokens.revokeOf", { name: token.name })}
                      onPress={() => props.onRevoke(token)}
                    >
                      {t("tokens.revoke")}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
