import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('logger', () => {
  it('writes prefixed lines and rotates by size, keeping a bounded number of files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-log-'));
    const log = createLogger({ dir, maxBytes: 400, keep: 2, quiet: true }).child('test');
    for (let i = 0; i < 40; i++) log.info(`line ${i}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['flotilla.log', 'flotilla.log.1', 'flotilla.log.2']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(400);
    const current = fs.readFileSync(path.join(dir, 'flotilla.log'), 'utf8');
    expect(current).toMatch(/INFO {2}\[flotilla:test\] line 39\n$/);
  });

  it('drops debug lines unless verbose', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-log-'));
    createLogger({ dir, quiet: true }).debug('hidden');
    createLogger({ dir, quiet: true, verbose: true }).debug('shown');
    const text = fs.readFileSync(path.join(dir, 'flotilla.log'), 'utf8');
    expect(text).not.toContain('hidden');
    expect(text).toContain('shown');
  });
});
