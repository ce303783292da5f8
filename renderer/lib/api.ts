import type { Bridge } from '../../shared/contract';
import { alwaysConnected, type ConnectionMonitor } from './connection';
import { createPreloadBridge, isPreloadApi } from './electron-bridge';
import { rpcUrl, takeTokenFromUrl, TOKEN_STORAGE_KEY } from './session-token';
import { createWsBridge, type SocketLike } from './ws-client';

/**
 * The only way the renderer talks to main. In Electron, preload exposes `window.flotilla`;
 * in browser mode there is none, and the same contract runs over a WebSocket to /rpc.
 */
function readSessionToken(): string | null {
  const { token, cleanUrl } = takeTokenFromUrl(window.location.href);
  if (token) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
    window.history.replaceState(window.history.state, '', cleanUrl);
    return token;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

function pickShell(): { api: Bridge; connection: ConnectionMonitor } {
  const preload = (window as { flotilla?: unknown }).flotilla;
  if (isPreloadApi(preload)) return { api: createPreloadBridge(preload), connection: alwaysConnected };
  const token = readSessionToken();
  const bridge = createWsBridge({
    url: () => rpcUrl(window.location.href, token),
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  });
  return { api: bridge, connection: bridge };
}

const shell = pickShell();

export const api: Bridge = shell.api;
export const connection: ConnectionMonitor = shell.connection;
