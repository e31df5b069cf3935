import type { AppDeps } from "../core/deps";
import { CodedError } from "../core/failure";
import type { Upstream } from "./port";

const isUpstream = (value: unknown): value is Upstream =>
  typeof value === "object" && value !== null && "ccm" in value && "mode" in value && "ready" in value;

/**
 * The upstream createUpstream() built, from the app's deps (AppDeps keeps the slot opaque). Read
 * per request, so an app built without one (the platform's own tests) still mounts every route;
 * such a request is answered NOT_READY (503).
 */
export function upstreamOf(deps: AppDeps): Upstream {
  if (!isUpstream(deps.upstream)) {
    throw new CodedError({ code: "NOT_READY", message: "The console has no CCM upstream configured." });
  }
  return deps.upstream;
}
