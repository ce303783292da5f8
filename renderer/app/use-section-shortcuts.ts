import { useEffect } from 'react';
import { sectionForShortcut } from './keyboard';
import { hrefFor } from './router';

/** Alt+digit (or Ctrl+digit) anywhere in the window opens a section. */
export function useSectionShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const section = sectionForShortcut(event);
      if (!section) return;
      event.preventDefault();
      window.location.hash = hrefFor(section);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
