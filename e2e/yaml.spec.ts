import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { expect, test } from './fixtures/test';
import { SnapshotsPage } from './pages/snapshots';
import { YamlEditorPage } from './pages/yaml-editor';
import { yamlRoute } from '../renderer/features/yaml/route';

/**
 * The YAML editor over the demo fleet: edit the shop's cart deployment's replicas, review the
 * diff, apply (dry run, then server-side apply; forcing when another manager owns replicas) and
 * see kube-sim scale the pods; then a change made underneath with kubectl after opening is a
 * conflict offering Reload and Force apply. The editor checks and completes the YAML against the
 * cluster's schema (a violation is an error, not a warning); deleting on a protected cluster needs its name typed; a snapshot's object is
 * read-only and checked against the bundled schema.
 */
const run = promisify(execFile);

/** One contract call over the browser-mode socket, as the renderer makes it (for test set-up). */
async function rpc(pageUrl: string, name: string, input: unknown): Promise<unknown> {
  const page = new URL(pageUrl);
  const ws = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token') ?? ''}`, {
    origin: page.origin,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  try {
    return await new Promise((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString()) as {
          id?: number;
          result?: { ok: boolean; value?: unknown; error?: unknown };
        };
        if (frame.id !== 1 || !frame.result) return;
        if (frame.result.ok) resolve(frame.result.value);
        else reject(new Error(`${name}: ${JSON.stringify(frame.result.error)}`));
      });
      ws.send(JSON.stringify({ id: 1, call: name, input }));
    });
  } finally {
    ws.close();
  }
}

