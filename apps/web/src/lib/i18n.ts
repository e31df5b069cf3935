import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "../locales/en";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "pca.language";

const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** The remembered language, else the browser's first preference (any zh-* → zh), else English. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

const htmlLang = (language: Language) => (language === "zh" ? "zh-CN" : "en");

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Chinese is its own chunk, fetched only by those who read it; English is the fallback, always present. */
async function ensureBundle(language: Language): Promise<void> {
  if (language === "zh" && !i18next.hasResourceBundle("zh", "translation")) {
    const { zh } = await import("../locales/zh");
    i18next.addResourceBundle("zh", "translation", zh);
  }
}

/** Starts i18next in the preferred language, before the first render. */
export async function initI18n(language?: Language) {
  const lng = language ?? preferredLanguage(readStored(), navigator.languages ?? []);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: "en",
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureBundle(lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = htmlLang(lng);
  return i18next;
}

/** Switches the language now and remembers it for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private modes may refuse storage; the switch still applies to this page.
  }
  await ensureBundle(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = htmlLang(language);
}

export const currentLanguage = (lng: string): Language => (lng.startsWith("zh") ? "zh" : "en");
