import { useEffect } from 'react';
import { applyPendingHeadingFocus, focusHeadingAfterNavigation } from './focus-heading';
import { sectionForShortcut } from './keyboard';
import { hrefFor, parseHash } from './router';

/** Alt+digit (or Ctrl+digit) anywhere in the window opens a section. */
export function useSectionShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const section = sectionForShortcut(event);
      if (!section) return;
      event.preventDefault();
      focusHeadingAfterNavigation();
      const current = parseHash(window.location.hash);
      if (current.kind === 'section' && current.section === section && current.path.length === 0) {
        applyPendingHeadingFocus();
        return;
      }
      window.location.hash = hrefFor(section);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
