import type { ThemePreference } from '../../../shared/contract';
import { useSettingsStore } from '../../stores/settings-store';

const choices: { value: ThemePreference; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: "Follow the operating system's light or dark mode" },
  { value: 'light', label: 'Light', hint: 'Always light' },
  { value: 'dark', label: 'Dark', hint: 'Always dark' },
];

/** The theme choice, saved in main through settings.update. */
export function ThemeSetting() {
  const settings = useSettingsStore((state) => state.settings);
  const saving = useSettingsStore((state) => state.saving);
  const error = useSettingsStore((state) => state.error);
  const setTheme = useSettingsStore((state) => state.setTheme);
  return (
    <fieldset className="setting" disabled={!settings} aria-busy={saving}>
      <legend>Theme</legend>
      <div className="segmented" role="presentation">
        {choices.map((choice) => (
          <label key={choice.value} className="segment" title={choice.hint}>
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={settings?.theme === choice.value}
              onChange={() => void setTheme(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <p className="setting-hint">
        {settings ? choices.find((choice) => choice.value === settings.theme)?.hint : 'Loading…'}
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
