/** Plausible, deterministic container log lines, chosen by image. Pure. */

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const PATHS = [
  '/',
  '/healthz',
  '/api/products',
  '/api/cart',
  '/static/app.js',
  '/api/orders',
  '/metrics',
  '/login',
  '/api/users/me',
];
const AGENTS = ['kube-probe/1.29', 'Mozilla/5.0 (X11; Linux x86_64)', 'Go-http-client/1.1', 'curl/8.5.0'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'INFO', 'INFO', 'ERROR'];
const MESSAGES = [
  'request completed',
  'cache hit ratio 0.93',
  'connected to upstream',
  'processed batch of 25 items',
  'slow query took 412ms',
  'health check ok',
  'refreshing configuration',
  'retrying connection to database (attempt 2)',
];

function startupLines(image: string): string[] {
  if (/nginx/.test(image))
    return [
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      'nginx: [notice] using the "epoll" event method',
      'nginx: [notice] start worker processes',
    ];
  if (/redis/.test(image)) return ['# Server initialized', '* Ready to accept connections tcp'];
  if (/postgres|mysql|mongo|maria/.test(image)) return ['database system is ready to accept connections'];
  return [`starting ${image.split('/').pop()?.split(':')[0] ?? 'app'}`, 'listening on :8080'];
}

/** The n-th line a container running `image` prints (n = 0 is its first). */
export function logLine(image: string, seed: number, n: number, at: Date): string {
  const start = startupLines(image);
  if (n < start.length) return start[n];
  const r = hash(`${seed}:${n}`);
  if (/nginx|frontend|web|envoy|ingress/.test(image)) {
    const status = r % 17 === 0 ? 500 : r % 7 === 0 ? 404 : 200;
    return `10.244.${r % 4}.${r % 250} - - [${at.toUTCString()}] "GET ${PATHS[r % PATHS.length]} HTTP/1.1" ${status} ${(r % 9000) + 120} "-" "${AGENTS[r % AGENTS.length]}"`;
  }
  if (/redis/.test(image)) return `${r % 100} changes in 60 seconds. Saving...`;
  return `${at.toISOString()} ${LEVELS[r % LEVELS.length]} ${MESSAGES[(r >> 3) % MESSAGES.length]} trace_id=${(r % 0xffffff).toString(16)}`;
}

export const LINE_INTERVAL_MS = (seed: number): number => 2_000 + (seed % 5) * 1_000;
