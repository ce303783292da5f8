import { create } from 'zustand';
import type { AppInfo, AppStatus } from '../../shared/contract';
import { api } from '../lib/api';

/** What main says about itself (version, shell, data folder) and about the fleet's data source. */
export interface AppStore {
  info: AppInfo | null;
  status: AppStatus | null;
  /** The message of the last failed load, shown where the data would be. */
  error: string | null;
  load(): Promise<void>;
  setStatus(status: AppStatus): void;
}

export const useAppStore = create<AppStore>((set) => ({
  info: null,
  status: null,
  error: null,
  async load() {
    const [info, status] = await Promise.all([api.call('app.info', {}), api.call('app.status', {})]);
    set({
      ...(info.ok ? { info: info.value } : {}),
      ...(status.ok ? { status: status.value } : {}),
      error: !info.ok ? info.error.message : !status.ok ? status.error.message : null,
    });
  },
  setStatus: (status) => set({ status }),
}));
