import { useEvent } from '../../lib/call';
import { useRunsStore } from './runs-store';

/** Feeds the runs store from main's inspection events (mount once per page). */
export function useRunEvents(): void {
  const onProgress = useRunsStore((s) => s.onProgress);
  const onFinished = useRunsStore((s) => s.onFinished);
  useEvent('inspections.progress', onProgress);
  useEvent('inspections.finished', onFinished);
}
