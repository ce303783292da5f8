import type { ThemePreference } from '../../shared/contract';

export type Theme = 'light' | 'dark';

/** The theme to paint: the user's choice, or the OS's when they chose "system". */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}
