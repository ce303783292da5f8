import { expect, test } from './fixtures/test';
import { NodesPage } from './pages/nodes';

/**
 * The Nodes views over the demo fleet: a cluster's Nodes tab with allocation figures, sorting,
 * the node detail, and the fleet heatmap whose cells open their node.
 */

const CPU = /^\d+% \d+(\.\d+)? \/ \d+(\.\d+)? CPUs$/;
const MEMORY = /^\d+% \d+\.\d\d \/ \d+\.\d\d GiB$/;

test('a cluster Nodes tab shows each node with its allocation, sorts, and opens a node', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  const nodes = new NodesPage(page);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  const link = page.getByRole('link', { name: 'aks-prod-eastus', exact: true }).first();
  await expect(link).toBeVisible({ timeout: 90_000 });
  await link.click();
  await nodes.tab('Nodes').click();
  await expect(app.heading).toHaveText('aks-prod-eastus');
  await expect(nodes.summary).toHaveText(/^\d+ nodes · \d+ ready · usage from metrics\.k8s\.io$/, {
    timeout: 60_000,
  });
  const [, total, ready] = /^(\d+) nodes · (\d+) ready/.exec((await nodes.summary.textContent())!)!;
  expect(Number(total)).toBeGreaterThanOrEqual(4);
  await expect(nodes.rows).toHaveCount(Number(total));

  const names = await nodes.names();
  expect(names).toEqual([...names].sort());
  for (const name of names) {
    await expect(nodes.cell(name, 'cpu')).toHaveText(CPU);
    await expect(nodes.cell(name, 'memory')).toHaveText(MEMORY);
  }
  // Every node is Ready or not (the demo's sim.flotilla.dev/node-down node is Unknown), as counted.
  await expect(nodes.table.locator('[data-state="Ready"]')).toHaveCount(Number(ready));
  await expect(nodes.table.locator('[data-state="Unknown"], [data-state="NotReady"]')).toHaveCount(
    Number(total) - Number(ready),
  );
  // Nodes that metrics-server has measured show their usage.
  await expect(nodes.table.locator('td[data-col="cpu-used"] .fl-alloc-text').first()).toHaveText(CPU, {
    timeout: 60_000,
  });

  // Sorting by allocated CPU, descending: percentages fall.
  await nodes.sortBy('Allocated CPU');
  await nodes.sortBy('Allocated CPU');
  const cpuTexts = await nodes.table.locator('td[data-col="cpu"] .fl-alloc-text').allTextContents();
  const shares = cpuTexts.map((t) => {
    const [, req, alloc] = /([\d.]+) \/ ([\d.]+)/.exec(t)!;
    return Number(req) / Number(alloc);
  });
  expect(shares).toEqual([...shares].sort((a, b) => b - a));

  const first = (await nodes.names())[0]!;
  await nodes.row(first).getByRole('link', { name: first }).click();
  await expect(app.heading).toHaveText(first);
  await expect(nodes.fact('Cluster')).toHaveText('aks-prod-eastus');
  await expect(nodes.fact('Kubelet version')).toHaveText(/^v\d+\.\d+/);
  await expect(nodes.fact('Container runtime')).not.toHaveText('--');
  await expect(nodes.conditions.locator('[data-condition]')).toHaveCount(5);
  await expect(page.getByTestId('node-pods').locator('tbody tr').first()).toBeVisible();
});

test('the node heatmap shows every node of the fleet; hover names a cell and a click opens it', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  const nodes = new NodesPage(page);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(page.getByRole('link', { name: 'tkg-01', exact: true }).first()).toBeVisible({
    timeout: 90_000,
  });
  await page.getByRole('link', { name: 'Node heatmap' }).click();
  await expect(app.heading).toHaveText('Node heatmap');
  await expect(nodes.canvas).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('heatmap-summary')).toContainText(/\d+ nodes in 3 clusters/);
  await expect(nodes.legend).toContainText('Not ready');

  // The first cell of the first cluster: padding 8, label line 22, cells of 28 px at this size.
  const name = await nodes.hoverCell(8 + 10, 8 + 22 + 10);
  expect(name).not.toBe('');
  await expect(nodes.tooltip).toContainText(/Allocated CPU \d+%/);

  await page.getByText('Memory', { exact: true }).click();
  await page.getByText('Used', { exact: true }).click();
  await nodes.canvas.click({ position: { x: 8 + 10, y: 8 + 22 + 10 } });
  await expect(app.heading).toHaveText(name);
  await expect(nodes.fact('Kubelet version')).toHaveText(/^v\d+\.\d+/);
});
