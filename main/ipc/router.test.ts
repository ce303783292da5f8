import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { createRouter, type Handlers } from './router';
import { createLogger } from '../services/log';

const log = createLogger({ quiet: true });

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  // Only the core calls: the router must cope with a contract larger than the handlers under test.
  const base = {
    'app.info': () => ({
      name: 'Flotilla',
      version: '1',
      shell: 'web',
      dataDir: '/d',
      schemaVersion: 1,
      platform: 'x',
    }),
    'app.status': () => ({
      dataSource: 'none',
      sourceLabel: '',
      health: 'none',
      clustersReady: 0,
      clustersTotal: 0,
    }),
    'settings.get': () => ({ theme: 'system' }),
    'settings.update': (patch: { theme?: 'system' | 'light' | 'dark' }) => ({
      theme: patch.theme ?? 'system',
    }),
  };
  return { ...base, ...overrides } as Handlers;
}

describe('router', () => {
  it('rejects invalid arguments before the handler runs', async () => {
    let ran = false;
    const router = createRouter(
      handlers({
        'settings.update': () => {
          ran = true;
          return { theme: 'dark' };
        },
      }),
      log,
    );
    const result = await router.dispatch('settings.update', { theme: 'purple' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(result.ok ? '' : result.error.message).toMatch(/^settings\.update: theme: /);
    expect(await router.dispatch('settings.update', { theme: 'dark', extra: 1 })).toMatchObject({
      ok: false,
    });
    expect(ran).toBe(false);
  });

  it('rejects unknown and non-string call names, including prototype keys', async () => {
    const router = createRouter(handlers(), log);
    for (const name of ['nope', 42, '__proto__', 'constructor', 'toString']) {
      expect(await router.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
  });

  it('passes AppError codes through and hides other failures behind INTERNAL', async () => {
    const router = createRouter(
      handlers({
        'settings.get': () => {
          throw new AppError('NOT_FOUND', 'no such thing');
        },
        'app.status': () => {
          throw new Error('boom');
        },
      }),
      log,
    );
    expect(await router.dispatch('settings.get', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no such thing' },
    });
    expect(await router.dispatch('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuses to send a result outside the contract', async () => {
    const router = createRouter(
      handlers({ 'settings.get': () => ({ theme: 'dark', token: 'secret' }) as never }),
      log,
    );
    // zod strips unknown keys from objects: the secret never crosses.
    const result = await router.dispatch('settings.get', {});
    expect(JSON.stringify(result)).not.toContain('secret');
    const router2 = createRouter(handlers({ 'settings.get': () => ({ theme: 42 }) as never }), log);
    expect(await router2.dispatch('settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
