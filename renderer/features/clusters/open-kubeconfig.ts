import { useEvent } from '../../lib/call';
import { inspectFiles, inspectPaths } from './attach-store';

/** Shows the attach view, where the files being read will appear. */
function showAttach(): void {
  if (!window.location.hash.startsWith('#/clusters/attach')) window.location.hash = '#/clusters/attach';
}

/**
 * The one way kubeconfig files reach the attach view, whoever hands them over: a drop on the
 * window, the Clusters page's file button, or the desktop menu's File ▸ Open Kubeconfig….
 */
export function attachFromFiles(files: File[]): void {
  void inspectFiles(files);
  showAttach();
}

export function attachFromPaths(paths: string[]): void {
  void inspectPaths(paths);
  showAttach();
}

/** File ▸ Open Kubeconfig… in the desktop app: main sends the chosen paths (app.openKubeconfig). */
export function useOpenKubeconfigEvent(): void {
  useEvent('app.openKubeconfig', ({ paths }) => attachFromPaths(paths));
}
