/** The state of the renderer's link to main, as the status bar shows it. */
export type BridgeState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface ConnectionMonitor {
  state(): BridgeState;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  onState(listener: (state: BridgeState) => void): () => void;
}

/** Electron's IPC cannot drop: the monitor there is constant. */
export const alwaysConnected: ConnectionMonitor = {
  state: () => 'connected',
  onState: () => () => {},
};
