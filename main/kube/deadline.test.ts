import net from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeObjects } from './apply';
import { ClusterDeadlineError, withDeadline } from './deadline';
import { readPodLog } from './logs';

/**
 * Against a real socket that accepts connections and never answers: the deadline ends the call with
 * the cluster's name and the request it was waiting on.
 */

let server: net.Server;
const sockets = new Set<net.Socket>();
let kc: KubeConfig;

beforeAll(async () => {
  server = net.createServer((s) => {
    sockets.add(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'kc-name', server: `https://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'kc-name', user: 'u' }],
    currentContext: 'ctx',
  });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

const target = { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'web' };

describe('withDeadline', () => {
  it('names the cluster and the request still waiting', async () => {
    const error = await withDeadline('sim-06', 300, 'GET Deployment web', (d) =>
      kubeObjects(kc, d).get(target),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterDeadlineError);
    expect((error as Error).message).toBe('sim-06 did not answer within 0.3 s (GET /apis/apps/v1)');
  });

  it('falls back to the operation when no request is waiting', async () => {
    const error = await withDeadline('sim-06', 50, 'GET pod logs', () => new Promise(() => {})).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe('sim-06 did not answer within 0.05 s (GET pod logs)');
  });

  it('passes through an answer or an error of the work itself', async () => {
    await expect(withDeadline('c', 1000, 'x', async () => 42)).resolves.toBe(42);
    await expect(
      withDeadline('c', 1000, 'x', () => {
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
  });
});

describe('readPodLog on a cluster that never answers', () => {
  it('fails with the cluster named (given, else the kubeconfig name) and the pod', async () => {
    const t = { namespace: 'shop', pod: 'web-1', container: 'c' };
    await expect(readPodLog(kc, t, {}, { cluster: 'sim-06', timeoutMs: 300 })).rejects.toThrow(
      'sim-06 did not answer within 0.3 s (GET pod logs of shop/web-1)',
    );
    await expect(readPodLog(kc, t, {}, { timeoutMs: 300 })).rejects.toThrow(
      'kc-name did not answer within 0.3 s (GET pod logs of shop/web-1)',
    );
  });
});
