import type { SessionInfo, User } from "@pca/contracts";
import type { QueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ManagedListHeader } from "../../components/ui/managed-list-header";
import { PageHeader } from "../../components/ui/page-header";
import { EmptyState, ErrorPanel, QueryRegion } from "../../components/ui/states";
import { getUsersQueryOptions, useUsers } from "../../features/users/api/get-users";
import { useUpdateUser } from "../../features/users/api/update-user";
import { ChangeRoleDialog } from "../../features/users/components/change-role-dialog";
import { CreateUserDialog } from "../../features/users/components/create-user-dialog";
import { DisableUserDialog } from "../../features/users/components/disable-user-dialog";
import { ResetPasswordDialog } from "../../features/users/components/reset-password-dialog";
import { updateErrorTitle } from "../../features/users/components/update-error";
import { UserFilters } from "../../features/users/components/user-filters";
import { type UserAction, UsersTable } from "../../features/users/components/users-table";
import { filterUsers, isLastEnabledAdmin, UserFilterSchema } from "../../features/users/lib/user-list";
import { useSession } from "../../lib/auth";
import { can } from "../../lib/authorization";
import { SESSION_QUERY_KEY } from "../../lib/query-client";
import { useUrlQuery } from "../../lib/url-state";

/** Starts the list request early, but only when the cached session is already an admin's. */
export const clientLoader = (client: QueryClient) => () => {
  const session = client.getQueryData<SessionInfo | null>(SESSION_QUERY_KEY);
  if (can(session?.user.role ?? null, "users:manage")) void client.prefetchQuery(getUsersQueryOptions());
  return null;
};

type OpenAction = { readonly kind: Exclude<UserAction, "enable">; readonly user: User };

/** /users (admin): the console's users, role and state filters in the URL, and every change the API allows. */
export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.user.username;
  const allowed = can(session.data?.user.role ?? null, "users:manage");
  const [filter, update] = useUrlQuery(UserFilterSchema);
  const users = useUsers({ enabled: allowed });
  const enable = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<OpenAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!allowed) {
    return (
      <>
        <PageHeader title={t("users.title")} />
        <EmptyState title={t("users.notAllowed")} />
      </>
    );
  }

  const all = users.data?.users ?? [];
  const shown = filterUsers(all, filter);
  const filtered = filter.role !== undefined || filter.state !== undefined;
  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };
  const onAction = (kind: UserAction, user: User) => {
    setNotice(null);
    if (kind !== "enable") {
      enable.reset();
      setOpen({ kind, user });
      return;
    }
    enable.mutate(
      { username: user.username, changes: { disabled: false } },
      { onSuccess: () => setNotice(t("users.notice.enabled", { username: user.username })) },
    );
  };

  return (
    <>
      <ManagedListHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        newLabel={t("users.new")}
        onNew={() => {
          setNotice(null);
          setCreating(true);
        }}
        notice={notice}
      />
      {enable.isError ? <ErrorPanel error={enable.error} title={updateErrorTitle(t, enable.error)} /> : null}
      <UserFilters filter={filter} onChange={update} />
      <QueryRegion
        query={users}
        isEmpty={() => shown.length === 0}
        empty={{
          title: filtered ? t("users.emptyFiltered") : t("users.empty"),
          hint: filtered ? t("common.clearFilters") : undefined,
        }}
      >
        {() => (
          <UsersTable
            users={shown}
            allUsers={all}
            currentUsername={me}
            pendingUsername={enable.isPending ? enable.variables?.username : undefined}
            onAction={onAction}
          />
        )}
      </QueryRegion>
      <CreateUserDialog
        isOpen={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) =>
          setNotice(t("users.notice.created", { username: user.username, role: t(`role.${user.role}`) }))
        }
      />
      {open?.kind === "role" ? (
        <ChangeRoleDialog
          user={open.user}
          isSelf={open.user.username === me}
          isLastAdmin={isLastEnabledAdmin(open.user, all)}
          onClose={() => setOpen(null)}
          onChanged={(user) =>
            done(t("users.notice.roleChanged", { username: user.username, role: t(`role.${user.role}`) }))
          }
        />
      ) : null}
      {open?.kind === "password" ? (
        <ResetPasswordDialog
          user={open.user}
          isSelf={open.user.username === me}
          onClose={() => setOpen(null)}
          onChanged={(user) => done(t("users.notice.passwordSet", { username: user.username }))}
        />
      ) : null}
      {open?.kind === "disable" ? (
        <DisableUserDialog
          user={open.user}
          isSelf={open.user.username === me}
          onClose={() => setOpen(null)}
          onChanged={(user) => done(t("users.notice.disabled", { username: user.username }))}
        />
      ) : null}
    </>
  );
}
