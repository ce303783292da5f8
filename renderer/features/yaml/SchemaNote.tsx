import type { KubeSchemaState } from './use-kube-schema';

/** Which schema the editor checks the object against, and why not the cluster's when it is not. */
export function SchemaNote({ state }: { state: KubeSchemaState }) {
  const { kind, schema, error } = state;
  let text: string;
  if (!kind) text = 'No schema: the YAML needs a top-level apiVersion and kind.';
  else if (error) text = `No schema: ${error}`;
  else if (!schema) text = 'Loading the schema…';
  else {
    const what = `${kind.kind} (${kind.group ? `${kind.group}/` : ''}${kind.version})`;
    const from =
      schema.source === 'cluster'
        ? `Checked against the cluster's OpenAPI schema of ${what}.`
        : schema.source === 'bundled'
          ? `Checked against Flotilla's bundled schema of ${what}.`
          : `No schema describes ${what}: only YAML syntax is checked.`;
    text = schema.note && schema.source !== 'none' ? `${from} (${schema.note})` : from;
  }
  return (
    <p className="yaml-muted yaml-schema-note" data-testid="yaml-schema" data-source={state.schema?.source}>
      {text}
    </p>
  );
}
