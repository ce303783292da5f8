/** Parses an API server URL path into what it addresses. Pure. */

export type Route =
  | { kind: 'meta'; path: string }
  | { kind: 'discovery'; group?: string; version?: string; legacy: boolean }
  | {
      kind: 'resource';
      group: string;
      version: string;
      namespace?: string;
      resource: string;
      name?: string;
      subresource?: string;
      /** The legacy /watch/ path prefix was used. */
      watchPath: boolean;
    }
  | { kind: 'unknown'; path: string };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRoute(pathname: string): Route {
  const clean = pathname.replace(/\/+$/, '') || '/';
  const segs = clean
    .split('/')
    .filter((s) => s.length > 0)
    .map(decodeURIComponent);
  if (segs[0] === 'api') {
    if (segs.length === 1) return { kind: 'discovery', legacy: true };
    if (segs.length === 2) return { kind: 'discovery', legacy: true, group: '', version: segs[1] };
    return resourceRoute('', segs[1], segs.slice(2), clean);
  }
  if (segs[0] === 'apis') {
    if (segs.length === 1) return { kind: 'discovery', legacy: false };
    if (segs.length === 2) return { kind: 'discovery', legacy: false, group: segs[1] };
    if (segs.length === 3) return { kind: 'discovery', legacy: false, group: segs[1], version: segs[2] };
    return resourceRoute(segs[1], segs[2], segs.slice(3), clean);
  }
  return { kind: 'meta', path: clean };
}

function resourceRoute(group: string, version: string, rest: string[], path: string): Route {
  let watchPath = false;
  if (rest[0] === 'watch') {
    watchPath = true;
    rest = rest.slice(1);
  }
  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(group === '' && rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]))
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return { kind: 'unknown', path };
  return {
    kind: 'resource',
    group,
    version,
    namespace,
    resource: rest[0],
    name: rest[1],
    subresource: rest[2],
    watchPath,
  };
}
