import { join } from "node:path";
import {
  type CcmCredentials,
  createCcmClient,
  createIamTokenProvider,
  createUndiciTransport,
  IAM_GLOBAL_ENDPOINT,
  resolveCcmEndpoint,
} from "@pca/ccm-client";
import { type RunningEmulator, startEmulator } from "@pca/ccm-emulator";
import { type Config, ConfigError } from "../config";
import { createCapture } from "./capture-transport";
import { createCcmPort } from "./ccm-port";
import type { CcmPort, Upstream, UpstreamMode, UpstreamReadiness } from "./port";

/** The config variables the upstream reads (all defined in config.ts). */
export type UpstreamConfig = Pick<
  Config,
  | "DATA_DIR"
  | "CCM_ENDPOINT"
  | "CCM_REGION"
  | "HUAWEICLOUD_SDK_AK"
  | "HUAWEICLOUD_SDK_SK"
  | "HUAWEICLOUD_SDK_DOMAIN_ID"
  | "HUAWEICLOUD_IAM_ENDPOINT"
  | "HUAWEICLOUD_IAM_DOMAIN_NAME"
  | "HUAWEICLOUD_IAM_USERNAME"
  | "HUAWEICLOUD_IAM_PASSWORD"
>;

export interface UpstreamOptions {
  /** Deadline of one CCM exchange (default 15 s; tests use less to reach a timeout quickly). */
  readonly timeoutMs?: number;
  /** Emulator mode: its SQLite file (default DATA_DIR/ccm-emulator.db; ":memory:" for tests). */
  readonly emulatorDatabase?: string;
}

/** The mode the configuration selects: the cloud when an endpoint or a region is set. */
export function upstreamMode(config: UpstreamConfig): UpstreamMode {
  return config.CCM_ENDPOINT || config.CCM_REGION ? "cloud" : "emulator";
}

function cloudCredentials(
  config: UpstreamConfig,
  transport: ReturnType<typeof createUndiciTransport>,
): CcmCredentials {
  const { HUAWEICLOUD_SDK_AK: ak, HUAWEICLOUD_SDK_SK: sk } = config;
  if (ak && sk) {
    return {
      kind: "aksk",
      ak,
      sk,
      ...(config.HUAWEICLOUD_SDK_DOMAIN_ID ? { domainId: config.HUAWEICLOUD_SDK_DOMAIN_ID } : {}),
    };
  }
  const { HUAWEICLOUD_IAM_USERNAME: userName, HUAWEICLOUD_IAM_PASSWORD: password } = config;
  const domainName = config.HUAWEICLOUD_IAM_DOMAIN_NAME;
  if (userName && password && domainName) {
    const provider = createIamTokenProvider({
      login: { userName, password, domainName },
      endpoint: config.HUAWEICLOUD_IAM_ENDPOINT ?? IAM_GLOBAL_ENDPOINT,
      transport,
    });
    return { kind: "token", provider };
  }
  throw new ConfigError(
    "HUAWEICLOUD_SDK_AK is not valid: with CCM_ENDPOINT or CCM_REGION set, give HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_DOMAIN_ID), or HUAWEICLOUD_IAM_USERNAME, HUAWEICLOUD_IAM_PASSWORD and HUAWEICLOUD_IAM_DOMAIN_NAME.",
  );
}

function readiness(ccm: CcmPort, mode: UpstreamMode): () => Promise<UpstreamReadiness> {
  return async () => {
    const started = performance.now();
    const listed = await ccm.listCertificateAuthorities({ limit: 1 }).catch(() => undefined);
    return { ok: listed?.ok === true, latencyMs: Math.round(performance.now() - started), mode };
  };
}

/**
 * Builds the upstream the configuration asks for. Emulator mode (the default) starts
 * `@pca/ccm-emulator` in this process on a loopback ephemeral port, with freshly generated AK/SK
 * and its data file under DATA_DIR, and reaches it through the same signed client as the cloud.
 * Cloud mode (CCM_ENDPOINT or CCM_REGION) signs with HUAWEICLOUD_SDK_AK/SK (+ DOMAIN_ID as
 * X-Domain-Id) or uses an IAM user's token. Throws ConfigError naming the variable when the cloud
 * credentials are incomplete.
 */
export async function createUpstream(
  config: UpstreamConfig,
  options: UpstreamOptions = {},
): Promise<Upstream & { emulator?: RunningEmulator }> {
  const inner = createUndiciTransport({});
  const capture = createCapture(inner);
  const mode = upstreamMode(config);
  let emulator: RunningEmulator | undefined;
  let credentials: CcmCredentials;
  let endpoint: string;
  if (mode === "cloud") {
    credentials = cloudCredentials(config, inner);
    endpoint = config.CCM_ENDPOINT ?? "";
  } else {
    emulator = await startEmulator({
      host: "127.0.0.1",
      port: 0,
      database: options.emulatorDatabase ?? join(config.DATA_DIR, "ccm-emulator.db"),
      admin: false,
    });
    credentials = { kind: "aksk", ...emulator.credentials };
    endpoint = emulator.url;
  }
  const where = endpoint ? { url: endpoint } : { region: config.CCM_REGION ?? "" };
  const resolved = resolveCcmEndpoint(where);
  if (!resolved) throw new ConfigError("CCM_REGION is not valid: no CCM endpoint is known for it.");
  const client = createCcmClient({
    endpoint: where,
    credentials,
    transport: capture.transport,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const ccm = createCcmPort(client, capture);
  let closed: Promise<void> | undefined;
  return {
    mode,
    endpoint: resolved.href.replace(/\/$/, ""),
    ccm,
    ready: readiness(ccm, mode),
    close() {
      closed ??= (async () => {
        await client.close();
        await inner.close();
        await emulator?.close();
      })();
      return closed;
    },
    ...(emulator ? { emulator } : {}),
  };
}
