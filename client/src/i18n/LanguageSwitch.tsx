import { useUiStore } from '../store.ts';
import { LANGUAGES } from './languageSlice.ts';
import { useMessages } from './messages.ts';

/** Dansk / English, remembered on this device. */
export function LanguageSwitch() {
  const m = useMessages();
  const language = useUiStore((state) => state.language);
  const setLanguage = useUiStore((state) => state.setLanguage);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div className="language-switch" role="group" aria-label={m.language.label}>
      {LANGUAGES.map((code) => (
        <button key={code} type="button" lang={code} aria-pressed={language === code} onClick={() => setLanguage(code)}>
          {m.language.names[code]}
        </button>
      ))}
    </div>
  );
}
