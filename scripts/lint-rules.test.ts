import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the import rules (docs/architecture.md) are enforced: each forbidden import, placed in a file
 * of the folder it is forbidden in, makes `npm run lint` fail; each allowed one passes.
 */
const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it.each([
    ['renderer/features/x/Probe.tsx', "import Database from 'better-sqlite3';"],
    ['renderer/features/x/Probe.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/lib/probe.ts', "import fs from 'node:fs';"],
    ['renderer/lib/probe.ts', "import fs from 'fs';"],
    ['renderer/lib/probe.ts', "import { KubeConfig } from '@kubernetes/client-node';"],
    ['renderer/lib/probe.ts', "import { createAppCore } from '../../main/app/compose';"],
    ['main/services/probe.ts', "import { app } from 'electron';"],
    ['main/kube/probe.ts', "import { safeStorage } from 'electron';"],
    ['main/store/probe.ts', "import { BrowserWindow } from 'electron';"],
    ['main/services/probe.ts', "import { parseAppArgs } from '../app/args';"],
    ['shared/probe.ts', "import path from 'node:path';"],
    ['shared/probe.ts', "import React from 'react';"],
    ['shared/probe.ts', "import { openDatabase } from '../main/store/db';"],
    ['preload/probe.ts', "import fs from 'node:fs';"],
    ['preload/probe.ts', "import { createAppCore } from '../main/app/compose';"],
    ['preload/probe.ts', "import { createAppCore } from './../main/app/compose';"],
    ['sim/probe.ts', "import { calls } from '../shared/contract';"],
    ['sim/probe.ts', "import { openDatabase } from '../main/store/db';"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await errorsFor(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['renderer/lib/probe.ts', "import { calls } from '../../shared/contract';"],
    ['main/services/probe.ts', "import fs from 'node:fs';"],
    ['main/app/probe.ts', "import { app } from 'electron';"],
    ['main/ipc/probe.ts', "import { ipcMain } from 'electron';"],
    ['preload/probe.ts', "import { contextBridge } from 'electron';"],
    ['preload/probe.ts', "import { callNames } from '../shared/contract';"],
    ['preload/probe.ts', "import { createPreloadApi } from './api';"],
    ['sim/probe.ts', "import https from 'node:https';"],
    ['shared/probe.ts', "import { z } from 'zod';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await errorsFor(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
