import { useSyncExternalStore } from 'react';

/** The painted theme (<html data-theme>), followed as it changes. */
const subscribe = (onChange: () => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
};
const read = () => (document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs');

export function useMonacoTheme(): 'vs' | 'vs-dark' {
  return useSyncExternalStore(subscribe, read);
}
