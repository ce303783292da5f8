// Builds every process into dist/: main entries and the simulator with esbuild, preload as CommonJS
// (sandboxed preloads cannot be ES modules), the renderer with Vite.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };

if (only.length === 0) rmSync('dist', { recursive: true, force: true });

if (want('main')) {
  const entries = ['web', 'cli', 'electron'].filter((name) => existsSync(`main/app/${name}.ts`));
  await build({
    ...common,
    entryPoints: Object.fromEntries(entries.map((name) => [name, `main/app/${name}.ts`])),
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  });
}

if (want('preload') && existsSync('preload/index.ts')) {
  await build({
    ...common,
    entryPoints: ['preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  });
}

if (want('sim') && existsSync('sim/cli.ts')) {
  // Self-contained, so the packaged app can start the demo fleet without dev dependencies.
  await build({
    ...common,
    entryPoints: ['sim/cli.ts'],
    outfile: 'dist/sim/cli.mjs',
    format: 'esm',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
}

if (want('renderer')) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
