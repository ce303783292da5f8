import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Monaco } from './monaco';
import { useMonacoTheme } from './use-data-theme';
import { yamlProblems } from './yaml-text';

/** A Monaco YAML editor with parse problems as markers. Monaco itself loads on first use. */
export function CodeEditor({
  value,
  onChange,
  readOnly,
  label,
}: {
  value: string;
  onChange(text: string): void;
  readOnly: boolean;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<{ monaco: Monaco; editor: editor.IStandaloneCodeEditor } | null>(null);
  const changeRef = useRef(onChange);
  useEffect(() => {
    changeRef.current = onChange;
  });
  const theme = useMonacoTheme();
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let created: editor.IStandaloneCodeEditor | undefined;
    import('./monaco')
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        const model = monaco.editor.createModel(value, 'yaml');
        created = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          ariaLabel: label,
          readOnly,
          theme,
        });
        const mark = () =>
          monaco.editor.setModelMarkers(
            model,
            'yaml',
            yamlProblems(model.getValue()).map((p) => ({
              severity: monaco.MarkerSeverity.Error,
              message: p.message,
              startLineNumber: p.line,
              startColumn: p.column,
              endLineNumber: p.endLine,
              endColumn: p.endColumn,
            })),
          );
        mark();
        model.onDidChangeContent(() => {
          mark();
          changeRef.current(model.getValue());
        });
        editorRef.current = { monaco, editor: created };
      })
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      created?.getModel()?.dispose();
      created?.dispose();
      editorRef.current = null;
    };
    // The editor is created once; value, readOnly and theme are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = editorRef.current;
    if (current && current.editor.getValue() !== value) current.editor.setValue(value);
  }, [value]);
  useEffect(() => editorRef.current?.editor.updateOptions({ readOnly }), [readOnly]);
  useEffect(() => editorRef.current?.monaco.editor.setTheme(theme), [theme]);

  if (failed) return <p className="yaml-error">The editor could not load: {failed}</p>;
  return <div ref={host} className="yaml-monaco" data-testid="yaml-editor" />;
}
