import type { Db } from '../db';

/** Each scope's inspection configuration, kept as the JSON it was given. */
export function createConfigQueries(db: Db) {
  return {
    getConfig(scopeKey: string): unknown {
      const row = db.prepare('SELECT config FROM inspection_config WHERE scope_key = ?').get(scopeKey) as
        { config: string } | undefined;
      return row ? (JSON.parse(row.config) as unknown) : undefined;
    },
    setConfig(scopeKey: string, config: unknown, at: string): void {
      db.prepare(
        `INSERT INTO inspection_config (scope_key, config, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (scope_key) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
      ).run(scopeKey, JSON.stringify(config), at);
    },
  };
}
