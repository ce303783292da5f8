import { expect, test } from './fixtures/test';
import { WorkloadsPage } from './pages/workloads';

const shots = process.env.WORKLOADS_SHOTS;

test('workloads over the demo fleet: filter by a label selector, open the crash-looping pod, see its restarts and logs', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const workloads = new WorkloadsPage(page);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(app.statusItem('health')).toHaveText(/^(\d+)\/\1 clusters ready$/, { timeout: 90_000 });

  await app.goTo('Workloads');
  await expect(workloads.tab('Deployments')).toHaveAttribute('aria-current', 'page');
  await workloads.expectCount(/^[1-9][\d,]* deployments?$/);
  await expect(workloads.row('payment').first()).toBeVisible();

  await workloads.tab('Pods').click();
  await workloads.expectCount(/^[1-9][\d,]* pods$/);
  await workloads.filterByLabels('app in (payment');
  await expect(page.getByTestId('selector-problem')).toContainText('expected at column 16');
  await workloads.filterByLabels('app=payment, app.kubernetes.io/part-of=harbor-goods');
  await expect(page.getByTestId('selector-problem')).toHaveCount(0);
  await workloads.expectCount(/^[1-9] pods?$/);
  const rows = workloads.rowsNamed('payment-');
  await expect(rows.first()).toBeVisible();
  expect(await workloads.rows.count()).toBe(await rows.count());
  // the demo's payment container exits on start: the kubelet restarts it and backs off
  const crashing = rows.filter({
    has: page.locator('[data-status="CrashLoopBackOff"], [data-status="Error"]'),
  });
  await expect(crashing.first()).toBeVisible({ timeout: 60_000 });
  if (shots) {
    await page.screenshot({ path: `${shots}/workloads-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/workloads-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const name = (await crashing.first().getAttribute('data-name')) ?? '';
  await crashing.first().getByRole('link', { name }).click();

  await expect(app.heading).toHaveText(name);
  // between crashes the container runs for a moment: the status word flips, the restarts only grow
  await expect(workloads.fact('pod-status')).toHaveText(/^(CrashLoopBackOff|Error|Running)$/);
  await expect(workloads.fact('pod-restarts')).toHaveText(/^[1-9]\d*$/, { timeout: 60_000 });
  await expect(workloads.fact('pod-owner')).toHaveText(/^Deployment payment \(ReplicaSet payment-/);
  await expect(workloads.fact('pod-ip')).toHaveText(/\d+\.\d+\.\d+\.\d+/);
  await expect(workloads.condition('PodScheduled')).toContainText('True');
  await expect(workloads.condition('Ready')).toContainText(/^Ready: (True|False)/);
  await expect(workloads.container('payment')).toContainText('Error (exit code 3)');

  // logs of the crashing container: the current run, searchable, and the previous run's panic
  await expect(workloads.logLines.first()).toBeVisible({ timeout: 30_000 });
  const first = (await workloads.logLines.first().textContent()) ?? '';
  const word = first.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w)) ?? first.slice(0, 4);
  await workloads.logSearch.fill(word);
  await expect(page.getByTestId('log-lines').locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await expect(page.getByTestId('log-matches')).toHaveText(/^[1-9]\d* matching lines?$/);
  if (shots) {
    await page.getByTestId('log-lines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/pod-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/pod-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`_shop_${name}_payment\\.log$`));

  await workloads.logSearch.fill('');
  await page.getByLabel(/Previous run/).check();
  await expect(workloads.logState).toHaveAttribute('data-state', 'ready');
  await expect(workloads.logLines.last()).toContainText('panic');
});
