import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/**
 * The SPA's build and its Vitest project. In development Vite proxies /api and the health routes
 * to the BFF, so the browser still talks to one origin.
 */
const bff = process.env.BFF_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    sourcemap: false,
    target: "es2022",
  },
  server: {
    proxy: { "/api": bff, "/healthz": bff, "/readyz": bff },
  },
  test: {
    name: "web",
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
    setupFiles: ["src/testing/setup.ts"],
    testTimeout: 20_000,
  },
});
