import type { ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

/**
 * A modal dialog: focus moves in and stays there, the page behind is inert to assistive tech, and
 * focus returns to whatever opened it. `isDismissable: false` leaves only the dialog's own buttons
 * (no Escape, no click outside), for a dialog whose content must not be lost by accident.
 */
export function ModalDialog(props: {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  role?: "dialog" | "alertdialog";
  isDismissable?: boolean;
  wide?: boolean;
}) {
  const dismissable = props.isDismissable ?? true;
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={props.isOpen}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
    >
      <Modal className={props.wide ? "modal modal-wide" : "modal"}>
        <Dialog className="dialog" role={props.role ?? "dialog"}>
          <Heading slot="title" className="dialog-title">
            {props.title}
          </Heading>
          {props.children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The row of buttons at the foot of a dialog. */
export function DialogActions(props: { children: ReactNode }) {
  return <div className="dialog-actions">{props.children}</div>;
}
