import { shortcutLabel } from './keys';
import { useSearchOpen } from './search-store';

/** The top-bar button that opens fleet-wide search, showing its shortcut (Ctrl K, ⌘K on macOS). */
export function SearchButton() {
  const show = useSearchOpen((s) => s.show);
  const key = shortcutLabel(
    typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent,
  );
  return (
    <button
      type="button"
      className="fl-search-button"
      onClick={show}
      aria-keyshortcuts={key.aria}
      title={`Search the fleet (${key.text})`}
    >
      <svg
        width={14}
        height={14}
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.4 10.4 14 14" strokeLinecap="round" />
      </svg>
      <span className="fl-search-button-label">Search</span>
      <kbd className="fl-search-button-key">{key.text}</kbd>
    </button>
  );
}
