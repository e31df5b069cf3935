import type { ApiToken, SessionInfo } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ManagedListHeader } from "../../components/ui/managed-list-header";
import { PageHeader } from "../../components/ui/page-header";
import { EmptyState, QueryRegion } from "../../components/ui/states";
import type { CreatedToken } from "../../features/tokens/api/create-token";
import { getTokensQueryOptions, useTokens } from "../../features/tokens/api/get-tokens";
import { CreateTokenDialog } from "../../features/tokens/components/create-token-dialog";
import { RevokeTokenDialog } from "../../features/tokens/components/revoke-token-dialog";
import { TokenFilters } from "../../features/tokens/components/token-filters";
import { TokenSecretDialog } from "../../features/tokens/components/token-secret-dialog";
import { TokensTable } from "../../features/tokens/components/tokens-table";
import { filterTokens, TokenFilterSchema } from "../../features/tokens/lib/token-status";
import { useSession } from "../../lib/auth";
import { can } from "../../lib/authorization";
import { SESSION_QUERY_KEY } from "../../lib/query-client";
import { useUrlQuery } from "../../lib/url-state";
import { useNow } from "../../lib/use-now";

/** Starts the list request early, but only when the cached session is already an admin's. */
export const clientLoader = (client: QueryClient) => () => {
  const session = client.getQueryData<SessionInfo | null>(SESSION_QUERY_KEY);
  if (can(session?.user.role ?? null, "tokens:manage")) void client.prefetchQuery(getTokensQueryOptions());
  return null;
};

/**
 * /tokens (admin): API tokens with status and role filters in the URL; create one (its secret is
 * shown once, in a dialog, then forgotten) or revoke one after confirming.
 */
export function Component() {
  const { t } = useTranslation();
  const now = useNow();
  const session = useSession();
  const allowed = can(session.data?.user.role ?? null, "tokens:manage");
  const [filter, update] = useUrlQuery(TokenFilterSchema);
  const tokens = useTokens({ enabled: allowed });
  const [creating, setCreating] = useState(false);
  // The secret exists in the page only while its dialog is open.
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!allowed) {
    return (
      <>
        <PageHeader title={t("tokens.title")} />
        <EmptyState title={t("tokens.notAllowed")} />
      </>
    );
  }

  const all = tokens.data?.tokens ?? [];
  const shown = filterTokens(all, filter, now);
  const filtered = filter.status !== undefined || filter.role !== undefined;
  return (
    <>
      <ManagedListHeader
        title={t("tokens.title")}
        subtitle={t("tokens.subtitle")}
        newLabel={t("tokens.new")}
        onNew={() => {
          setNotice(null);
          setCreating(true);
        }}
        notice={notice}
      />
      <TokenFilters filter={filter} onChange={update} />
      <QueryRegion
        query={tokens}
        isEmpty={() => shown.length === 0}
        empty={{
          title: filtered ? t("tokens.emptyFiltered") : t("tokens.empty"),
          hint: filtered ? t("common.clearFilters") : t("tokens.emptyHint"),
        }}
      >
        {() => (
          <TokensTable
            tokens={shown}
            now={now}
            onRevoke={(token) => {
              setNotice(null);
              setRevoking(token);
            }}
          />
        )}
      </QueryRegion>
      <CreateTokenDialog
        isOpen={creating}
        now={now}
        onClose={() => setCreating(false)}
        onCreated={(answer) => {
          setCreating(false);
          setCreated(answer);
        }}
      />
      {created ? (
        <TokenSecretDialog
          created={created}
          onClose={() => {
            setNotice(t("tokens.notice.created", { name: created.token.name }));
            setCreated(null);
          }}
        />
      ) : null}
      {revoking ? (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setNotice(t("tokens.notice.revoked", { name: revoking.name }));
            setRevoking(null);
          }}
        />
      ) : null}
    </>
  );
}
