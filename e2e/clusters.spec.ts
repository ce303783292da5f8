import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatCpu } from '../shared/contract/fleet';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';

interface SimReady {
  kubeconfig: string;
  clusters: Array<{ name: string; server: string }>;
  admin: { url: string; token: string };
}

let sim: ChildProcess | undefined;
let ready: SimReady;
const run = promisify(execFile);

test.beforeAll(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sim-'));
  sim = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'sim/cli.ts',
      '--clusters',
      '3',
      '--nodes',
      '3',
      '--pods',
      '12',
      '--out',
      out,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  ready = await new Promise<SimReady>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('kube-sim did not start')), 30_000);
    sim!.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as SimReady);
      }
    });
  });
});

test.afterAll(() => {
  sim?.kill('SIGTERM');
});

/** CPU figures computed from the sim's own objects with kubectl, independently of the app. */
async function expectedCpu(context: string): Promise<string> {
  const get = async (what: string[]) =>
    JSON.parse(
      (
        await run('kubectl', [
          '--kubeconfig',
          ready.kubeconfig,
          '--context',
          context,
          'get',
          ...what,
          '-o',
          'json',
        ])
      ).stdout,
    ) as {
      items: Array<{
        spec: { nodeName?: string; containers?: Array<{ resources?: { requests?: { cpu?: string } } }> };
        status: { phase?: string; allocatable?: { cpu: string } };
      }>;
    };
  const cores = (q: string | undefined) =>
    !q ? 0 : q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : Number(q);
  const [nodes, pods] = await Promise.all([get(['nodes']), get(['pods', '-A'])]);
  const allocatable = nodes.items.reduce((s, n) => s + cores(n.status.allocatable?.cpu), 0);
  const requested = pods.items
    .filter((p) => p.spec.nodeName && !['Succeeded', 'Failed'].includes(p.status.phase ?? ''))
    .reduce(
      (s, p) => s + (p.spec.containers ?? []).reduce((t, c) => t + cores(c.resources?.requests?.cpu), 0),
      0,
    );
  return formatCpu({ requested: Math.round(requested * 1000) / 1000, allocatable });
}

test('drop a kubeconfig, attach every context, see the figures, open an overview, lose one cluster', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const clusters = new ClustersPage(page);
  await app.open('#/clusters');
  await page.screenshot({ path: 'test-results/clusters-empty.png' });

  await clusters.dropFiles([{ name: 'kubeconfig', text: fs.readFileSync(ready.kubeconfig, 'utf8') }]);
  await expect(app.heading).toHaveText('Attach clusters');
  const names = ready.clusters.map((c) => c.name);
  for (const n of names) await expect(clusters.context(n)).toBeVisible();
  await expect(clusters.context(`${names[0]}-cert`)).toContainText('client-certificate');
  await page.screenshot({ path: 'test-results/clusters-attach-top.png' });
  await clusters.context(names[1]!).getByRole('button', { name: 'Verify connection' }).click();
  await expect(clusters.context(names[1]!).getByTestId('verify-result')).toContainText('may do everything');
  await page.screenshot({ path: 'test-results/clusters-attach.png', fullPage: true });
  await page.getByRole('button', { name: 'Attach 4 clusters' }).click();

  await expect(app.heading).toHaveText('Clusters');
  await expect(clusters.count).toHaveText('4 clusters');
  for (const n of names) await clusters.expectStatus(n, 'ready');
  // The figures are the sim's (the controllers settle quickly; retry until they agree).
  await expect(async () => {
    const want = await expectedCpu(names[2]!);
    await expect(clusters.cell(names[2]!, 'cpu')).toContainText(want, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(clusters.cell(names[2]!, 'nodes')).toHaveText('3');
  await page.screenshot({ path: 'test-results/clusters-list.png' });

  await clusters.openOverview(names[0]!);
  await expect(clusters.fact('Worker nodes')).not.toHaveText('--');
  await expect(page.locator('[data-component="kube-apiserver"]')).toContainText('✔');
  await page.screenshot({ path: 'test-results/clusters-overview.png', fullPage: true });

  await page.goto(`${app.server.url}#/clusters`);
  const res = await fetch(`${ready.admin.url}/clusters/${encodeURIComponent(names[1]!)}/faults`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${ready.admin.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ unreachable: 'refuse' }),
  });
  expect(res.ok).toBe(true);
  await clusters.expectStatus(names[1]!, 'unreachable', 40_000);
  for (const n of [names[0]!, names[2]!]) await clusters.expectStatus(n, 'ready', 1000);
  await expect(clusters.status(names[1]!)).toHaveAttribute('title', /refused the connection/);
  await page.screenshot({ path: 'test-results/clusters-unreachable.png' });
});

