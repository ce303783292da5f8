/**
 * kube-sim command line:
 *   npm run sim -- [--clusters N | --demo] [--out DIR] [--port-base PORT] [--admin-port PORT]
 *                  [--nodes N] [--pods N] [--seed N] [--churn RATE] [--no-controllers]
 * Prints one JSON line {"ready":true,...} when every cluster listens; Ctrl-C (SIGINT) or SIGTERM stops it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSim, type SimOptions } from './index';

const USAGE =
  'usage: npm run sim -- [--clusters N | --demo] [--out DIR] [--port-base PORT] [--admin-port PORT] [--nodes N] [--pods N] [--seed N] [--churn RATE] [--no-controllers]';

export function parseArgs(argv: string[]): SimOptions {
  const o: SimOptions = { outDir: '.kube-sim' };
  const num = (flag: string, v: string | undefined, min = 0): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min)
      throw new Error(`${flag}: expected a number >= ${min}, got ${JSON.stringify(v)}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--clusters':
        o.clusters = num(flag, value(), 1);
        break;
      case '--demo':
        o.demo = true;
        break;
      case '--out':
        o.outDir = value() ?? '';
        if (!o.outDir) throw new Error(`--out: expected a directory\n${USAGE}`);
        break;
      case '--port-base':
        o.portBase = num(flag, value(), 1);
        break;
      case '--admin-port':
        o.adminPort = num(flag, value(), 1);
        break;
      case '--nodes':
        o.nodes = num(flag, value(), 1);
        break;
      case '--pods':
        o.pods = num(flag, value());
        break;
      case '--seed':
        o.seed = num(flag, value());
        break;
      case '--churn':
        o.churn = num(flag, value());
        break;
      case '--no-controllers':
        o.controllers = false;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument "${a}"\n${USAGE}`);
    }
  }
  return o;
}

async function main(): Promise<void> {
  let options: SimOptions;
  try {
    options = parseArgs(process.argv.slice(2).filter((a) => a !== '--'));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const sim = await startSim({ ...options, log: (m) => process.stderr.write(`${m}\n`) });
  process.stdout.write(
    JSON.stringify({
      ready: true,
      kubeconfig: sim.kubeconfigPath,
      viewerKubeconfig: sim.viewerKubeconfigPath,
      clusters: sim.clusters.map((c) => ({ name: c.name, server: c.server, port: c.port })),
      admin: { url: sim.adminUrl, token: sim.adminToken },
    }) + '\n',
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // One failed request or timer must not take every simulated cluster down with it.
  process.on('uncaughtException', (e) =>
    process.stderr.write(`kube-sim: uncaught: ${e.stack ?? String(e)}\n`),
  );
  process.on('unhandledRejection', (e) =>
    process.stderr.write(`kube-sim: unhandled rejection: ${(e as Error)?.stack ?? String(e)}\n`),
  );
}

// a URL from the path, not `file://` + path: Windows paths and paths with spaces differ as text
const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().catch((e: unknown) => {
    process.stderr.write(`kube-sim: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
}
