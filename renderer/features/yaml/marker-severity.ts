import type { editor } from 'monaco-editor/editor/editor.api';

/** Monaco's MarkerSeverity values (the enum lives in the editor bundle, loaded on demand). */
const WARNING = 4;
const ERROR = 8;
/** yaml-language-server's code for a schema it could not load: a note about the check, not the text. */
const SCHEMA_RESOLVE_ERROR = '768';

/**
 * The language service reports a Kubernetes schema violation (unknown field, wrong type, missing
 * required field) as a warning and has no setting to change that; YAML syntax errors are already
 * errors. An object that breaks its schema is refused by the API server, so it is an error here:
 * every warning becomes one, except a schema that could not be loaded. Information and hints
 * (an unused anchor) stay as they are.
 */
export function schemaViolationsAsErrors(markers: editor.IMarkerData[]): editor.IMarkerData[] {
  return markers.map((m) =>
    m.severity === WARNING && m.code !== SCHEMA_RESOLVE_ERROR ? { ...m, severity: ERROR } : m,
  );
}
