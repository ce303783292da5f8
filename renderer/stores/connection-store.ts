import { create } from 'zustand';
import type { BridgeState } from '../lib/connection';

/** The bridge state for the status bar; fed by bootstrap from lib/api's connection monitor. */
export interface ConnectionStore {
  bridge: BridgeState;
  /** Set once the bridge has been connected at least once, so "reconnecting" can differ from "starting". */
  everConnected: boolean;
  setBridge(state: BridgeState): void;
}

export const useConnectionStore = create<ConnectionStore>((set) => ({
  bridge: 'connecting',
  everConnected: false,
  setBridge: (bridge) =>
    set((prev) => ({ bridge, everConnected: prev.everConnected || bridge === 'connected' })),
}));
