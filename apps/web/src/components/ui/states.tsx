import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../lib/api-client";

/** A quiet progress line; `aria-busy` on the region lets assistive tech wait for it. */
export function Loading(props: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {props.label ?? t("common.loading")}
    </div>
  );
}

/** What QueryRegion reads of a TanStack query. */
interface RegionQuery<T> {
  readonly isPending: boolean;
  readonly isError: boolean;
  readonly isFetching: boolean;
  readonly data: T | undefined;
  readonly error: unknown;
  refetch(): unknown;
}

/**
 * A list page's answer region: the loading line, the error with a retry, the empty state, or
 * `children` with the data; `aria-busy` while a request is running.
 */
export function QueryRegion<T>(props: {
  query: RegionQuery<T>;
  isEmpty: (data: T) => boolean;
  empty: { title: string; hint?: ReactNode };
  children: (data: T) => ReactNode;
}) {
  const { query } = props;
  return (
    <div aria-busy={query.isFetching}>
      {query.isPending ? (
        <Loading />
      ) : query.isError || query.data === undefined ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      ) : props.isEmpty(query.data) ? (
        <EmptyState title={props.empty.title} hint={props.empty.hint} />
      ) : (
        props.children(query.data)
      )}
    </div>
  );
}

export function EmptyState(props: { title: string; hint?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{props.title}</p>
      {props.hint ? <p className="muted">{props.hint}</p> : null}
    </div>
  );
}

/**
 * An API failure as a security admin needs it: our translated sentence for the stable code, the
 * server's own message, and CCM's error code, message and request id when the upstream refused.
 */
export function ErrorPanel(props: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const error = props.error;
  const code = isApiError(error) ? error.code : "INTERNAL";
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{props.title ?? t(`errors.${code}`)}</p>
      {isApiError(error) ? (
        <dl className="kv kv-compact">
          <dt>{t("errorPanel.code")}</dt>
          <dd>
            <code>{error.code}</code>
            {error.status ? <span className="muted"> · HTTP {error.status}</span> : null}
          </dd>
          {error.message ? (
            <>
              <dt>{t("errorPanel.message")}</dt>
              <dd>{error.message}</dd>
            </>
          ) : null}
          {error.upstream?.error_code ? (
            <>
              <dt>{t("errorPanel.ccmCode")}</dt>
              <dd>
                <code>{error.upstream.error_code}</code>
                {error.upstream.status ? (
                  <span className="muted"> · HTTP {error.upstream.status}</span>
                ) : null}
              </dd>
            </>
          ) : null}
          {error.upstream?.error_msg ? (
            <>
              <dt>{t("errorPanel.ccmMessage")}</dt>
              <dd>{error.upstream.error_msg}</dd>
            </>
          ) : null}
          {error.upstream?.request_id ? (
            <>
              <dt>{t("errorPanel.requestId")}</dt>
              <dd>
                <code>{error.upstream.request_id}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {props.onRetry ? (
        // A native button: this panel is part of the shell, which stays free of react-aria to keep
        // the first download small.
        <button type="button" className="btn btn-secondary btn-sm" onClick={props.onRetry}>
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
