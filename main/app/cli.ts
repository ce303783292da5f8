import { runEntry } from './fatal';
import { APP_VERSION } from './version';

type Command = (
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void },
) => Promise<number>;

const io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) };

const usage = `Usage: flotilla <command> [options]

Commands:
  kubeconfig check FILE... [--json]   list the contexts of kubeconfig files and what is wrong with them
  clusters list [--json]              list attached clusters with status and figures
  inspect FILE_OR_DIR... [options]    run best-practice, Pod Security and health checks (--help for options)
  import FILE_OR_DIR... [--json]      inventory of manifests by kind and namespace, and their errors
  export (--context C | --snapshot F) [-n NS] [--layout file|folder] -o PATH   clean YAML to re-apply
  snapshot capture|info|diff ...      capture clusters to a .flotilla file, describe one, compare two (--help)
  open FILE.flotilla [app options]    start Flotilla with a snapshot open
  version                             print the version
`;

/** Loaded on demand so one command's dependencies never slow another. */
const commands: Record<string, () => Promise<Command>> = {
  version: async () => async (_argv, out) => {
    out.out(`${APP_VERSION}\n`);
    return 0;
  },
  kubeconfig: async () => (await import('./cli/kubeconfig')).kubeconfigCommand,
  clusters: async () => (await import('./cli/clusters')).clustersCommand,
  inspect: async () => (await import('./cli/inspect')).inspectCommand,
  import: async () => (await import('./cli/manifests')).importCommand,
  export: async () => (await import('./cli/manifests')).exportCommand,
  snapshot: async () => (await import('./cli/snapshot')).snapshotCommand,
  open: async () => (await import('./cli/snapshot-open')).openCommand,
};

void runEntry(async () => {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    process.exitCode = name ? 0 : 2;
    return;
  }
  const load = commands[name];
  if (!load) {
    io.err(`flotilla: unknown command "${name}" (try flotilla --help)\n`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await (await load())(rest, io);
});
