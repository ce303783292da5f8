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
