import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** File ▸ Open Kubeconfig…: shows the file dialog and hands the files to the renderer's attach view. */
  openKubeconfig?: () => void;
  /** File ▸ Open Snapshot…: shows the file dialog and opens the .flotilla file as a source. */
  openSnapshot?: () => void;
  about: () => void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  /** Developer tools and reload are offered only in development or with --verbose. */
  devTools: boolean;
  appName: string;
  actions: MenuActions;
}

/**
 * The application menu as a template (Menu.buildFromTemplate turns it into a menu). Pure, so
 * the items each platform gets are unit-tested. Edit keeps its roles on every platform: without
 * them the standard copy/paste shortcuts do not work in the renderer on macOS.
 */
export function menuTemplate({
  platform,
  devTools,
  appName,
  actions,
}: MenuInput): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const openKubeconfig: MenuItemConstructorOptions = {
    id: 'open-kubeconfig',
    label: 'Open Kubeconfig…',
    accelerator: 'CmdOrCtrl+O',
    enabled: actions.openKubeconfig !== undefined,
    click: () => actions.openKubeconfig?.(),
  };
  const openSnapshot: MenuItemConstructorOptions = {
    id: 'open-snapshot',
    label: 'Open Snapshot…',
    accelerator: 'CmdOrCtrl+Shift+O',
    enabled: actions.openSnapshot !== undefined,
    click: () => actions.openSnapshot?.(),
  };
  const about: MenuItemConstructorOptions = {
    id: 'about',
    label: `About ${appName}`,
    click: () => actions.about(),
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: mac
      ? [openKubeconfig, openSnapshot, { type: 'separator' }, { role: 'close' }]
      : [openKubeconfig, openSnapshot, { type: 'separator' }, { role: 'quit' }],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      ...(devTools
        ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (mac) template.push({ role: 'windowMenu' });
  template.push({ role: 'help', submenu: mac ? [] : [about] });
  return template;
}
