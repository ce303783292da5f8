/** Small HTTP helpers: bodies in, JSON out. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAllDocuments } from 'yaml';
import { StoreAlreadyExistsError } from '../store/api';
import { ApiError, badRequest } from './errors';

const MAX_BODY = 3 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError(413, `Request entity too large: limit is ${MAX_BODY}`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a JSON or YAML request body; malformed input is a 400 like a real server's. */
export function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '')
    throw badRequest(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml',
    );
  const ct = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (
    !/^application\/(json|yaml|x-yaml|[a-z-]+-patch\+(json|yaml)|vnd\.kubernetes\.protobuf)$/.test(ct) &&
    ct !== 'text/yaml' &&
    ct !== '*/*'
  )
    throw new ApiError(
      415,
      `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`,
      'UnsupportedMediaType',
    );
  if (ct === 'application/vnd.kubernetes.protobuf')
    throw new ApiError(
      415,
      'kube-sim does not accept protobuf bodies: send application/json or application/yaml',
      'UnsupportedMediaType',
    );
  if (ct.includes('yaml')) {
    const docs = parseAllDocuments(text);
    if (Array.isArray(docs) && docs.length > 0) {
      const doc = docs[0];
      if (doc.errors.length > 0) {
        throw badRequest(`error converting YAML to JSON: yaml: ${doc.errors[0].message.split('\n')[0]}`);
      }
      return doc.toJS();
    }
    throw badRequest('error converting YAML to JSON: empty document');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const data = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(data);
}

export function sendError(res: ServerResponse, err: unknown): void {
  const e = err instanceof ApiError ? err : toApiError(err);
  const headers: Record<string, string> = {};
  if (e.details?.retryAfterSeconds) headers['Retry-After'] = String(e.details.retryAfterSeconds);
  sendJson(res, e.code, e.status(), headers);
}

/** Maps store errors (which carry a numeric `code`) and anything else to an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { code?: unknown; message?: string; name?: string };
  if (typeof e?.code === 'number' && e.code >= 400 && e.code < 600) {
    const reason =
      err instanceof StoreAlreadyExistsError
        ? 'AlreadyExists'
        : e.code === 410
          ? 'Expired'
          : e.code === 409
            ? 'Conflict'
            : undefined;
    return new ApiError(e.code, e.message ?? 'error', reason);
  }
  return new ApiError(500, `Internal error occurred: ${e?.message ?? String(err)}`, 'InternalError');
}
