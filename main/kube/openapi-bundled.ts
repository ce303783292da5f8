import { kindJsonSchema, type Gvk, type JsonSchema } from './openapi-schema';

/**
 * The bundled Kubernetes schema (resources/schemas/kube-openapi.json, generated from kube-sim's
 * published OpenAPI by scripts/gen-kube-schemas.ts): the YAML editor's schema when the source is a
 * snapshot or imported manifests, or the cluster does not answer. Bundled into main by the build,
 * read on first use.
 */

let bundle: Promise<unknown> | undefined;
const converted = new Map<string, JsonSchema | undefined>();

const load = (): Promise<unknown> =>
  (bundle ??= import('../../resources/schemas/kube-openapi.json').then((m) => m.default));

/** The kind's JSON Schema from the bundled OpenAPI, or undefined when it does not describe the kind. */
export async function bundledSchema(gvk: Gvk): Promise<JsonSchema | undefined> {
  const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
  if (!converted.has(key)) converted.set(key, kindJsonSchema(await load(), gvk));
  return converted.get(key);
}

/** The Kubernetes version the bundled schema was generated from (e.g. "v1.27.13"). */
export async function bundledVersion(): Promise<string> {
  const doc = (await load()) as { kubernetesVersion?: unknown };
  return typeof doc.kubernetesVersion === 'string' ? doc.kubernetesVersion : '';
}
