import { CCM_OPERATION_NAMES, ccmMethodName } from "@pca/contracts";
import type { CcmPort, Upstream, UpstreamReadiness, UpstreamResult } from "./port";

const NOT_READY: UpstreamResult<never> = {
  ok: false,
  error: { code: "NOT_READY", message: "The console has no CCM upstream configured." },
};

/**
 * The upstream of an app built without CCM (the platform's own tests): every operation answers
 * NOT_READY (503), and /readyz reports `readiness` (by default: not ready, mode "unconfigured").
 */
export function unconfiguredUpstream(
  readiness: UpstreamReadiness = { ok: false, mode: "unconfigured" },
): Upstream {
  const answer = async () => NOT_READY;
  const ccm = Object.fromEntries(CCM_OPERATION_NAMES.map((name) => [ccmMethodName(name), answer]));
  return {
    mode: readiness.mode,
    endpoint: "",
    // Every method answers the same failure, whatever its operation's value type.
    ccm: ccm as unknown as CcmPort,
    ready: async () => readiness,
    close: async () => {},
  };
}
