import { z } from 'zod';
import { applyCalls } from './apply';
import { fleetCalls } from './fleet';
import { inspectionCalls } from './inspections';
import { nodeCalls } from './nodes';
import { objectCalls } from './objects';
import { podCalls } from './pods';
import { sourceCalls } from './sources';
import { workspaceCalls } from './workspaces';

/**
 * Every call the renderer can make, with a zod schema for its input and its result.
 * Main registers one handler per name; preload exposes one method per name; browser mode
 * serves the same names over a WebSocket. Add a call here first, then its handler.
 */

export const Shell = z.enum(['electron', 'web']);
export type Shell = z.infer<typeof Shell>;

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  shell: Shell,
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const DataSourceKind = z.enum(['none', 'live', 'snapshot', 'manifests']);
export const ConnectionHealth = z.enum(['none', 'ok', 'degraded', 'down']);

export const AppStatus = z.object({
  dataSource: DataSourceKind,
  /** A short label for the status bar, e.g. "3 clusters" or "Snapshot of tkg-01". */
  sourceLabel: z.string(),
  health: ConnectionHealth,
  clustersReady: z.number().int().nonnegative(),
  clustersTotal: z.number().int().nonnegative(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export const Settings = z.object({
  theme: ThemePreference,
});
export type Settings = z.infer<typeof Settings>;

const empty = z.object({}).strict();

export const calls = {
  'app.info': { input: empty, output: AppInfo },
  'app.status': { input: empty, output: AppStatus },
  'settings.get': { input: empty, output: Settings },
  'settings.update': { input: Settings.partial().strict(), output: Settings },
  ...fleetCalls,
  ...objectCalls,
  ...podCalls,
  ...nodeCalls,
  ...applyCalls,
  ...workspaceCalls,
  ...sourceCalls,
  ...inspectionCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export const callNames = Object.keys(calls) as CallName[];
