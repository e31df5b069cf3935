import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button";
import { DialogActions, ModalDialog } from "./dialog";
import { ErrorPanel } from "./states";

/**
 * Asks before a change that cannot be taken back or locks someone out. The dialog itself has the
 * focus when it opens (its title and text are read out), so an Enter pressed out of habit does
 * nothing; Cancel comes first in the tab order. A failure shows inside, with its code.
 */
export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  error: unknown;
  errorTitle?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalDialog isOpen={props.isOpen} onClose={props.onCancel} title={props.title} role="alertdialog">
      <div className="dialog-body">{props.children}</div>
      {props.error ? <ErrorPanel error={props.error} title={props.errorTitle} /> : null}
      <DialogActions>
        <Button onPress={props.onCancel}>{t("common.cancel")}</Button>
        <Button variant="danger" isPending={props.isPending} onPress={props.onConfirm}>
          {props.isPending ? props.pendingLabel : props.confirmLabel}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
