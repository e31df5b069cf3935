import type { Language } from "../lib/i18n";

/** The admin pages' strings in one language: their own chunk, fetched when such a page opens. */
export const adminStrings = async (language: Language): Promise<object> =>
  language === "zh" ? (await import("./zh-admin")).zhAdmin : (await import("./en-admin")).enAdmin;
