// Builds every process into dist/: main entries and the simulator with esbuild, preload as CommonJS
// (sandboxed preloads cannot be ES modules), the renderer with Vite.
// FLOTILLA_DIST=dist-NAME builds elsewhere in the project (so parallel work can run e2e on its own build).
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const out = process.env.FLOTILLA_DIST || 'dist';
const want = (part) => only.length === 0 || only.includes(part);
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };

if (only.length === 0) rmSync(out, { recursive: true, force: true });

if (want('main')) {
  const entries = ['web', 'cli', 'electron'].filter((name) => existsSync(`main/app/${name}.ts`));
  await build({
    ...common,
    entryPoints: Object.fromEntries(entries.map((name) => [name, `main/app/${name}.ts`])),
    outdir: `${out}/main`,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}

if (want('preload') && existsSync('preload/index.ts')) {
  await build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: `${out}/preload/index.cjs`,
    format: 'cjs',
    external: ['electron'],
  });
}

if (want('sim') && existsSync('sim/cli.ts')) {
  // Self-contained, so the packaged app can start the demo fleet without dev dependencies.
  await build({
    ...common,
    entryPoints: ['sim/cli.ts'],
    outfile: `${out}/sim/cli.mjs`,
    format: 'esm',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}

if (want('renderer')) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', resolve(out, 'renderer')],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
