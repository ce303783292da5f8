import { z } from 'zod';
import { AppStatus, Settings } from './calls';
import { fleetEvents } from './fleet';
import { inspectionEvents } from './inspections';
import { objectEvents } from './objects';
import { podEvents } from './pods';
import { sourceEvents } from './sources';
import { workspaceEvents } from './workspaces';

/** Every event main pushes to the renderer. */
export const events = {
  'app.status': AppStatus,
  'settings.changed': Settings,
  /** The desktop menu's File ▸ Open Kubeconfig…: files the user chose, read like dropped kubeconfigs. */
  'app.openKubeconfig': z.object({ paths: z.array(z.string().min(1)).min(1) }),
  ...fleetEvents,
  ...objectEvents,
  ...podEvents,
  ...workspaceEvents,
  ...sourceEvents,
  ...inspectionEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;
export const eventNames = Object.keys(events) as EventName[];
