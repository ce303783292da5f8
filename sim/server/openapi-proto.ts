/**
 * Protobuf encoding of a Swagger 2.0 document as gnostic's `openapi.v2.Document`, the form client-go
 * asks for at /openapi/v2 (kubectl explain, client-side validation, strategic-merge metadata).
 * Only the fields the sim's documents use are encoded: swagger, info, paths (operations with their query
 * parameters and extensions) and definitions, and in a
 * schema $ref, format, description, required, additionalProperties, type, items, allOf, properties and
 * vendor extensions (as YAML, which JSON text is).
 */

type Json = Record<string, unknown>;

class Writer {
  private readonly parts: Buffer[] = [];
  private varint(n: number): void {
    const bytes: number[] = [];
    let v = n;
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
    this.parts.push(Buffer.from(bytes));
  }
  bytes(field: number, data: Buffer): this {
    this.varint((field << 3) | 2);
    this.varint(data.length);
    this.parts.push(data);
    return this;
  }
  string(field: number, value: unknown): this {
    return typeof value === 'string' ? this.bytes(field, Buffer.from(value, 'utf8')) : this;
  }
  bool(field: number, value: boolean): this {
    this.varint(field << 3);
    this.varint(value ? 1 : 0);
    return this;
  }
  message(field: number, w: Writer): this {
    return this.bytes(field, w.finish());
  }
  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

function named(name: string, value: Writer): Writer {
  return new Writer().string(1, name).message(2, value);
}

function schema(s: Json): Writer {
  const w = new Writer().string(1, s.$ref).string(2, s.format).string(4, s.description);
  if (Array.isArray(s.required)) for (const r of s.required) w.string(19, r);
  if (typeof s.additionalProperties === 'boolean')
    w.message(21, new Writer().bool(2, s.additionalProperties));
  else if (isObj(s.additionalProperties))
    w.message(21, new Writer().message(1, schema(s.additionalProperties)));
  if (typeof s.type === 'string') w.message(22, new Writer().string(1, s.type));
  if (isObj(s.items)) w.message(23, new Writer().message(1, schema(s.items)));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) if (isObj(a)) w.message(24, schema(a));
  if (isObj(s.properties)) {
    const props = new Writer();
    for (const [name, p] of Object.entries(s.properties))
      if (isObj(p)) props.message(1, named(name, schema(p)));
    w.message(25, props);
  }
  for (const [name, value] of Object.entries(s))
    if (name.startsWith('x-')) w.message(31, named(name, new Writer().string(2, JSON.stringify(value))));
  return w;
}

function extensions(w: Writer, field: number, o: Json): void {
  for (const [name, value] of Object.entries(o))
    if (name.startsWith('x-')) w.message(field, named(name, new Writer().string(2, JSON.stringify(value))));
}

/** An operation with its query parameters (ParametersItem → Parameter → NonBodyParameter → query). */
function operation(op: Json): Writer {
  const w = new Writer().string(5, op.operationId);
  for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
    if (!isObj(p) || p.in !== 'query') continue;
    const query = new Writer().string(2, 'query').string(4, p.name).string(6, p.type);
    if (p.uniqueItems === true) query.bool(20, true);
    const nonBody = new Writer().message(3, query);
    w.message(8, new Writer().message(1, new Writer().message(2, nonBody)));
  }
  extensions(w, 13, op);
  return w;
}

const METHOD_FIELD: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, patch: 8 };

function paths(p: Json): Writer {
  const w = new Writer();
  for (const [path, item] of Object.entries(p)) {
    if (!isObj(item)) continue;
    const pi = new Writer();
    for (const [method, field] of Object.entries(METHOD_FIELD))
      if (isObj(item[method])) pi.message(field, operation(item[method]));
    w.message(2, named(path, pi));
  }
  return w;
}

/** `doc` (swagger, info, paths, definitions) as protobuf bytes. */
export function encodeSwagger(doc: Json): Buffer {
  const info = isObj(doc.info) ? doc.info : {};
  const defs = new Writer();
  for (const [name, s] of Object.entries(isObj(doc.definitions) ? doc.definitions : {}))
    if (isObj(s)) defs.message(1, named(name, schema(s)));
  return new Writer()
    .string(1, doc.swagger)
    .message(2, new Writer().string(1, info.title).string(2, info.version))
    .message(8, paths(isObj(doc.paths) ? doc.paths : {}))
    .message(9, defs)
    .finish();
}
