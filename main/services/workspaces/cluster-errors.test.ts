import { describe, expect, it } from 'vitest';
import { namespaceCreateError } from './cluster-errors';

const apiError = (code: number, message: string) => ({
  code,
  body: JSON.stringify({ kind: 'Status', status: 'Failure', message, code }),
});

describe('namespaceCreateError', () => {
  it('403: permission denied, naming the cluster and quoting the server', () => {
    const e = namespaceCreateError(
      apiError(403, 'namespaces is forbidden: User "viewer" cannot create'),
      'x',
      'tkg-01',
    );
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.message).toMatch(/Cluster tkg-01 refused to create namespace "x" \(403 Forbidden\)/);
    expect(e.message).toMatch(/User "viewer" cannot create/);
  });
  it('409: conflict, pointing at Attach namespaces', () => {
    const e = namespaceCreateError(apiError(409, 'namespaces "x" already exists'), 'x', 'tkg-01');
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/exists already on cluster tkg-01.*Attach namespaces/);
  });
  it('422 is invalid input; 500 is unavailable; a network error says it could not reach the cluster', () => {
    expect(namespaceCreateError(apiError(422, 'bad'), 'x', 'c').code).toBe('INVALID_ARGUMENT');
    expect(namespaceCreateError({ code: 500, body: 'oops' }, 'x', 'c').message).toMatch(
      /HTTP 500\)\. The cluster said: oops/,
    );
    const net = namespaceCreateError(new Error('connect ECONNREFUSED'), 'x', 'c');
    expect(net.code).toBe('UNAVAILABLE');
    expect(net.message).toMatch(/could not be reached.*ECONNREFUSED/);
  });
});
