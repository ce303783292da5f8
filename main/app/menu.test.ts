import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuInput } from './menu';

/** Flattens a template to "Top > item" strings: a role, an id or a separator. */
function outline(template: MenuItemConstructorOptions[]): string[] {
  const name = (item: MenuItemConstructorOptions) => item.role ?? item.id ?? item.type ?? item.label ?? '?';
  return template.flatMap((top) => {
    const items = Array.isArray(top.submenu) ? top.submenu : [];
    return [String(top.label ?? top.role), ...items.map((item) => `  ${name(item)}`)];
  });
}

const base = (over: Partial<MenuInput> = {}): MenuInput => ({
  platform: 'linux',
  devTools: false,
  appName: 'Flotilla',
  actions: { about: () => {} },
  ...over,
});

describe('menuTemplate', () => {
  it('gives Linux and Windows File, Edit, View and Help, without developer items', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(outline(menuTemplate(base({ platform })))).toEqual([
        'File',
        '  open-kubeconfig',
        '  open-snapshot',
        '  separator',
        '  quit',
        'Edit',
        '  undo',
        '  redo',
        '  separator',
        '  cut',
        '  copy',
        '  paste',
        '  selectAll',
        'View',
        '  resetZoom',
        '  zoomIn',
        '  zoomOut',
        '  separator',
        '  togglefullscreen',
        'help',
        '  about',
      ]);
    }
  });

  it('adds reload and devtools only in development', () => {
    const view = menuTemplate(base({ devTools: true })).find((m) => m.label === 'View');
    const roles = (view?.submenu as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(roles.slice(0, 2)).toEqual(['reload', 'toggleDevTools']);
    const plain = menuTemplate(base()).find((m) => m.label === 'View');
    expect((plain?.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).not.toContain(
      'toggleDevTools',
    );
  });

  it('follows macOS conventions: app menu with About and Quit, Close in File, a Window menu', () => {
    const lines = outline(menuTemplate(base({ platform: 'darwin' })));
    expect(lines.slice(0, 8)).toEqual([
      'Flotilla',
      '  about',
      '  separator',
      '  hide',
      '  hideOthers',
      '  unhide',
      '  separator',
      '  quit',
    ]);
    expect(lines).toContain('  close');
    expect(lines).toContain('windowMenu');
    expect(lines.filter((l) => l === '  quit')).toHaveLength(1);
  });

  it('runs the actions it was given, and disables Open Kubeconfig… when there is none', () => {
    const calls: string[] = [];
    const withOpen = menuTemplate(
      base({ actions: { about: () => calls.push('about'), openKubeconfig: () => calls.push('open') } }),
    );
    const find = (t: MenuItemConstructorOptions[], id: string) =>
      t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.id === id);
    const open = find(withOpen, 'open-kubeconfig');
    expect(open).toMatchObject({ label: 'Open Kubeconfig…', enabled: true, accelerator: 'CmdOrCtrl+O' });
    (open?.click as () => void)();
    (find(withOpen, 'about')?.click as () => void)();
    expect(calls).toEqual(['open', 'about']);
    expect(find(menuTemplate(base()), 'open-kubeconfig')?.enabled).toBe(false);
  });

  it('offers File ▸ Open Snapshot… when the shell can open snapshots', () => {
    const calls: string[] = [];
    const find = (t: MenuItemConstructorOptions[], id: string) =>
      t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).find((i) => i.id === id);
    const item = find(
      menuTemplate(base({ actions: { about: () => {}, openSnapshot: () => calls.push('snapshot') } })),
      'open-snapshot',
    );
    expect(item).toMatchObject({ label: 'Open Snapshot…', enabled: true, accelerator: 'CmdOrCtrl+Shift+O' });
    (item?.click as () => void)();
    expect(calls).toEqual(['snapshot']);
    expect(find(menuTemplate(base()), 'open-snapshot')?.enabled).toBe(false);
  });
});
