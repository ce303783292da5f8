import { useEffect, useSyncExternalStore } from 'react';
import { useSettingsStore } from '../stores/settings-store';
import { resolveTheme, type Theme } from './theme';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribe = (onChange: () => void) => {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
const systemPrefersDark = () => darkQuery().matches;

/** Paints the resolved theme on <html data-theme> and follows OS changes while "system" is chosen. */
export function useTheme(): Theme {
  const preference = useSettingsStore((state) => state.settings?.theme ?? 'system');
  const theme = resolveTheme(preference, useSyncExternalStore(subscribe, systemPrefersDark));
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
