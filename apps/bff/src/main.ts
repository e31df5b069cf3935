import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "./config";
import { createApp } from "./http/app";
import { listen } from "./http/server";

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const config = loadConfig();
  const webDist = resolve(config.WEB_DIST ?? join(here, "../../web/dist"));
  const app = createApp({ webDist, version: process.env.npm_package_version ?? "0.1.0" });
  const server = await listen(app, config.PORT, config.HOST);
  console.log(`PCA Console listening on ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : "The console could not start.");
  process.exit(1);
});
