import { useEffect } from 'react';
import { useNoticeStore } from '../../stores/notice-store';
import { ImportResultPage } from './ImportResultPage';
import { useManifestsStore } from './manifests-store';
import { useManifestsDrop } from './use-manifests-drop';
import './manifests.css';

/**
 * Mounted once by the shell: takes manifests dropped on the window and shows the import result page
 * over the current page until it is closed or the import is browsed.
 */
export function ManifestsImport() {
  useManifestsDrop();
  const { result, busy, error, close } = useManifestsStore();
  const notice = useNoticeStore((s) => s.show);
  useEffect(() => {
    if (busy) notice(busy);
  }, [busy, notice]);
  useEffect(() => {
    if (error) notice(error, 'error');
  }, [error, notice]);
  useEffect(() => {
    if (!result) return;
    document.getElementById('import-title')?.focus();
    const n = result.source.objects;
    notice(`Imported ${n} object${n === 1 ? '' : 's'} from ${result.source.label}.`);
  }, [result, notice]);
  // going to another section (sidebar, shortcut, link) leaves the result page
  useEffect(() => {
    if (!result) return;
    window.addEventListener('hashchange', close);
    return () => window.removeEventListener('hashchange', close);
  }, [result, close]);
  return result ? <ImportResultPage result={result} onClose={close} /> : null;
}
