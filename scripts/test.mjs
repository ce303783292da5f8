// The README's test command: lint, typecheck, build, unit + integration tests (Vitest),
// end-to-end tests (Playwright in Chromium against browser mode) and the packaging smoke test.
// Prints one closing line "N passed, N failed" (each check, each test) and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

function check(label, cmd, args, env) {
  if (run(label, cmd, args, env)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Chromium for the end-to-end tests and kubectl for the simulator's tests, installed when missing.
const tools = spawnSync('bash', ['scripts/ensure-tools.sh'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
for (const [, name, value] of (tools.stdout ?? '').matchAll(/^export (\w+)=(.*)$/gm)) {
  process.env[name] ??= value;
  process.stdout.write(`${name}=${value}\n`);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

check('lint (eslint, zero warnings)', bin('eslint'), ['--max-warnings', '0', '.']);
check('format (prettier)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
for (const project of ['shared', 'main', 'preload', 'renderer', 'sim']) {
  check(`typecheck ${project}`, bin('tsc'), ['-p', `${project}/tsconfig.json`]);
}
check('typecheck renderer tests', bin('tsc'), ['-p', 'renderer/tsconfig.test.json']);
check('typecheck tools', bin('tsc'), ['-p', 'tsconfig.tools.json']);
const built = run('build', process.execPath, ['scripts/build.mjs']);
if (built) passed++;
else {
  failed++;
  failures.push('build');
}

// Unit and integration tests.
const unitOk = run('unit and integration tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const unit = readJson('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests > 0) failures.push(`${unit.numFailedTests} vitest test(s)`);
  if (!unitOk && unit.numFailedTests === 0) {
    failed++;
    failures.push('vitest exited non-zero (a suite failed to load?)');
  }
} else {
  failed++;
  failures.push('vitest produced no report');
}

// End-to-end tests need the build.
if (built) {
  const e2eOk = run('end-to-end tests (playwright)', bin('playwright'), ['test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (e2e.stats.unexpected > 0) failures.push(`${e2e.stats.unexpected} e2e test(s)`);
    if (!e2eOk && e2e.stats.unexpected === 0) {
      failed++;
      failures.push('playwright exited non-zero');
    }
  } else {
    failed++;
    failures.push('playwright produced no report');
  }
  if (existsSync('scripts/package-smoke.mjs'))
    check('packaging smoke test', process.execPath, ['scripts/package-smoke.mjs']);
}

if (failures.length) process.stdout.write(`\nFailed: ${failures.join('; ')}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