test('edit a deployment in YAML, see it land, and see a conflict when it changed underneath', async ({
  app,
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  const link = page.getByRole('link', { name: 'tkg-01', exact: true }).first();
  await expect(link).toBeVisible({ timeout: 90_000 });
  const clusterId = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
  const kubeconfig = path.join(server.dataDir, 'demo-fleet', 'kubeconfig');
  const kubectl = async (...args: string[]) =>
    (
      await run(process.env.KUBECTL ?? 'kubectl', [
        '--kubeconfig',
        kubeconfig,
        '--context',
        'tkg-01',
        '-n',
        'shop',
        ...args,
      ])
    ).stdout.trim();
  const jsonpath = (expr: string) => kubectl('get', 'deployment', 'cart', '-o', `jsonpath=${expr}`);
  await expect.poll(() => jsonpath('{.spec.replicas}'), { timeout: 60_000 }).toBe('2');

  const yaml = new YamlEditorPage(page);
  const ref = {
    cluster: clusterId,
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'cart',
  };
  await page.goto(`${server.url}${yamlRoute(ref)}`);
  await expect(app.heading).toHaveText('Deployment cart');
  await yaml.loaded('Deployment');
  await expect(yaml.editor).not.toContainText('managedFields');

  // Edit replicas 2 → 4, review the diff, apply.
  await yaml.setValue('replicas:', '2', '4');
  await yaml.button('Review').click();
  await expect(yaml.diff.locator('.modified-in-monaco-diff-editor')).toContainText('replicas: 4');
  await yaml.button('Apply').click();
  await expect(yaml.steps).toBeVisible();
  const forced = await Promise.race([
    yaml.steps
      .getByText('Applied as field manager')
      .waitFor()
      .then(() => false),
    yaml.steps
      .getByText('Conflict: other field managers own fields you changed.')
      .waitFor()
      .then(() => true),
  ]);
  if (forced) {
    await expect(yaml.steps).toContainText('.spec.replicas');
    await yaml.button('Force apply').click();
  }
  await expect(yaml.steps).toContainText('Server-side dry run accepted the change');
  await expect(yaml.steps).toContainText('Applied as field manager flotilla');
  await expect.poll(() => jsonpath('{.spec.replicas}')).toBe('4');
  // kube-sim's controllers scale the replica set and its kubelet makes the new pods ready.
  await expect.poll(() => jsonpath('{.status.readyReplicas}'), { timeout: 60_000 }).toBe('4');

  // Open again, edit, then someone else changes the deployment before Apply.
  await page.reload();
  await yaml.loaded('Deployment');
  await yaml.setValue('replicas:', '4', '3');
  await kubectl('label', 'deployment', 'cart', 'changed-underneath=yes');
  await yaml.button('Review').click();
  await yaml.button('Apply').click();
  await expect(yaml.steps).toContainText('Conflict: the object changed on the cluster after you opened it.');
  await expect(yaml.steps).toContainText('409');
  await expect(yaml.button('Force apply')).toBeVisible();
  expect(await jsonpath('{.spec.replicas}')).toBe('4');
  await page.screenshot({ path: test.info().outputPath('yaml-conflict.png') });
  await yaml.button('Reload (discard my edits)').click();
  await expect(yaml.editor.locator('.view-lines')).toContainText('changed-underneath: yes');
});

test('the editor checks and completes YAML against the cluster schema of its apiVersion and kind; delete on a protected cluster', async ({
  app,
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  const link = page.getByRole('link', { name: 'tkg-01', exact: true }).first();
  await expect(link).toBeVisible({ timeout: 90_000 });
  const clusterId = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
  const yaml = new YamlEditorPage(page);
  const ref = {
    cluster: clusterId,
    group: 'apps',
    version: 'v1',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'cart',
  };
  await app.open(yamlRoute(ref));
  await yaml.loaded('Deployment');
  await expect(yaml.schemaNote).toHaveText(
    "Checked against the cluster's OpenAPI schema of Deployment (apps/v1).",
    {
      timeout: 20_000,
    },
  );
  await expect(yaml.schemaNote).toHaveAttribute('data-source', 'cluster');
  // The live object is valid against its own schema.
  await expect(yaml.problems).toHaveCount(0);

  // An unknown field under spec.
  await yaml.insertLineAfter('replicas: 2', 'replicaz: 3');
  await expect(yaml.problems).toHaveCount(1, { timeout: 15_000 });
  // A schema violation is an error (red), not a warning an operator might pass over.
  const errors = yaml.editor.locator('.squiggly-error');
  const warnings = yaml.editor.locator('.squiggly-warning');
  await expect(errors).toHaveCount(1);
  await expect(warnings).toHaveCount(0);
  expect(await yaml.problemMessage()).toMatch(/Property replicaz is not allowed/);
  await page.keyboard.press('Escape');

  // A wrong type: replicas is an integer.
  await yaml.setValue('replicas:', '2', 'two');
  await expect(yaml.problems).toHaveCount(2, { timeout: 15_000 });
  await expect(errors).toHaveCount(2);
  await expect(warnings).toHaveCount(0);
  const messages = [await yaml.problemMessage(0), await yaml.problemMessage(1)].join('\n');
  expect(messages).toMatch(/Incorrect type\. Expected "integer"/);
  expect(messages).toMatch(/Property replicaz is not allowed/);
  await page.keyboard.press('Escape');

  // Completion of a field under spec, with its description from the schema.
  await yaml.insertLineAfter('replicaz: 3', 'min');
  await page.keyboard.press('Control+Space');
  const item = yaml.suggestions.filter({ hasText: 'minReadySeconds' });
  await expect(item.first()).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath('yaml-schema.png') });
  await page.keyboard.press('Enter');
  await expect(yaml.editor.locator('.view-lines')).toContainText('minReadySeconds:');
  await page.keyboard.press('Escape');

  // The schema's description on hover.
  await yaml.editor
    .locator('.view-line', { hasText: 'revisionHistoryLimit' })
    .getByText('revisionHistoryLimit')
    .hover();
  await expect(yaml.hover.filter({ hasText: 'old history to retain' }).first()).toBeVisible({
    timeout: 10_000,
  });
  await page.mouse.move(0, 0);

  // A missing required field: a Deployment's spec needs its selector (marked on spec).
  await yaml.cursorAfter('  selector:');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('z:');
  await expect(errors).toHaveCount(4, { timeout: 15_000 });
  await expect(warnings).toHaveCount(0);
  const all = [];
  for (let n = 0; n < 4; n++) all.push(await yaml.problemMessage(n));
  expect(all.join('\n')).toMatch(/Missing property "selector"/);
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);

  // Changing the kind changes the schema: a Service has no replicas.
  await yaml.setValue('kind:', 'Deployment', 'Service');
  await yaml.setValue('apiVersion:', 'apps/v1', 'v1');
  await expect(yaml.schemaNote).toHaveText("Checked against the cluster's OpenAPI schema of Service (v1).", {
    timeout: 20_000,
  });

  // Delete on a protected cluster: the cluster's name must be typed.
  await rpc(server.url, 'clusters.update', { id: clusterId, labels: { 'flotilla.io/protected': 'true' } });
  await yaml.button('Reload').click();
  await yaml.loaded('Deployment');
  await yaml.button('Delete…').click();
  const dialog = page.getByRole('dialog', { name: 'Delete Deployment shop/cart?' });
  await expect(dialog).toContainText('tkg-01 is protected');
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Cluster name').fill('tkg-0');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Cluster name').fill('tkg-01');
  await confirm.click();
  await expect(page.getByRole('status').filter({ hasText: 'Deployment cart was deleted.' })).toBeVisible();
  const kubeconfig = path.join(server.dataDir, 'demo-fleet', 'kubeconfig');
  const gone = await run(process.env.KUBECTL ?? 'kubectl', [
    '--kubeconfig',
    kubeconfig,
    '--context',
    'tkg-01',
    '-n',
    'shop',
    'get',
    'deployment',
    'cart',
    '--ignore-not-found',
    '-o',
    'name',
  ]);
  expect(gone.stdout.trim()).toBe('');
});

test('an object of a snapshot is read-only and checked against the bundled schema', async ({ app, page }) => {
  await app.open('#/clusters');
  await app.emptyState.getByRole('button', { name: 'Open the sample snapshot' }).click();
  await expect(new SnapshotsPage(page).banner).toBeVisible();
  const yaml = new YamlEditorPage(page);
  await app.open(
    yamlRoute({
      cluster: 'tkg-01',
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
    }),
  );
  await yaml.loaded('Deployment');
  await expect(page.getByRole('note').filter({ hasText: 'Read-only' })).toHaveText(
    'Read-only: this object comes from a snapshot. Switch to the live fleet to edit, apply or delete it.',
  );
  await expect(yaml.schemaNote).toHaveText(
    "Checked against Flotilla's bundled schema of Deployment (apps/v1).",
    {
      timeout: 20_000,
    },
  );
  for (const name of ['Review', 'Apply', 'Delete…', 'Reload']) await expect(yaml.button(name)).toHaveCount(0);
  await expect(yaml.editor.locator('.view-lines')).not.toContainText('managedFields');
  // The captured object is valid against the bundled schema; typing changes nothing.
  await expect(yaml.problems).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('yaml-snapshot.png') });
  await yaml.editor.click({ position: { x: 300, y: 8 } });
  await page.keyboard.type('zzz');
  await expect(yaml.editor.locator('.view-lines')).not.toContainText('zzz');
});
