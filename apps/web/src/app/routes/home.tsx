import { Navigate } from "react-router";
import { paths } from "../../config/paths";
import { useCan } from "../../lib/authorization";

/** The landing page is the task the role can do: issuing for issuers and admins, CAs for viewers. */
export function Component() {
  return <Navigate to={useCan("certificate:issue") ? paths.issue.getHref() : paths.cas.getHref()} replace />;
}
