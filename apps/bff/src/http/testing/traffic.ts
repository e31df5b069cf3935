import { appendFileSync } from "node:fs";
import { inject } from "vitest";

/**
 * The suite-wide record of everything the BFF said (responses and log lines) and of every secret
 * the tests used, in files the bff globalSetup created; its teardown checks that no secret shows
 * up anywhere it should not (see storage/testing/global-setup.ts and secrets-check.ts).
 */
export function recordTraffic(text: string): void {
  const file = inject("pcaTrafficFile");
  if (file) appendFileSync(file, `${JSON.stringify(text)}\n`);
}

/** Registers a secret (password, session id, token secret) the suite must never see echoed. */
export function registerSecret(secret: string): void {
  const file = inject("pcaSecretsFile");
  if (file) appendFileSync(file, `${JSON.stringify(secret)}\n`);
}
