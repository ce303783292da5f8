import { useEffect, useRef, useState } from 'react';
import { useMonacoTheme } from './use-data-theme';

/** Monaco's side-by-side diff: the live object (left) against the edited YAML (right). */
export function DiffView({
  original,
  modified,
  label = 'Changes against the live object',
}: {
  original: string;
  modified: string;
  label?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const theme = useMonacoTheme();
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let dispose = () => {};
    let cancelled = false;
    import('./monaco')
      .then(({ monaco }) => {
        if (cancelled || !host.current) return;
        const left = monaco.editor.createModel(original, 'yaml');
        const right = monaco.editor.createModel(modified, 'yaml');
        const diff = monaco.editor.createDiffEditor(host.current, {
          automaticLayout: true,
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          hideUnchangedRegions: { enabled: true, contextLineCount: 3 },
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          theme,
        });
        diff.setModel({ original: left, modified: right });
        dispose = () => {
          diff.dispose();
          left.dispose();
          right.dispose();
        };
      })
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
      dispose();
    };
  }, [original, modified, theme]);

  if (failed) return <p className="yaml-error">The diff could not load: {failed}</p>;
  return <div ref={host} className="yaml-monaco" data-testid="yaml-diff" aria-label={label} />;
}
