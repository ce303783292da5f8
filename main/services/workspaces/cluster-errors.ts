import { AppError } from '../../../shared/contract/result';

/** The `message` of a Kubernetes Status body (string or parsed), if there is one. */
function statusMessage(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return body.trim() || undefined;
    }
  }
  if (value && typeof value === 'object' && 'message' in value) {
    const m = (value as { message: unknown }).message;
    return typeof m === 'string' && m !== '' ? m : undefined;
  }
  return undefined;
}

/**
 * Turns what the cluster answered to a namespace create into an AppError whose message says plainly
 * what happened and what to do: 403 (the user may not create namespaces), 409 (it exists), 422 (invalid),
 * 401, anything else, and network failures. `error` is an ApiException-like { code, body } or any Error.
 */
export function namespaceCreateError(error: unknown, namespace: string, cluster: string): AppError {
  const code = (error as { code?: unknown }).code;
  const server = statusMessage((error as { body?: unknown }).body);
  const said = server ? ` The cluster said: ${server}` : '';
  if (typeof code === 'number') {
    switch (code) {
      case 403:
        return new AppError(
          'PERMISSION_DENIED',
          `Cluster ${cluster} refused to create namespace "${namespace}" (403 Forbidden): the credentials Flotilla uses for it may not create namespaces.${said}`,
        );
      case 409:
        return new AppError(
          'CONFLICT',
          `Namespace "${namespace}" exists already on cluster ${cluster} (409 Conflict). Use "Attach namespaces" to add it to a workspace.`,
        );
      case 422:
      case 400:
        return new AppError(
          'INVALID_ARGUMENT',
          `Cluster ${cluster} rejected namespace "${namespace}" as invalid (${code}).${said}`,
        );
      case 401:
        return new AppError(
          'PERMISSION_DENIED',
          `Cluster ${cluster} did not accept Flotilla's credentials (401 Unauthorized); reconnect or re-import its kubeconfig.${said}`,
        );
      default:
        return new AppError(
          'UNAVAILABLE',
          `Cluster ${cluster} failed to create namespace "${namespace}" (HTTP ${code}).${said}`,
        );
    }
  }
  const why = error instanceof Error ? error.message : String(error);
  return new AppError(
    'UNAVAILABLE',
    `Cluster ${cluster} could not be reached to create namespace "${namespace}": ${why}`,
  );
}
