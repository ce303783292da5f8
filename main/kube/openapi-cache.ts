import type { KubeConfig } from '@kubernetes/client-node';
import { kindJsonSchema, type Gvk, type JsonSchema } from './openapi-schema';
import { KubeHttpError, kubeRequest } from './request';

/**
 * A cluster's published OpenAPI, fetched on demand and cached, turned into the JSON Schema of one
 * kind. OpenAPI v3 first (one document per group-version, so only that group-version is read; it
 * also describes custom resources), Swagger 2.0 (/openapi/v2, one document) when the cluster has no
 * v3 or its v3 does not describe the kind.
 *
 * Documents are cached per cluster for `ttlMs` (the v3 index names each document with a content
 * hash, so a changed group-version is read again once the index is); converted schemas are cached
 * per document and kind. A failed fetch is not cached. A kind the cached documents do not describe
 * (a CRD installed since) makes them be read again, at most every `recheckMs`.
 *
 *   const cache = createOpenApiCache();
 *   const schema = await cache.schemaFor('c1', kc, { group: 'apps', version: 'v1', kind: 'Deployment' });
 */

export interface OpenApiCache {
  /** The kind's JSON Schema from the cluster, or undefined when it does not describe the kind. */
  schemaFor(cluster: string, kc: KubeConfig, gvk: Gvk): Promise<JsonSchema | undefined>;
  /** Drops what is cached for a cluster (detached, reconnected). */
  forget(cluster: string): void;
}

export interface OpenApiCacheOptions {
  ttlMs?: number;
  /** How old a cached document must be before a kind missing from it makes it be read again. */
  recheckMs?: number;
  timeoutMs?: number;
  now?: () => number;
  /** GETs a path on the cluster and returns the parsed JSON (default: kubeRequest). */
  get?: (kc: KubeConfig, path: string, timeoutMs: number) => Promise<unknown>;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
}

const NO_DOC = Symbol('no document');

export function createOpenApiCache(options: OpenApiCacheOptions = {}): OpenApiCache {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const recheck = options.recheckMs ?? 5_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const now = options.now ?? Date.now;
  const get = options.get ?? ((kc, path, ms) => kubeRequest(kc, path, { timeoutMs: ms }));
  const docs = new Map<string, Entry>();
  const schemas = new Map<string, JsonSchema | undefined>();

  /** A document by path, cached; a 404 (no such document) is remembered as NO_DOC. */
  function doc(cluster: string, kc: KubeConfig, path: string): Promise<unknown> {
    const key = `${cluster}\n${path}`;
    const hit = docs.get(key);
    if (hit && now() - hit.at < ttl) return hit.value;
    const value = get(kc, path, timeoutMs).catch((error: unknown) => {
      if (error instanceof KubeHttpError && (error.status === 404 || error.status === 406)) return NO_DOC;
      docs.delete(key);
      throw error;
    });
    docs.set(key, { at: now(), value });
    if (docs.size > 500) docs.delete(docs.keys().next().value!);
    return value;
  }

  function convert(docKey: string, document: unknown, gvk: Gvk): JsonSchema | undefined {
    const key = `${docKey}\n${gvk.group}/${gvk.version}/${gvk.kind}`;
    if (schemas.has(key)) return schemas.get(key);
    const schema = kindJsonSchema(document, gvk);
    schemas.set(key, schema);
    if (schemas.size > 500) schemas.delete(schemas.keys().next().value!);
    return schema;
  }

  /** Forgets a cached document older than `recheck`; true when it did (so it is worth asking again). */
  function stale(cluster: string, path: string): boolean {
    const key = `${cluster}\n${path}`;
    const hit = docs.get(key);
    if (!hit || now() - hit.at < recheck) return false;
    docs.delete(key);
    return true;
  }

  async function fromV3(
    cluster: string,
    kc: KubeConfig,
    gvk: Gvk,
    again = true,
  ): Promise<JsonSchema | undefined> {
    const index = await doc(cluster, kc, '/openapi/v3');
    if (index === NO_DOC) return undefined;
    const gvPath = gvk.group ? `apis/${gvk.group}/${gvk.version}` : `api/${gvk.version}`;
    const url = (index as { paths?: Record<string, { serverRelativeURL?: string }> }).paths?.[gvPath]
      ?.serverRelativeURL;
    if (!url) return again && stale(cluster, '/openapi/v3') ? fromV3(cluster, kc, gvk, false) : undefined;
    const path = url.startsWith('/') ? url : `/${url}`;
    const document = await doc(cluster, kc, path);
    if (document === NO_DOC) return undefined;
    const schema = convert(`${cluster}\n${url}`, document, gvk);
    if (!schema && again && stale(cluster, '/openapi/v3')) return fromV3(cluster, kc, gvk, false);
    return schema;
  }

  async function fromV2(
    cluster: string,
    kc: KubeConfig,
    gvk: Gvk,
    again = true,
  ): Promise<JsonSchema | undefined> {
    const document = await doc(cluster, kc, '/openapi/v2');
    if (document === NO_DOC) return undefined;
    // The v2 document has no content hash: key its conversions by when it was fetched.
    const at = docs.get(`${cluster}\n/openapi/v2`)?.at ?? 0;
    const schema = convert(`${cluster}\n/openapi/v2@${at}`, document, gvk);
    if (!schema && again && stale(cluster, '/openapi/v2')) return fromV2(cluster, kc, gvk, false);
    return schema;
  }

  return {
    async schemaFor(cluster, kc, gvk) {
      return (await fromV3(cluster, kc, gvk)) ?? (await fromV2(cluster, kc, gvk));
    },
    forget(cluster) {
      for (const key of [...docs.keys()]) if (key.startsWith(`${cluster}\n`)) docs.delete(key);
      for (const key of [...schemas.keys()]) if (key.startsWith(`${cluster}\n`)) schemas.delete(key);
    },
  };
}
