/**
 * core/v1 Events, as the real event broadcaster writes them: repeated events are folded into one
 * object with a growing count and lastTimestamp; a token bucket drops floods; the oldest are
 * deleted beyond a cap (real clusters expire them after an hour).
 */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { GVR } from './gvr';
import type { Runtime } from './runtime';

export interface EventOptions {
  component?: string;
  host?: string;
  fieldPath?: string;
}

interface Folded {
  namespace: string;
  name: string;
  count: number;
}

export class EventRecorder {
  private readonly folded = new Map<string, Folded>();
  private readonly order: Array<{ namespace: string; name: string; fold: string }> = [];
  private tokens: number;
  private refilledAt: number;
  private seq = 0;
  dropped = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly opts: { maxEvents: number; perSecond: number },
  ) {
    this.tokens = opts.perSecond * 10;
    this.refilledAt = rt.now();
  }

  record(
    involved: KObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    o: EventOptions = {},
  ): void {
    if (!this.rt.store.typeOf(GVR.events)) return;
    const namespace = involved.metadata.namespace ?? 'default';
    if (!this.rt.namespaceOpen(namespace)) return;
    const fold = `${involved.metadata.uid ?? involved.metadata.name}|${reason}|${message}|${o.fieldPath ?? ''}`;
    const now = isoSeconds(this.rt.now());
    const existing = this.folded.get(fold);
    if (existing) {
      const updated = this.rt.store.mutate(GVR.events, existing.namespace, existing.name, (ev) => {
        ev.count = ((ev.count as number | undefined) ?? 1) + 1;
        ev.lastTimestamp = now;
      });
      if (updated) return;
      this.folded.delete(fold);
    }
    if (!this.take()) {
      this.dropped++;
      return;
    }
    const name = `${involved.metadata.name}.${this.rt.now().toString(16)}${(this.seq++ % 65536).toString(16).padStart(4, '0')}`;
    const component = o.component ?? 'kubelet';
    const event: KObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        ...(involved.metadata.namespace ? { namespace: involved.metadata.namespace } : {}),
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(o.fieldPath ? { fieldPath: o.fieldPath } : {}),
      },
      reason,
      message,
      source: { component, ...(o.host ? { host: o.host } : {}) },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: component,
      reportingInstance: o.host ?? '',
    };
    try {
      this.rt.store.create(GVR.events, event);
    } catch {
      return; // the namespace is going away, or a name clash: events are best effort
    }
    this.folded.set(fold, { namespace, name, count: 1 });
    this.order.push({ namespace, name, fold });
    while (this.order.length > this.opts.maxEvents) {
      const old = this.order.shift();
      if (!old) break;
      this.folded.delete(old.fold);
      try {
        this.rt.store.delete(GVR.events, old.namespace, old.name);
      } catch {
        // already gone (namespace deleted, or a user deleted it)
      }
    }
  }

  private take(): boolean {
    const now = this.rt.now();
    const burst = this.opts.perSecond * 10;
    this.tokens = Math.min(burst, this.tokens + ((now - this.refilledAt) / 1000) * this.opts.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
