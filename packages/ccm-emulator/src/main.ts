import { isAbsolute, join, resolve } from "node:path";
import { startEmulator } from "./emulator";

/**
 * `pnpm emulator`: the emulator alone, for a developer or any HTTP client (the official SDKs
 * included). EMULATOR_PORT (8790), EMULATOR_HOST (127.0.0.1), CCM_EMULATOR_AK / _SK /
 * _DOMAIN_ID (random ones are generated and printed when unset), EMULATOR_DB or
 * DATA_DIR/ccm-emulator.db (DATA_DIR default data/, relative to where pnpm was invoked).
 */
const env = process.env;
const base = env.INIT_CWD ?? process.cwd();
const within = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
const database = env.EMULATOR_DB
  ? env.EMULATOR_DB === ":memory:"
    ? ":memory:"
    : within(env.EMULATOR_DB)
  : join(within(env.DATA_DIR ?? "data"), "ccm-emulator.db");
const port = Number(env.EMULATOR_PORT ?? 8790);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`EMULATOR_PORT must be a port number, not ${env.EMULATOR_PORT}`);
  process.exit(2);
}
const fromEnv = Boolean(env.CCM_EMULATOR_AK && env.CCM_EMULATOR_SK);
const emulator = await startEmulator({
  host: env.EMULATOR_HOST ?? "127.0.0.1",
  port,
  database,
  credentials: {
    ...(env.CCM_EMULATOR_AK ? { ak: env.CCM_EMULATOR_AK } : {}),
    ...(env.CCM_EMULATOR_SK ? { sk: env.CCM_EMULATOR_SK } : {}),
    ...(env.CCM_EMULATOR_DOMAIN_ID ? { domainId: env.CCM_EMULATOR_DOMAIN_ID } : {}),
  },
});
const { ak, sk, domainId } = emulator.credentials;
const user = emulator.iamUsers[0];
const lines = [
  `CCM PCA emulator listening on ${emulator.url}  (database ${database})`,
  `  endpoint         ${emulator.url}   (IAM: POST ${emulator.url}/v3/auth/tokens)`,
  `  AK               ${ak}`,
  // An SK given through the environment is the caller's secret: it is not echoed.
  `  SK               ${fromEnv ? "(from CCM_EMULATOR_SK)" : sk}`,
  `  domain id        ${domainId}   (send it as X-Domain-Id)`,
  ...(user ? [`  IAM user         ${user.domainName}/${user.name} password ${user.password}`] : []),
  ...(emulator.seeded
    ? [
        `  root CA          ${emulator.seeded.rootCaId}`,
        `  issuing CA       ${emulator.seeded.issuingCaId}   (ACTIVED, EC P-256)`,
        `  pending CA       ${emulator.seeded.partnerCaId}   (its CSR exports)`,
      ]
    : []),
  `  example          cd packages/ccm-emulator && CCM_ENDPOINT=${emulator.url} HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=… HUAWEICLOUD_SDK_DOMAIN_ID=${domainId} node examples/sdk-signer.mjs`,
  `  fault injection  curl -X POST ${emulator.url}/__emulator/faults -d '{"operation":"CreateCertificateByCsr","times":1,"action":{"type":"error","status":503}}'`,
];
console.log(lines.join("\n"));

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
