/** Authentication: bearer tokens and client certificates to an Identity. */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ApiError } from './errors';
import type { Identity } from './rbac';

export interface TokenTable {
  tokens: Map<string, Identity>;
  /** Tokens switched to "expired" by a fault: they answer 401 until restored. */
  expired: Set<string>;
  /** When true every token has expired. */
  allExpired: boolean;
}

const unauthorized = (): ApiError => new ApiError(401, 'Unauthorized', 'Unauthorized');

export function authenticate(req: IncomingMessage, table: TokenTable): Identity {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m) throw unauthorized();
    const token = m[1].trim();
    const id = table.tokens.get(token);
    if (!id || table.allExpired || table.expired.has(token)) throw unauthorized();
    return withAuthenticated(id);
  }
  const socket = req.socket as TLSSocket;
  if (typeof socket.getPeerCertificate === 'function' && socket.authorized) {
    const cert = socket.getPeerCertificate();
    const cn = cert?.subject?.CN;
    if (cn) {
      const o = cert.subject.O as string | string[] | undefined;
      const groups = o === undefined ? [] : Array.isArray(o) ? o : [o];
      return withAuthenticated({ user: Array.isArray(cn) ? cn[0] : cn, groups });
    }
  }
  throw unauthorized();
}

function withAuthenticated(id: Identity): Identity {
  return { user: id.user, groups: [...new Set([...id.groups, 'system:authenticated'])] };
}

/**
 * Impersonate-User / Impersonate-Group headers: allowed when the caller may `impersonate` those
 * users, groups or service accounts (RBAC); the request then runs as the impersonated identity.
 */
export function impersonate(
  req: IncomingMessage,
  caller: Identity,
  may: (resource: 'users' | 'groups' | 'serviceaccounts', name: string, namespace?: string) => boolean,
): Identity {
  const user = req.headers['impersonate-user'];
  if (typeof user !== 'string' || !user) return caller;
  const raw = req.headers['impersonate-group'];
  const groups = (Array.isArray(raw) ? raw : raw ? [raw] : [])
    .flatMap((g) => g.split(','))
    .map((g) => g.trim())
    .filter(Boolean);
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(user);
  const allowed = sa ? may('serviceaccounts', sa[2], sa[1]) : may('users', user);
  if (!allowed)
    throw new ApiError(
      403,
      `users "${user}" is forbidden: User "${caller.user}" cannot impersonate resource "users" in API group "" at the cluster scope`,
      'Forbidden',
    );
  for (const g of groups) {
    if (!may('groups', g))
      throw new ApiError(
        403,
        `groups "${g}" is forbidden: User "${caller.user}" cannot impersonate resource "groups" in API group "" at the cluster scope`,
        'Forbidden',
      );
  }
  const implied = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : [];
  return { user, groups: [...new Set([...groups, ...implied, 'system:authenticated'])] };
}
