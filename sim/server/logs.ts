/** The pods/log subresource: a plausible stream with follow, tailLines, sinceSeconds, timestamps, previous, limitBytes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KObject } from '../store/api';
import { ApiError, badRequest, notFound } from './errors';
import { LINE_INTERVAL_MS, hash, logLine } from './log-lines';
import type { RequestInfo } from './runtime';

type Obj = Record<string, unknown>;

function pickContainer(pod: KObject, requested: string | null): Obj {
  const spec = (pod.spec ?? {}) as Obj;
  const all = [...((spec.initContainers as Obj[]) ?? []), ...((spec.containers as Obj[]) ?? [])];
  const main = (spec.containers as Obj[]) ?? [];
  const name = pod.metadata.name ?? '';
  if (requested) {
    const c = all.find((x) => x.name === requested);
    if (!c) throw badRequest(`container ${requested} is not valid for pod ${name}`);
    return c;
  }
  const dflt = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (dflt) {
    const c = main.find((x) => x.name === dflt);
    if (c) return c;
  }
  if (main.length === 1) return main[0];
  throw badRequest(
    `a container name must be specified for pod ${name}, choose one of: [${main.map((c) => String(c.name)).join(' ')}]`,
  );
}

function startedAt(pod: KObject, container: string, previous: boolean): Date {
  const statuses = (((pod.status ?? {}) as Obj).containerStatuses as Obj[] | undefined) ?? [];
  const st = statuses.find((s) => s.name === container);
  const state = (previous ? st?.lastState : st?.state) as Obj | undefined;
  const running = (state?.running ?? state?.terminated) as Obj | undefined;
  const t = (running?.startedAt as string | undefined) ?? pod.metadata.creationTimestamp;
  return new Date(t ? Date.parse(t) : Date.now());
}

function checkRunnable(pod: KObject, container: string, previous: boolean): void {
  const status = (pod.status ?? {}) as Obj;
  const name = pod.metadata.name ?? '';
  const st = ((status.containerStatuses as Obj[] | undefined) ?? []).find((s) => s.name === container);
  if (previous) {
    if (!(st?.lastState as Obj | undefined)?.terminated)
      throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return;
  }
  const waiting = (st?.state as Obj | undefined)?.waiting as Obj | undefined;
  if (waiting && waiting.reason !== 'CrashLoopBackOff')
    throw badRequest(
      `container "${container}" in pod "${name}" is waiting to start: ${String(waiting.reason ?? 'ContainerCreating')}`,
    );
  if (status.phase === 'Pending' && !st && !(pod.spec as Obj | undefined)?.nodeName)
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
}

export function streamLogs(info: RequestInfo, req: IncomingMessage, res: ServerResponse): void {
  const { store } = info.rt;
  const q = info.query;
  const pod = store.get('v1/pods', info.namespace, info.name ?? '');
  if (!pod) throw notFound('pods', '', info.name ?? '', 'pods');
  const container = pickContainer(pod, q.get('container'));
  const cname = String(container.name);
  const previous = q.get('previous') === 'true';
  checkRunnable(pod, cname, previous);
  const tail = q.has('tailLines') ? Number(q.get('tailLines')) : -1;
  const since = q.has('sinceSeconds')
    ? Number(q.get('sinceSeconds'))
    : q.has('sinceTime')
      ? (Date.now() - Date.parse(q.get('sinceTime') ?? '')) / 1000
      : -1;
  if ((q.has('tailLines') && !(tail >= 0)) || (q.has('sinceSeconds') && !(since >= 1)))
    throw new ApiError(
      422,
      'PodLogOptions "" is invalid: tailLines/sinceSeconds: must be greater than 0',
      'Invalid',
    );
  const timestamps = q.get('timestamps') === 'true';
  const follow = q.get('follow') === 'true' && !previous;
  let budget = q.has('limitBytes') ? Number(q.get('limitBytes')) : Infinity;
  const seed = hash(`${pod.metadata.uid}:${cname}:${previous}`);
  const image = String(container.image ?? '');
  const every = LINE_INTERVAL_MS(seed);
  const start = startedAt(pod, cname, previous).getTime();
  const end = previous ? start + 90_000 : Date.now();
  const fmt = (n: number): string => {
    const at = new Date(start + n * every);
    const line =
      previous && start + (n + 1) * every > end
        ? 'panic: runtime error: invalid memory address or nil pointer dereference'
        : logLine(image, seed, n, at);
    return `${
      timestamps
        ? at
            .toISOString()
            .replace('Z', '000000Z')
            .replace(/\.(\d{3})000000Z$/, '.$1000000Z') + ' '
        : ''
    }${line}\n`;
  };
  const count = Math.max(0, Math.floor((end - start) / every) + 1);
  let first = 0;
  if (since > 0) first = Math.max(first, Math.ceil((Date.now() - since * 1000 - start) / every));
  if (tail >= 0) first = Math.max(first, count - tail);
  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  const emit = (n: number): boolean => {
    let s = fmt(n);
    if (s.length > budget) s = s.slice(0, Math.max(0, budget));
    budget -= s.length;
    if (s) res.write(s);
    return budget > 0;
  };
  for (let n = first; n < count; n++) if (!emit(n)) return void res.end();
  if (!follow) return void res.end();
  let n = count;
  let timer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    unsubscribe();
    res.end();
  };
  const unsubscribe = store.subscribe((e) => {
    if (e.gvr === 'v1/pods' && e.type === 'DELETED' && e.object.metadata.uid === pod.metadata.uid) stop();
  });
  const next = (): void => {
    if (!emit(n++)) return stop();
    timer = setTimeout(next, Math.max(50, start + n * every - Date.now()));
  };
  timer = setTimeout(next, Math.max(50, start + n * every - Date.now()));
  req.on('close', stop);
}
