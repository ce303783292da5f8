/**
 * Browser mode: the server prints a URL with `?token=…`. The token is moved out of the address bar
 * (so it is not bookmarked or shared by accident) into sessionStorage, and sent on the WebSocket URL.
 */

export const TOKEN_STORAGE_KEY = 'flotilla.session-token';

/** Splits a page URL into the token it carries (if any) and the same URL without it. */
export function takeTokenFromUrl(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete('token');
  return { token: token || null, cleanUrl: url.toString() };
}

/** The WebSocket endpoint on the page's own origin: ws:// for http pages, wss:// for https pages. */
export function rpcUrl(pageHref: string, token: string | null): string {
  const page = new URL(pageHref);
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}//${page.host}/rpc${query}`;
}
