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

/** Loads one language's part of a page's own strings (a dynamic import of its locale module). */
export type PageStrings = (language: Language) => Promise<object>;

// The page bundles in use; a language switch merges them in the new language too.
const pageStrings = new Set<PageStrings>();

// Merging again is harmless (deep, without overwriting) and the module is fetched only once, so
// nothing is remembered here that a re-initialised store could contradict.
async function addPageStrings(load: PageStrings, language: Language): Promise<void> {
  pageStrings.add(load);
  i18next.addResourceBundle(language, "translation", await load(language), true, false);
}

/** Chinese is its own chunk, fetched only by those who read it; English is the fallback, always present. */
async function ensureBundle(language: Language): Promise<void> {
  if (language === "zh" && !i18next.hasResourceBundle("zh", "translation")) {
    const { zh } = await import("../locales/zh");
    i18next.addResourceBundle("zh", "translation", zh);
  }
  await Promise.all([...pageStrings].map((load) => addPageStrings(load, language)));
}

/**
 * Merges a page's own strings (English, the fallback, and the current language) before the page
 * renders, so pages only some roles open do not weigh on everyone's first download.
 */
export async function loadPageStrings(load: PageStrings): Promise<void> {
  const language = currentLanguage(i18next.language ?? "en");
  await Promise.all([
    addPageStrings(load, "en"),
    language === "en" ? undefined : addPageStrings(load, language),
  ]);
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
