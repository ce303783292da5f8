import type { AppCore } from './compose';

/**
 * Whether browser mode starts the built-in demo fleet: always with --demo, never with --no-demo,
 * and by default only on a machine where no cluster is configured — none attached in Flotilla and
 * no context in ~/.kube/config or $KUBECONFIG — so a first run shows something real.
 */
export function shouldStartDemo(
  flag: 'on' | 'off' | 'auto',
  attachedClusters: number,
  systemContexts: number,
): boolean {
  if (flag !== 'auto') return flag === 'on';
  return attachedClusters === 0 && systemContexts === 0;
}

/**
 * Starts and attaches the demo fleet when the rule says so. Returns one line for the terminal
 * (what happened), or undefined when it was not wanted.
 */
export async function startDemoIfWanted(
  core: AppCore,
  flag: 'on' | 'off' | 'auto',
): Promise<string | undefined> {
  if (flag === 'off') return undefined;
  if (flag === 'auto') {
    const [clusters, sources] = await Promise.all([
      core.router.dispatch('clusters.list', {}),
      core.router.dispatch('kubeconfig.sources', {}),
    ]);
    const attached = clusters.ok ? (clusters.value as { total: number }).total : 1;
    const contexts = sources.ok ? (sources.value as { contexts: unknown[] }).contexts.length : 1;
    if (!shouldStartDemo(flag, attached, contexts)) return undefined;
  }
  core.log.info('starting the demo fleet (kube-sim)');
  const demo = await core.router.dispatch('demo.start', {});
  return demo.ok
    ? `Demo fleet attached: ${(demo.value as { attached: string[] }).attached.length} clusters`
    : `flotilla: the demo fleet did not start: ${demo.error.message}`;
}
