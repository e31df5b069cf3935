import "i18next";
import type { en } from "./locales/en";
import type { enAdmin } from "./locales/en-admin";

// The admin pages' strings are a bundle of their own (loaded with those pages, lib/i18n.ts
// loadPageStrings), merged into the same namespace, so keys are checked across both.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof enAdmin };
  }
}
