import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';
import { folderFiles, ManifestsPage } from './pages/manifests';
import { WorkloadsPage } from './pages/workloads';

/**
 * Manifests dropped on the window become a read-only virtual cluster: the import result page shows
 * the inventory and the problems with file:line:column, Browse shows the objects in the views, and
 * Export… gives clean YAML as a download.
 */
const corpus = path.resolve('../shared/corpus');
const SHOTS = process.env.FLOTILLA_SHOTS_DIR;

test('drop a manifest folder, browse it as a cluster, export its namespace', async ({ app, page }) => {
  const manifests = new ManifestsPage(page);
  await app.open('#/workloads');
  await manifests.dropFolder(path.join(corpus, 'online-boutique/kubernetes-manifests'));

  await expect(manifests.title).toHaveText('Imported kubernetes-manifests');
  await expect(manifests.summary).toHaveText('35 objects of 3 kinds in 1 namespace · no problems');
  expect(await manifests.count('Deployment', 'default')).toBe('12');
  expect(await manifests.count('Service', 'default')).toBe('12');
  expect(await manifests.count('ServiceAccount', 'default')).toBe('11');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-result.png') });

  // Browse: every view reads the virtual cluster, read-only.
  await manifests.result.getByRole('button', { name: 'Browse' }).click();
  await expect(manifests.result).toBeHidden();
  await expect(app.heading).toHaveText('Workloads');
  await expect(page.getByTestId('source-banner')).toHaveText(/^Imported manifests: kubernetes-manifests/);
  await expect(page.getByRole('link', { name: 'frontend', exact: true }).first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-browse.png') });

  // Export… from the Namespaces page of the import: one clean file.
  await app.goTo('Namespaces');
  await page.getByRole('button', { name: 'Export…' }).click();
  const download = await manifests.exportOne();
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const docs = parseAllDocuments(text).map(
    (d) => d.toJS() as { kind: string; metadata: Record<string, unknown>; status?: unknown },
  );
  expect(docs.filter((d) => d.kind === 'Deployment')).toHaveLength(12);
  expect(
    docs.every(
      (d) => d.metadata.namespace === 'default' && d.metadata.uid === undefined && d.status === undefined,
    ),
  ).toBe(true);
  await expect(manifests.exportDialog.getByRole('status')).toContainText(
    '35 objects exported and downloaded',
  );
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-export.png') });
  await manifests.exportDialog.getByRole('button', { name: 'Done' }).click();

  // Export YAML… from Workloads: a selection, just what the filtered list shows.
  const workloads = new WorkloadsPage(page);
  await app.goTo('Workloads');
  await workloads.tab('Deployments').click();
  await workloads.nameFilter.fill('cartservice');
  await workloads.expectCount(/^1 deployments?$/);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'workloads-export.png') });
  await page.getByRole('button', { name: 'Export YAML…' }).click();
  const selected = await manifests.exportOne();
  const picked = parseAllDocuments(fs.readFileSync((await selected.path())!, 'utf8')).map(
    (d) => d.toJS() as { kind: string; metadata: { name: string } },
  );
  expect(picked.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Deployment/cartservice']);
});

test('dropped files with errors: valid documents import, problems name file, line and column', async ({
  app,
  page,
}) => {
  const manifests = new ManifestsPage(page);
  await app.open('#/workloads');
  const broken = path.join(corpus, 'k8s-examples/_archived/openshift-origin');
  const files = folderFiles(broken).filter((f) => /\.(ya?ml|json)$/.test(f.name));
  await manifests.dropFiles(files.map((f) => ({ ...f, name: path.basename(f.name) })));
  await expect(manifests.title).toHaveText(/^Imported \d+ files$/);
  await expect(manifests.issues.first()).toBeVisible();
  const places = await manifests.issues.locator('.fl-import-place').allTextContents();
  expect(places).toContain(places.find((p) => /^etcd-controller\.yaml:\d+:\d+$/.test(p)));
  await expect(manifests.summary).toHaveText(/objects .* · \d+ errors?/);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-errors.png') });
  await manifests.result.getByRole('button', { name: 'Close' }).click();
  await expect(manifests.result).toBeHidden();
});

test('apply an import to a demo cluster: dry run first, then apply, per-object results', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const clusters = new ClustersPage(page);
  const manifests = new ManifestsPage(page);
  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await clusters.expectStatus('tkg-01', 'ready', 120_000);

  await manifests.dropFolder(path.join(corpus, 'online-boutique/kubernetes-manifests'));
  await expect(manifests.title).toHaveText('Imported kubernetes-manifests');
  await manifests.result.getByRole('button', { name: 'Apply to cluster…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Apply kubernetes-manifests/ });
  await dialog.getByLabel('Cluster').selectOption({ label: 'tkg-01 (ready)' });
  await expect(dialog.getByRole('button', { name: 'Apply', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Dry run' }).click();
  const dry = dialog.getByRole('table', { name: 'Dry run results' });
  await expect(dry.locator('tbody tr')).toHaveCount(35, { timeout: 60_000 });
  await expect(dialog.getByRole('status').first()).toContainText('every object passed');
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-dry-run.png') });

  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  const applied = dialog.getByRole('table', { name: 'Apply results' });
  await expect(applied.locator('tbody tr')).toHaveCount(35, { timeout: 60_000 });
  await expect(dialog.getByText('Applied to tkg-01.')).toBeVisible();
  const outcomes = await applied.locator('.fl-outcome').allTextContents();
  expect(outcomes.every((o) => ['created', 'configured', 'unchanged'].includes(o))).toBe(true);
  expect(outcomes.filter((o) => o === 'failed')).toEqual([]);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-applied.png') });
});
