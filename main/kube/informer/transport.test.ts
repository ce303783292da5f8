import net from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, KubeHttpError } from './transport';

/**
 * The transport against a real socket that accepts connections and never answers, as a cluster
 * behind a black-holed network or a hung API server does (kube-sim's `unreachable: "silent"`).
 */

const servers: net.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.close();
  }
});

async function silentServer(): Promise<{ port: number; sockets: net.Socket[] }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => {});
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  return { port: (server.address() as net.AddressInfo).port, sockets };
}

function kubeConfig(port: number): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

describe('transport over a silent server', () => {
  it('a watch that is never answered fails with a timeout naming the request', async () => {
    const { port, sockets } = await silentServer();
    const transport = createTransport(kubeConfig(port));
    const watching = transport.watch('/api/v1/pods', { resourceVersion: '5' }, () => {}, {
      openTimeoutMs: 100,
    });
    await expect(watching).rejects.toThrow(KubeHttpError);
    await expect(watching).rejects.toThrow('GET /api/v1/pods: no answer within 100 ms');
    expect(sockets.length).toBe(1);
    transport.close();
  });

  it('a list that is never answered fails with the same message', async () => {
    const { port } = await silentServer();
    const transport = createTransport(kubeConfig(port));
    await expect(transport.list('/api/v1/nodes', {}, { openTimeoutMs: 100 })).rejects.toThrow(
      'GET /api/v1/nodes: no answer within 100 ms',
    );
    transport.close();
  });
});
