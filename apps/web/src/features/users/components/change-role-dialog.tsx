import type { Role, User } from "@pca/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RolePicker } from "../../../components/roles/role-picker";
import { Button } from "../../../components/ui/button";
import { DialogActions, ModalDialog } from "../../../components/ui/dialog";
import { ErrorPanel } from "../../../components/ui/states";
import { useUpdateUser } from "../api/update-user";
import { isDemotion } from "../lib/user-list";
import { updateErrorTitle } from "./update-error";

/**
 * Change a user's role. A lower role takes rights away at once (sessions and the user's API tokens
 * follow it), so that case says so before the button is pressed; the last enabled admin keeps admin.
 */
export function ChangeRoleDialog(props: {
  user: User;
  isSelf: boolean;
  isLastAdmin: boolean;
  onClose: () => void;
  onChanged: (user: User) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [role, setRole] = useState<Role>(props.user.role);
  const { username } = props.user;
  const demotion = isDemotion(props.user.role, role);
  const submit = () => {
    if (role === props.user.role || update.isPending) return;
    update.mutate({ username, changes: { role } }, { onSuccess: props.onChanged });
  };
  return (
    <ModalDialog isOpen onClose={props.onClose} title={t("users.role.title", { username })} wide>
      <div className="dialog-form">
        <RolePicker
          label={t("users.role.label")}
          value={role}
          onChange={(next) => {
            setRole(next);
            update.reset();
          }}
          disabledRoles={props.isLastAdmin ? ["viewer", "issuer"] : []}
          description={props.isLastAdmin ? t("users.lastAdmin") : undefined}
        />
        {demotion ? (
          <div className="alert alert-warning" role="status">
            <p className="alert-title">{t("users.role.demotionTitle")}</p>
            <p>{t("users.role.demotion", { username, role: t(`role.${role}`) })}</p>
            {props.isSelf ? <p>{t("users.role.demotionSelf")}</p> : null}
          </div>
        ) : null}
        {update.isError ? (
          <ErrorPanel error={update.error} title={updateErrorTitle(t, update.error)} />
        ) : null}
        <DialogActions>
          <Button onPress={props.onClose}>{t("common.cancel")}</Button>
          <Button
            variant={demotion ? "danger" : "primary"}
            isDisabled={role === props.user.role}
            isPending={update.isPending}
            onPress={submit}
          >
            {update.isPending ? t("users.role.submitting") : t("users.role.submit")}
          </Button>
        </DialogActions>
      </div>
    </ModalDialog>
  );
}
