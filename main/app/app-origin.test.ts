import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, resolveAppAsset } from './app-origin';

describe('isAppUrl', () => {
  const cases: Array<[unknown, boolean]> = [
    [APP_ENTRY_URL, true],
    ['app://flotilla/', true],
    ['app://flotilla/assets/index-abc.js?x=1#y', true],
    // Chromium hands us canonical (lower-case) URLs; Node keeps a custom scheme's host as written,
    // so anything not already canonical is refused rather than guessed at.
    ['app://FLOTILLA/index.html', false],
    ['app://other/index.html', false],
    ['app://flotilla.evil.example/', false],
    ['app://user@flotilla/', false],
    ['app://flotilla:8080/', false],
    ['file:///work/dist/renderer/index.html', false],
    ['https://flotilla/', false],
    ['http://127.0.0.1:4173/', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['', false],
    [undefined, false],
    [42, false],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

describe('resolveAppAsset', () => {
  const root = path.resolve('/srv/flotilla/dist/renderer');

  it.each([
    ['app://flotilla/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://flotilla/', 'index.html', 'text/html; charset=utf-8'],
    ['app://flotilla/clusters/tkg-01', 'index.html', 'text/html; charset=utf-8'],
    ['app://flotilla/assets/index-abc.js?v=1', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://flotilla/assets/codicon.ttf', 'assets/codicon.ttf', 'font/ttf'],
    ['app://flotilla/assets/a%20b.css', 'assets/a b.css', 'text/css; charset=utf-8'],
    ['app://flotilla/assets/../index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://flotilla/%2e%2e/%2e%2e/secret.json', 'secret.json', 'application/json'],
    ['app://flotilla/..%2F..%2Fsecret.json', 'secret.json', 'application/json'],
  ])('%s → %s', (url, file, type) => {
    expect(resolveAppAsset(root, url)).toEqual({ ok: true, file: path.join(root, file), contentType: type });
  });

  it.each([
    ['app://other/index.html', 404],
    ['file:///etc/passwd', 404],
    ['app://flotilla/%E0%A4%A', 400],
    ['app://flotilla/a%00.js', 400],
    ['app://flotilla/a%5C..%5C..%5Cx.js', 400],
    ['app://flotilla/run.exe', 404],
    ['not a url', 400],
  ])('refuses %s with %i', (url, status) => {
    const result = resolveAppAsset(root, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.status).toBe(status);
  });

  it('never resolves outside the renderer folder', () => {
    const tricky = ['/../../etc/passwd.json', '/%2e%2e%2f%2e%2e%2fetc.json', '/./../x.js', '//etc/x.js'];
    for (const p of tricky) {
      const result = resolveAppAsset(root, `app://flotilla${p}`);
      if (result.ok) expect(result.file.startsWith(root + path.sep)).toBe(true);
    }
  });
});