test('choose a file, label and group clusters, delete a group, detach a protected cluster', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const clusters = new ClustersPage(page);
  const names = ready.clusters.map((c) => c.name);
  await app.open('#/clusters/attach');
  await page.getByLabel('Choose kubeconfig files').setInputFiles(ready.kubeconfig);
  await expect(clusters.context(names[0]!)).toBeVisible();
  await clusters.context(`${names[0]}-cert`).getByRole('checkbox').uncheck();
  await clusters.context(names[0]!).getByLabel(`Name for ${names[0]}`).fill('Prod_1');
  await expect(clusters.context(names[0]!)).toContainText('lowercase letters, digits and hyphens');
  await clusters.context(names[0]!).getByLabel(`Name for ${names[0]}`).fill('prod-1');
  await clusters
    .context(names[0]!)
    .getByLabel(`Labels for ${names[0]}`)
    .fill('flotilla.io/protected: true, env: prod');
  await page.getByRole('button', { name: 'Attach 3 clusters' }).click();
  await expect(clusters.count).toHaveText('3 clusters');
  await expect(clusters.row('prod-1')).toContainText('env: prod');

  await app.goTo('Cluster groups');
  await page.getByLabel('New group name').fill('team-a');
  await page.getByLabel('New group description').fill('Team A clusters');
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.locator('tr[data-group="team-a"]')).toBeVisible();

  await app.goTo('Clusters');
  await clusters.row('prod-1').getByRole('checkbox').check();
  await clusters.row(names[1]!).getByRole('checkbox').check();
  await page.getByLabel('Move selected clusters to group').selectOption({ label: 'team-a' });
  await expect(clusters.row('prod-1')).toContainText('team-a');
  await clusters.row('prod-1').getByRole('link', { name: 'team-a' }).click();
  await expect(app.heading).toHaveText('team-a');
  await expect(page.getByTestId('group-totals')).toContainText('Clusters2');
  await expect(page.getByTestId('cluster-count')).toHaveText('2 clusters');
  await page.screenshot({ path: 'test-results/clusters-group.png' });
  await page.getByRole('button', { name: 'Delete group…' }).click();
  await page.getByRole('button', { name: 'Move clusters to default and delete' }).click();
  await expect(app.heading).toHaveText('Cluster groups');
  await expect(page.locator('tr[data-group="team-a"]')).toHaveCount(0);
  await expect(page.locator('tr[data-group="default"] td').nth(2)).toHaveText('3');
  await page.screenshot({ path: 'test-results/clusters-groups.png' });

  await app.goTo('Clusters');
  await clusters.row('prod-1').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Detach…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Detach' })).toBeDisabled();
  await dialog.getByLabel('Type prod-1 to confirm').fill('prod-1');
  await page.screenshot({ path: 'test-results/clusters-detach.png' });
  await dialog.getByRole('button', { name: 'Detach' }).click();
  await expect(clusters.count).toHaveText('2 clusters');
});

test('a fleet of 300 clusters: attach them all, the table stays virtualised, sort and filter work', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-sim-big-'));
  const big = spawn(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'sim/cli.ts',
      '--clusters',
      '300',
      '--nodes',
      '1',
      '--pods',
      '2',
      '--no-controllers',
      '--out',
      out,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const info = await new Promise<SimReady>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error('kube-sim (300 clusters) did not start')), 90_000);
      big.stdout!.on('data', (c: Buffer) => {
        buf += c.toString();
        const line = buf.split('\n').find((l) => l.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as SimReady);
        }
      });
    });
    const clusters = new ClustersPage(page);
    await app.open('#/clusters');
    await clusters.dropFiles([{ name: 'kubeconfig', text: fs.readFileSync(info.kubeconfig, 'utf8') }]);
    // 300 contexts plus the client-certificate one.
    await page.getByRole('button', { name: 'Attach 301 clusters' }).click({ timeout: 30_000 });
    await expect(clusters.count).toHaveText('301 clusters', { timeout: 30_000 });
    await expect(page.locator('[data-status="ready"]').first()).toBeVisible({ timeout: 30_000 });
    expect(await clusters.rows.count()).toBeLessThan(60);
    await page.getByTestId('cluster-rows').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = info.clusters[info.clusters.length - 1]!.name;
    await expect(clusters.row(last)).toBeVisible();
    expect(await clusters.rows.count()).toBeLessThan(60);
    // Speed is measured in bench/, not here: this checks that sort and filter work at this size.
    await page.getByRole('button', { name: 'Allocated CPU' }).click();
    await page.getByLabel('Filter clusters').fill(last);
    await expect(clusters.count).toHaveText('1 of 301 clusters');
    await expect(clusters.row(last)).toBeVisible();
    await page.screenshot({ path: 'test-results/clusters-300.png' });
  } finally {
    big.kill('SIGTERM');
  }
});
