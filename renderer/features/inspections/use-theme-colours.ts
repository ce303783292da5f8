import { useMemo, useSyncExternalStore } from 'react';

/** The painted theme (<html data-theme>), followed as it changes. */
const subscribe = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style'] });
  return () => observer.disconnect();
};
const read = () => document.documentElement.dataset.theme ?? 'light';

export interface ChartColours {
  fg: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  danger: string;
  warning: string;
}

/** Theme colours for SVG charts (recharts takes colour strings, not CSS variables). */
export function useChartColours(): ChartColours {
  const theme = useSyncExternalStore(subscribe, read);
  return useMemo(() => {
    void theme;
    const css = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
    return {
      fg: v('--fg', '#1b2430'),
      muted: v('--fg-muted', '#566170'),
      grid: v('--border', '#d8dde4'),
      surface: v('--surface', '#ffffff'),
      accent: v('--accent', '#0a66c2'),
      danger: v('--error', '#c42b1c'),
      warning: v('--warn', '#a86400'),
    };
  }, [theme]);
}
