import { Button } from "./button";
import { PageHeader } from "./page-header";

/**
 * The header of a page that manages a list (users, API tokens): title, subtitle, the button that
 * starts creating one, and the polite region where the outcome of the last action is announced
 * (cleared when a new creation starts).
 */
export function ManagedListHeader(props: {
  title: string;
  subtitle: string;
  newLabel: string;
  onNew: () => void;
  notice: string | null;
}) {
  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        actions={
          <Button variant="primary" onPress={props.onNew}>
            {props.newLabel}
          </Button>
        }
      />
      <div role="status" className="notice-region">
        {props.notice ? <p className="alert alert-success">{props.notice}</p> : null}
      </div>
    </>
  );
}
