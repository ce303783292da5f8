import type { UtilityProcess } from 'electron';
import type { SimLauncher } from '../services/demo';

/** utilityProcess.fork's shape (Electron's, or electron-harness's stand-in). */
export type UtilityFork = (
  modulePath: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; stdio: 'pipe'; serviceName: string },
) => UtilityProcess;

/**
 * Starts the demo fleet's simulator as an Electron utility process: a Node environment that
 * Chromium launches from the app's own binary, so it works with the RunAsNode fuse off (the
 * packaged app) and reads its script from inside app.asar. Adapts its API to the demo's
 * SimProcess: stdout/stderr are piped streams; `exit` gives a code; a fatal V8 error arrives as
 * `error` before `exit`; kill() is SIGTERM on POSIX and has no forceful variant, so the hard stop
 * signals the pid.
 */
export function utilitySimLauncher(fork: UtilityFork): SimLauncher {
  return (script, args, { cwd, env }) => {
    const child = fork(script, args, { cwd, env, stdio: 'pipe', serviceName: 'kube-sim' });
    let fatal: string | undefined;
    let exited: number | undefined;
    child.once('error', (type, location) => (fatal = `${type} at ${location}`));
    child.once('exit', (code) => (exited = code));
    return {
      stdout: child.stdout,
      stderr: child.stderr,
      onExit(listener) {
        if (exited !== undefined) return listener(exited, fatal);
        child.once('exit', (code) => listener(code, fatal));
      },
      stop: () => void child.kill(),
      kill: () => {
        const pid = child.pid;
        if (exited !== undefined || pid === undefined) return;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      },
    };
  };
}
