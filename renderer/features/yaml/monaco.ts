/**
 * Monaco, bundled locally (no CDN): the editor API, YAML highlighting, the editor worker and
 * monaco-yaml's language service (validation, completion and hover from JSON Schemas) in its own
 * worker, both bundled by Vite from the installed packages. Loaded on demand by the editor components.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import './monaco-features';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml, type SchemasSettings } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { schemaViolationsAsErrors } from './marker-severity';

(
  self as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }
).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/**
 * monaco-yaml 5 asks for its worker with `createWebWorker({ moduleId, label, createData })`, which
 * Monaco ≥ 0.55 no longer serves (it wants the Worker itself). Start the worker here and hand it its
 * settings the way Monaco starts its own language workers: a first message that starts the worker
 * protocol, then the settings.
 *
 * monaco-yaml sets its markers (owner 'yaml') through this same editor API: schema violations,
 * warnings to the language service, are set as errors (see schemaViolationsAsErrors).
 */
type WorkerOptions = { createData?: unknown; host?: Record<string, (...args: unknown[]) => unknown> };
const editorWithYamlWorker = {
  ...monaco.editor,
  createWebWorker(options: WorkerOptions) {
    const worker = new YamlWorker();
    worker.postMessage('ignore');
    worker.postMessage(options.createData);
    return monaco.editor.createWebWorker({ worker, host: options.host });
  },
  setModelMarkers(model: monaco.editor.ITextModel, owner: string, markers: monaco.editor.IMarkerData[]) {
    monaco.editor.setModelMarkers(
      model,
      owner,
      owner === 'yaml' ? schemaViolationsAsErrors(markers) : markers,
    );
  },
};

const yaml = configureMonacoYaml({ ...monaco, editor: editorWithYamlWorker } as unknown as typeof monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: { enable: false },
  schemas: [],
});

/** The schema of each open editor model, by model URI. */
const schemas = new Map<string, SchemasSettings>();

/** Validates and completes the model at `modelUri` against `schema` (null: YAML syntax only). */
export function setModelSchema(modelUri: string, schemaUri: string, schema: object | null): void {
  if (schema) schemas.set(modelUri, { uri: schemaUri, fileMatch: [modelUri], schema });
  else schemas.delete(modelUri);
  void yaml.update({ schemas: [...schemas.values()] });
}

export { monaco };
export type Monaco = typeof monaco;
