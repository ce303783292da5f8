import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Monaco } from './monaco';
import { findFieldRange } from './field-path';
import { useMonacoTheme } from './use-data-theme';
import { yamlProblems } from './yaml-text';

/** A Monaco YAML editor with parse problems as markers. Monaco itself loads on first use. */
export function CodeEditor({
  value,
  onChange,
  readOnly,
  label,
  highlight,
}: {
  value: string;
  onChange(text: string): void;
  readOnly: boolean;
  label: string;
  /** A field path (`spec.template.spec.containers[0].securityContext`) to highlight and scroll to. */
  highlight?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<{ monaco: Monaco; editor: editor.IStandaloneCodeEditor } | null>(null);
  const changeRef = useRef(onChange);
  useEffect(() => {
    changeRef.current = onChange;
  });
  const theme = useMonacoTheme();
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const field = highlight ? findFieldRange(value, highlight) : undefined;

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
        setReady(true);
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
  const { startLine, endLine } = field ?? { startLine: 0, endLine: 0 };
  useEffect(() => {
    const current = editorRef.current;
    if (!ready || !current || startLine === 0) return;
    const range = new current.monaco.Range(startLine, 1, endLine, 1);
    const marks = current.editor.createDecorationsCollection([
      { range, options: { isWholeLine: true, className: 'yaml-field-highlight' } },
    ]);
    current.editor.revealLinesInCenter(startLine, endLine);
    return () => marks.clear();
  }, [ready, startLine, endLine]);

  if (failed) return <p className="yaml-error">The editor could not load: {failed}</p>;
  const editorBox = <div ref={host} className="yaml-monaco" data-testid="yaml-editor" />;
  if (!highlight) return editorBox;
  return (
    <>
      <p className="yaml-muted" data-testid="yaml-highlight">
        {!field
          ? `The field ${highlight} is not in this object.`
          : field.exact
            ? `Highlighted: ${highlight} (line ${field.startLine === field.endLine ? field.startLine : `${field.startLine}–${field.endLine}`}).`
            : `${highlight} is not set; highlighted where it belongs: ${field.found} (line ${field.startLine}).`}
      </p>
      {editorBox}
    </>
  );
}
