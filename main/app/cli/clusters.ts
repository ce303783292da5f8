import path from 'node:path';
import {
  ClusterQuery,
  ConnectionState,
  formatCpu,
  formatMemory,
  type ClusterRow,
} from '../../../shared/contract/fleet';
import { createEventBus } from '../../ipc/events';
import { createLogger } from '../../services/log';
import { openDatabase } from '../../store/db';
import { createFleetArea } from '../areas/fleet';
import { resolveDataDir } from '../paths';
import type { CliIo } from './io';

export const CLUSTERS_USAGE = `Usage: flotilla clusters list [--json] [options]

Lists the attached clusters with their group, provider, status, Kubernetes version,
allocated CPU and memory and node count. Each cluster is asked once (in parallel,
with a deadline); a cluster that does not answer is listed as unreachable.
No credential is printed.

Options:
  --json              print one JSON document instead of a table
  --no-connect        do not contact the clusters (names, groups and labels only)
  --timeout SECONDS   how long to wait for the clusters (default 10)
  --text WORDS        only clusters matching the words
  --label KEY[=VALUE] only clusters with that label
  --group NAME        only clusters of that cluster group
  --status STATE      only clusters in that state (ready, degraded, unreachable, unauthorized)
  --data-dir DIR      the Flotilla data folder (default: the platform's)
  -h, --help

Exit codes: 0 listed, 2 usage error.`;

interface Options {
  json: boolean;
  connect: boolean;
  timeoutS: number;
  dataDir?: string;
  text?: string;
  label?: string;
  group?: string;
  status?: ConnectionState;
}

function parse(argv: string[]): Options | string {
  const o: Options = { json: false, connect: true, timeoutS: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      switch (a) {
        case '--json':
          o.json = true;
          break;
        case '--no-connect':
          o.connect = false;
          break;
        case '--timeout': {
          const n = Number(value());
          if (!Number.isFinite(n) || n <= 0) return `--timeout: expected a number of seconds above 0`;
          o.timeoutS = n;
          break;
        }
        case '--data-dir':
          o.dataDir = value();
          break;
        case '--text':
          o.text = value();
          break;
        case '--label':
          o.label = value();
          break;
        case '--group':
          o.group = value();
          break;
        case '--status': {
          const s = ConnectionState.safeParse(value());
          if (!s.success) return `--status: expected one of ${ConnectionState.options.join(', ')}`;
          o.status = s.data;
          break;
        }
        default:
          return `unknown option "${a}"`;
      }
    } catch (error) {
      return (error as Error).message;
    }
  }
  return o;
}

function table(rows: ClusterRow[]): string {
  const head = [
    'NAME',
    'GROUP',
    'PROVIDER',
    'STATUS',
    'VERSION',
    'ALLOCATED CPU',
    'ALLOCATED MEMORY',
    'NODES',
    'LABELS',
  ];
  const body = rows.map((r) => [
    r.name,
    r.groupName,
    r.provider,
    r.status,
    r.version ?? '--',
    formatCpu(r.cpu),
    formatMemory(r.memory),
    r.nodes === undefined ? '--' : String(r.nodes),
    Object.entries(r.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  return (
    [head, ...body]
      .map((cols) =>
        cols
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** `flotilla clusters <argv…>`; argv starts after the word "clusters". Returns the exit code. */
export async function clustersCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.err : io.out)(`${CLUSTERS_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'list') {
    io.err(`flotilla clusters: unknown command "${sub}"\n\n${CLUSTERS_USAGE}\n`);
    return 2;
  }
  const o = parse(rest);
  if (typeof o === 'string') {
    io.err(`flotilla clusters list: ${o}\n\n${CLUSTERS_USAGE}\n`);
    return 2;
  }
  const dataDir = resolveDataDir({ override: o.dataDir });
  const db = openDatabase(path.join(dataDir, 'flotilla.db'));
  const area = createFleetArea({
    db,
    dataDir,
    log: createLogger({ quiet: true }),
    events: createEventBus(),
    connect: o.connect,
    connections: { probeTimeoutMs: o.timeoutS * 1000 },
  });
  try {
    if (o.connect) await area.refresh();
    let groupId: string | undefined;
    if (o.group) {
      const groups = await area.handlers['groups.list']({});
      groupId = groups.find((g) => g.name === o.group)?.id;
      if (!groupId) {
        io.err(
          `flotilla clusters list: no cluster group named "${o.group}" (groups: ${groups.map((g) => g.name).join(', ')})\n`,
        );
        return 2;
      }
    }
    const rows: ClusterRow[] = [];
    for (let offset = 0; ;) {
      const page = await area.handlers['clusters.list'](
        ClusterQuery.parse({
          text: o.text,
          label: o.label,
          groupId,
          status: o.status ? [o.status] : undefined,
          offset,
          limit: 1000,
        }),
      );
      rows.push(...page.items);
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) break;
    }
    if (o.json) io.out(`${JSON.stringify({ clusters: rows }, null, 2)}\n`);
    else io.out(rows.length === 0 ? 'No clusters attached.\n' : table(rows));
    return 0;
  } finally {
    await area.close();
    db.close();
  }
}
