import fs from 'node:fs';
import { startFleet, type SimFleet } from './fixtures/sim-fleet';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';
import { WorkloadsPage } from './pages/workloads';

/**
 * Faults switched on in kube-sim while the operator has a view open: one cluster answers 500, another
 * refuses connections, a third loses its token and has its watches expired (410) while a deployment is
 * deleted behind the app's back. The status bar names the failing clusters and says why, the healthy
 * cluster keeps updating the open table, the relist leaves no stale row, and everything recovers once
 * the faults are switched off.
 */

let fleet: SimFleet;

test.beforeAll(async () => {
  fleet = await startFleet(['--clusters', '3', '--nodes', '2', '--pods', '20', '--churn', '1']);
});

test.afterAll(() => fleet?.stop());

test('faults on three clusters while Workloads is open: named, isolated, relisted, recovered', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const [a, b, c] = fleet.names as [string, string, string];
  const clusters = new ClustersPage(page);
  const workloads = new WorkloadsPage(page);
  const problems = page.getByTestId('status-problems');
  const row = (name: string, cluster: string) => workloads.row(name).filter({ hasText: cluster });

  await app.open('#/clusters/attach');
  await clusters.dropFiles([{ name: 'kubeconfig', text: fs.readFileSync(fleet.kubeconfig, 'utf8') }]);
  await clusters.context(`${a}-cert`).getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Attach 3 clusters' }).click();
  await expect(app.statusItem('health')).toHaveText('3/3 clusters ready', { timeout: 30_000 });
  await expect(problems).toHaveCount(0);

  await app.goTo('Workloads');
  await workloads.nameFilter.fill('faults-');
  await expect(workloads.count).toHaveText(/^0 deployments/);

  // 500 on every request to b, c's port closed.
  await fleet.faults(b, { errorRate: 1, errorCode: 500 });
  await fleet.faults(c, { unreachable: 'refuse' });
  await fleet.kubectl('--context', a, 'create', 'deployment', 'faults-one', '--image=nginx');
  await expect(row('faults-one', a)).toBeVisible();

  // The status bar names both failing clusters; its title says why, in words, per cluster.
  await expect(problems).toHaveText(`${b} degraded, ${c} unreachable`, { timeout: 60_000 });
  await expect(problems).toHaveAttribute('data-tone', 'error');
  const why = (await problems.getAttribute('title'))!.split('\n');
  expect(why).toEqual([
    expect.stringMatching(
      new RegExp(`^${b}: degraded — 127\\.0\\.0\\.1:\\d+ answered with an error: .*HTTP 500`),
    ),
    expect.stringMatching(new RegExp(`^${c}: unreachable — 127\\.0\\.0\\.1:\\d+ refused the connection`)),
  ]);
  expect(why.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  await expect(app.statusItem('health')).toHaveText('1/3 clusters ready');
  await page.screenshot({ path: 'test-results/faults-named.png' });

  // c's Nodes tab says its nodes are the last known ones, and why.
  await app.goTo('Clusters');
  await clusters.openOverview(c);
  await page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name: 'Nodes' }).click();
  await expect(page.getByTestId('nodes-stale')).toHaveText(
    new RegExp(
      `^${c} is unreachable: 127\\.0\\.0\\.1:\\d+ refused the connection.* as it last reported them\\.$`,
    ),
  );
  await expect(app.statusItem('health')).toHaveText('1/3 clusters ready');
  await app.goTo('Workloads');
  await workloads.nameFilter.fill('faults-');
  await expect(row('faults-one', a)).toBeVisible();

  // a keeps updating the open table while the others fail.
  await fleet.kubectl('--context', a, 'scale', 'deployment', 'faults-one', '--replicas=3');
  await expect(row('faults-one', a).locator('[data-col="ready"]')).toHaveText('3/3');

  // a's token expires and its watches are compacted (410): the app's relist fails until the token is
  // restored. Meanwhile faults-one is deleted and faults-two created with the client certificate.
  await fleet.admin(a, 'expire-tokens', { who: 'admin' });
  await fleet.admin(a, 'expire-watches');
  await fleet.kubectl('--context', `${a}-cert`, 'delete', 'deployment', 'faults-one', '--wait=false');
  await fleet.kubectl('--context', `${a}-cert`, 'create', 'deployment', 'faults-two', '--image=nginx');
  await fleet.admin(a, 'restore-tokens');
  await expect(row('faults-two', a)).toBeVisible({ timeout: 60_000 });
  await expect(workloads.row('faults-one')).toHaveCount(0);

  // Faults off: the status bar clears and b's objects flow into the open table again.
  await fleet.admin(b, 'reset');
  await fleet.admin(c, 'reset');
  await expect(problems).toHaveCount(0, { timeout: 60_000 });
  await expect(app.statusItem('health')).toHaveText('3/3 clusters ready');
  await fleet.kubectl('--context', b, 'create', 'deployment', 'faults-three', '--image=nginx');
  await fleet.kubectl('--context', c, 'create', 'deployment', 'faults-four', '--image=nginx');
  await expect(row('faults-three', b)).toBeVisible({ timeout: 60_000 });
  await expect(row('faults-four', c)).toBeVisible({ timeout: 60_000 });
  await expect(workloads.count).toHaveText(/^3 deployments/);
  await page.screenshot({ path: 'test-results/faults-recovered.png' });
});
