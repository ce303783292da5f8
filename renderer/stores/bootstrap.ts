import { api, connection } from '../lib/api';
import { useAppStore } from './app-store';
import { useConnectionStore } from './connection-store';
import { useSettingsStore } from './settings-store';

/** Wires main's events into the stores and reloads them whenever the bridge (re)connects. */
export function startStores(): () => void {
  const reload = () => {
    void useAppStore.getState().load();
    void useSettingsStore.getState().load();
  };
  const unsubscribers = [
    api.on('app.status', (status) => useAppStore.getState().setStatus(status)),
    api.on('settings.changed', (settings) => useSettingsStore.getState().apply(settings)),
    connection.onState((state) => {
      useConnectionStore.getState().setBridge(state);
      if (state === 'connected') reload();
    }),
  ];
  // In browser mode calls made now would only queue; the first 'connected' loads instead.
  useConnectionStore.getState().setBridge(connection.state());
  if (connection.state() === 'connected') reload();
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
