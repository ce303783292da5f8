import { useEffect, useRef, useState } from 'react';
import type { editor } from 'monaco-editor/editor/editor.api';
import { findFieldRange } from './field-path';
import type { Monaco } from './monaco';
import { SchemaNote } from './SchemaNote';
import { useMonacoTheme } from './use-data-theme';
import { useKubeSchema } from './use-kube-schema';
import { yamlProblems } from './yaml-text';

let models = 0;

/**
 * A Monaco YAML editor validated and completed against the Kubernetes schema of the object's own
 * apiVersion and kind (the cluster's OpenAPI when `schemaCluster` names a live cluster, the bundled
 * schema otherwise). Monaco itself loads on first use.
 */
export function CodeEditor({
  value,
  onChange,
  readOnly,
  label,
  highlight,
  schemaCluster,
}: {
  value: string;
  onChange(text: string): void;
  readOnly: boolean;
  label: string;
  /** A field path (`spec.template.spec.containers[0].securityContext`) to highlight and scroll to. */
  highlight?: string;
  /** The live cluster whose OpenAPI describes the object; omitted for snapshots and imports. */
  schemaCluster?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<{ monaco: Monaco; editor: editor.IStandaloneCodeEditor; uri: string } | null>(
    null,
  );
  const changeRef = useRef(onChange);
  /** Texts the editor itself reported; `value` coming back as one of them is an echo, not a change. */
  const emitted = useRef(new Set<string>());
  useEffect(() => {
    changeRef.current = onChange;
  });
  const theme = useMonacoTheme();
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const field = highlight ? findFieldRange(value, highlight) : undefined;
  const kube = useKubeSchema(value, schemaCluster);

  useEffect(() => {
    let disposed = false;
    let created: editor.IStandaloneCodeEditor | undefined;
    import('./monaco')
      .then(({ monaco }) => {
        if (disposed || !host.current) return;
        const uri = monaco.Uri.parse(`file:///flotilla/edit-${++models}/object.yaml`);
        const model = monaco.editor.createModel(value, 'yaml', uri);
        created = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          ariaLabel: label,
          readOnly,
          theme,
          quickSuggestions: { other: true, comments: false, strings: true },
        });
        // The language service marks syntax and schema errors; this marks what it cannot know.
        const mark = () =>
          monaco.editor.setModelMarkers(
            model,
            'flotilla',
            yamlProblems(model.getValue())
              .filter((p) => !p.syntax)
              .map((p) => ({
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
          const text = model.getValue();
          emitted.current.add(text);
          changeRef.current(text);
        });
        editorRef.current = { monaco, editor: created, uri: uri.toString() };
        setReady(true);
      })
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      const current = editorRef.current;
      if (current) void import('./monaco').then((m) => m.setModelSchema(current.uri, '', null));
      created?.getModel()?.dispose();
      created?.dispose();
      editorRef.current = null;
    };
    // The editor is created once; value, readOnly and theme are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = editorRef.current;
    if (!current) return;
    // In step with the editor: what it reported before is no longer in flight.
    if (current.editor.getValue() === value) return emitted.current.clear();
    // Typing outruns React: an older echo of the editor's own text must not undo newer keystrokes.
    if (emitted.current.has(value)) return;
    emitted.current.clear();
    current.editor.setValue(value);
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

  const schema = kube.schema;
  useEffect(() => {
    const current = editorRef.current;
    if (!ready || !current) return;
    const k = kube.kind;
    const schemaUri = k
      ? `flotilla://schemas/${schema?.source ?? 'none'}/${k.group || 'core'}/${k.version}/${k.kind}.json`
      : '';
    void import('./monaco').then((m) => m.setModelSchema(current.uri, schemaUri, schema?.schema ?? null));
    // kube.kind changes with schema; the schema object is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, schema]);

  if (failed) return <p className="yaml-error">The editor could not load: {failed}</p>;
  return (
    <>
      {highlight ? (
        <p className="yaml-muted" data-testid="yaml-highlight">
          {!field
            ? `The field ${highlight} is not in this object.`
            : field.exact
              ? `Highlighted: ${highlight} (line ${field.startLine === field.endLine ? field.startLine : `${field.startLine}–${field.endLine}`}).`
              : `${highlight} is not set; highlighted where it belongs: ${field.found} (line ${field.startLine}).`}
        </p>
      ) : null}
      <div ref={host} className="yaml-monaco" data-testid="yaml-editor" />
      <SchemaNote state={kube} />
    </>
  );
}
