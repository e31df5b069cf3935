import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGES, type Language, setLanguage } from "../../lib/i18n";
import { setTheme, THEMES, type Theme, useTheme } from "../../lib/theme";

const LANGUAGE_NAMES = { en: "English", zh: "中文" } as const;

/**
 * One group of toggle buttons (`aria-pressed`), each a native button: the shell is in the first
 * download, so it uses the platform's own accessible controls rather than a component library.
 */
function ToggleGroup<K extends string>(props: {
  label: string;
  options: readonly { id: K; label: string; lang?: string }[];
  selected: K;
  onSelect: (id: K) => void;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset's legend would print a visible caption here
    <div role="group" aria-label={props.label} className="toggle-group">
      {props.options.map((option) => (
        <button
          key={option.id}
          type="button"
          lang={option.lang}
          className="toggle"
          aria-pressed={props.selected === option.id}
          onClick={() => props.onSelect(option.id)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** Language and theme switches; both are remembered in localStorage. */
export function Preferences() {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  return (
    <div className="prefs">
      <ToggleGroup<Language>
        label={t("prefs.language")}
        options={LANGUAGES.map((lng) => ({
          id: lng,
          label: LANGUAGE_NAMES[lng],
          lang: lng === "zh" ? "zh-CN" : "en",
        }))}
        selected={currentLanguage(i18n.language)}
        onSelect={(lng) => void setLanguage(lng)}
      />
      <ToggleGroup<Theme>
        label={t("prefs.theme")}
        options={THEMES.map((id) => ({ id, label: t(`prefs.themes.${id}`) }))}
        selected={theme}
        onSelect={setTheme}
      />
    </div>
  );
}
