import { timingSafeEqual } from 'node:crypto';

/** What browser mode knows about itself when judging a request. */
export interface GuardConfig {
  port: number;
  token: string;
}

export interface RequestFacts {
  host?: string;
  origin?: string;
  cookie?: string;
  authorization?: string;
  url: string;
  secFetchSite?: string;
  /** WebSocket upgrades must carry an Origin (browsers always send one). */
  upgrade?: boolean;
}

export type Verdict =
  { ok: true; fromQuery: boolean } | { ok: false; status: 400 | 401 | 403; reason: string };

export const cookieName = (port: number) => `flotilla_session_${port}`;

export const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];
export const allowedOrigins = (port: number) => allowedHosts(port).map((h) => `http://${h}`);

function sameSecret(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * Browser mode's gate, applied to every HTTP request and WebSocket upgrade:
 * the Host must be our loopback address (defeats DNS rebinding), a present Origin must be ours
 * (defeats other local pages), and the session token must come with the request
 * (query `token`, the session cookie, or `Authorization: Bearer`).
 */
export function judgeRequest(facts: RequestFacts, config: GuardConfig): Verdict {
  const host = facts.host?.toLowerCase();
  if (!host || !allowedHosts(config.port).includes(host)) {
    return { ok: false, status: 403, reason: `Host ${JSON.stringify(facts.host ?? '')} is not allowed` };
  }
  if (facts.origin !== undefined && facts.origin !== 'null') {
    if (!allowedOrigins(config.port).includes(facts.origin.toLowerCase())) {
      return { ok: false, status: 403, reason: `Origin ${facts.origin} is not allowed` };
    }
  } else if (facts.origin === 'null' || facts.upgrade) {
    return { ok: false, status: 403, reason: 'A WebSocket needs an Origin of this app' };
  }
  if (facts.secFetchSite === 'cross-site') {
    return { ok: false, status: 403, reason: 'Cross-site requests are not allowed' };
  }
  let queryToken: string | undefined;
  try {
    queryToken = new URL(facts.url, 'http://placeholder').searchParams.get('token') ?? undefined;
  } catch {
    return { ok: false, status: 400, reason: 'Malformed URL' };
  }
  const bearer = facts.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (sameSecret(queryToken, config.token)) return { ok: true, fromQuery: true };
  if (
    sameSecret(readCookie(facts.cookie, cookieName(config.port)), config.token) ||
    sameSecret(bearer, config.token)
  ) {
    return { ok: true, fromQuery: false };
  }
  return { ok: false, status: 401, reason: 'Missing or wrong session token: open the URL Flotilla printed' };
}
