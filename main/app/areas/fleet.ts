import type { AppStatus } from '../../../shared/contract';
import type { fleetCalls } from '../../../shared/contract/fleet';
import type { EventBus } from '../../ipc/events';
import type { Handlers } from '../../ipc/router';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';

export interface AreaContext {
  db: Db;
  log: Logger;
  events: EventBus;
  dataDir: string;
}

export interface FleetArea {
  handlers: Pick<Handlers, keyof typeof fleetCalls>;
  /** What the status bar shows about the fleet. */
  status(): AppStatus;
  close(): Promise<void> | void;
}

/** The fleet area: clusters, groups, connections. Wires services to their contract handlers. */
export function createFleetArea(_ctx: AreaContext): FleetArea {
  return {
    handlers: {},
    status: () => ({
      dataSource: 'none',
      sourceLabel: 'No clusters attached',
      health: 'none',
      clustersReady: 0,
      clustersTotal: 0,
    }),
    close() {},
  };
}
