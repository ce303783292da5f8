import { parseAllDocuments } from 'yaml';
import type { ObjectTarget } from './apply';

/**
 * Pure steps of the YAML editor's round trip: the object shown for editing (managedFields hidden),
 * the edited text checked against the object it must stay (same apiVersion, kind, name and
 * namespace), and the configuration sent by server-side apply (server-owned fields removed).
 */

type KObject = Record<string, unknown>;

export class EditError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'EditError';
  }
}

const isObject = (v: unknown): v is KObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const apiVersionOf = (t: { group: string; version: string }) =>
  t.group ? `${t.group}/${t.version}` : t.version;

/** The object as the editor shows it: everything but metadata.managedFields. */
export function forEditing(live: KObject): KObject {
  const copy = structuredClone(live);
  if (isObject(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

/** Parses the edited YAML; it must be one mapping naming the same object as `target`. */
export function parseEdited(text: string, target: ObjectTarget): KObject {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new EditError('the YAML has no document');
  const real = docs.filter((d) => d.contents !== null);
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err)
      throw new EditError(`YAML line ${err.linePos?.[0].line ?? '?'}: ${err.message}`, err.linePos?.[0].line);
  }
  if (real.length !== 1) throw new EditError(`the YAML must hold exactly one document, not ${real.length}`);
  const value: unknown = real[0]!.toJS({ maxAliasCount: 100 });
  if (!isObject(value)) throw new EditError('the YAML document must be a mapping (an object)');
  const meta = isObject(value.metadata) ? value.metadata : undefined;
  const expect: [string, unknown, string][] = [
    ['apiVersion', value.apiVersion, apiVersionOf(target)],
    ['kind', value.kind, target.kind],
    ['metadata.name', meta?.name, target.name],
  ];
  if (target.namespace && meta?.namespace !== undefined) {
    expect.push(['metadata.namespace', meta.namespace, target.namespace]);
  }
  for (const [field, got, want] of expect) {
    if (got !== want) {
      throw new EditError(
        `${field} is ${JSON.stringify(got ?? null)} but this editor applies to ${JSON.stringify(want)}; ` +
          'create a new object elsewhere instead of renaming this one',
      );
    }
  }
  return value;
}

const SERVER_OWNED = [
  'managedFields',
  'creationTimestamp',
  'uid',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
] as const;

/**
 * The configuration server-side apply receives: no status and no server-owned metadata. The
 * resourceVersion stays (a stale one is a 409), except when forcing, which applies over whatever
 * is there now.
 */
export function toApplyConfig(edited: KObject, options: { force: boolean }): KObject {
  const config = structuredClone(edited);
  delete config.status;
  if (isObject(config.metadata)) {
    for (const key of SERVER_OWNED) delete config.metadata[key];
    if (options.force) delete config.metadata.resourceVersion;
  }
  return config;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether two versions of an object differ in anything a user edits: status, resourceVersion and
 * server-owned metadata are left out, so a controller's status update is not "a change underneath".
 */
export function sameDesiredState(a: KObject, b: KObject): boolean {
  return canonical(toApplyConfig(a, { force: true })) === canonical(toApplyConfig(b, { force: true }));
}
