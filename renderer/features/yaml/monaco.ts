/**
 * Monaco, bundled locally (no CDN): the editor API, YAML highlighting and the editor worker,
 * which Vite bundles from the installed package. Loaded on demand by the editor components.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import './monaco-features';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

(
  self as unknown as { MonacoEnvironment: { getWorker(id: string, label: string): Worker } }
).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

export { monaco };
export type Monaco = typeof monaco;
