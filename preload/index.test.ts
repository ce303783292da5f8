import { afterEach, describe, expect, it, vi } from 'vitest';
import { callNames, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract';

// The Electron binary cannot run here, so the three objects the preload touches are replaced.
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listened: string[] = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel: string) => void listened.push(channel),
  },
  webUtils: { getPathForFile: () => '/dropped/kubeconfig' },
}));

describe('preload entry', () => {
  afterEach(() => vi.resetModules());

  it('exposes window.flotilla, wired to the IPC channels and webUtils', async () => {
    await import('./index');
    expect(Object.keys(exposed)).toEqual(['flotilla']);
    const api = exposed.flotilla as Record<string, (...a: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on', 'pathForFile'].sort());
    await api['app.info']({});
    expect(invoked).toEqual([[IPC_CALL_CHANNEL, 'app.info', {}]]);
    expect(listened).toEqual([IPC_EVENT_CHANNEL]);
    expect(api.pathForFile(new File([], 'config'))).toBe('/dropped/kubeconfig');
  });
});
