/**
 * After a jump by keyboard shortcut, focus goes to the new page's heading, so Tab continues in the
 * page and screen readers announce it. Clicks and sidebar Enter keep focus where it was.
 */
let pending = false;

export function focusHeadingAfterNavigation(): void {
  pending = true;
}

/** Called once the new page has rendered. */
export function applyPendingHeadingFocus(): void {
  if (!pending) return;
  pending = false;
  document.getElementById('page-title')?.focus();
}
