import { create } from 'zustand';
import type { Settings, ThemePreference } from '../../shared/contract';
import { api } from '../lib/api';

/** The user's settings as main stores them; changes go through `settings.update`. */
export interface SettingsStore {
  settings: Settings | null;
  /** Set while an update is on its way, so the control can show it. */
  saving: boolean;
  error: string | null;
  load(): Promise<void>;
  setTheme(theme: ThemePreference): Promise<void>;
  apply(settings: Settings): void;
}

export const useSettingsStore = create<SettingsStore>((set, get) => ({
  settings: null,
  saving: false,
  error: null,
  async load() {
    const result = await api.call('settings.get', {});
    set(result.ok ? { settings: result.value, error: null } : { error: result.error.message });
  },
  async setTheme(theme) {
    // Shown at once; put back if main refuses, so the control never disagrees with what is saved.
    const before = get().settings;
    set({ saving: true, error: null, settings: before ? { ...before, theme } : before });
    const result = await api.call('settings.update', { theme });
    set(
      result.ok
        ? { settings: result.value, saving: false }
        : { settings: before, saving: false, error: `Could not save the theme: ${result.error.message}` },
    );
  },
  apply: (settings) => set({ settings }),
}));
