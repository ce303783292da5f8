import { Settings } from '../../shared/contract';
import type { Db } from './db';

const defaults: Settings = { theme: 'system' };

export function createSettingsStore(db: Db) {
  const select = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    get(): Settings {
      const stored: Record<string, unknown> = {};
      for (const row of select.all()) stored[row.key] = JSON.parse(row.value);
      const parsed = Settings.partial().safeParse(stored);
      return { ...defaults, ...(parsed.success ? parsed.data : {}) };
    },
    update(patch: Partial<Settings>): Settings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) upsert.run(key, JSON.stringify(value));
        }
      })();
      return this.get();
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
