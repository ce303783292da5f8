import { useRef, useState, type KeyboardEvent } from 'react';
import { listMoveForKey, moveIndex } from '../app/keyboard';
import { hrefFor } from '../app/router';
import { sections, shortcutDigit, type SectionId } from '../app/sections';
import { Icon } from './Icon';

/**
 * The section list. One link is in the Tab order (roving tabindex); arrow keys, Home and End move
 * between links, Enter opens the focused one.
 */
export function Sidebar({ active }: { active: SectionId | null }) {
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const activeIndex = sections.findIndex((section) => section.id === active);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const tabbable = focusIndex ?? Math.max(0, activeIndex);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = listMoveForKey(event);
    if (!move) return;
    event.preventDefault();
    const next = moveIndex(tabbable, sections.length, move);
    setFocusIndex(next);
    links.current[next]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <Icon name="brand" size={20} />
        <span>Flotilla</span>
      </div>
      <ul className="nav-list" onKeyDown={onKeyDown}>
        {sections.map((section, index) => {
          const digit = shortcutDigit(index);
          const current = section.id === active;
          return (
            <li
              key={section.id}
              className={section.id === 'settings' ? 'nav-item nav-item-last' : 'nav-item'}
            >
              <a
                ref={(element) => {
                  links.current[index] = element;
                }}
                href={hrefFor(section.id)}
                className={current ? 'nav-link active' : 'nav-link'}
                aria-current={current ? 'page' : undefined}
                aria-keyshortcuts={digit ? `Alt+${digit}` : undefined}
                title={digit ? `${section.label} (Alt+${digit})` : section.label}
                tabIndex={index === tabbable ? 0 : -1}
                onFocus={() => setFocusIndex(index)}
                onBlur={() => setFocusIndex(null)}
              >
                <Icon name={section.icon} />
                <span className="nav-label">{section.label}</span>
                {digit ? (
                  <kbd className="nav-key" aria-hidden="true">
                    Alt {digit}
                  </kbd>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
