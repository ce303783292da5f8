import fs from 'node:fs';
import { yamlRoute } from '../renderer/features/yaml/route';
import { startFleet, type SimFleet } from './fixtures/sim-fleet';
import { expect, test } from './fixtures/test';
import { ClustersPage } from './pages/clusters';
import { WorkloadsPage } from './pages/workloads';
import { YamlEditorPage } from './pages/yaml-editor';

/**
 * One cluster of two goes silent (kube-sim accepts its connections and never answers): its pod's
 * logs card and its deployment's YAML editor say that cluster did not answer, by name, and never
 * blame Flotilla; the other cluster's pod logs and YAML keep working. A cluster answering 500 is
 * named at the start of the editor's load error, and in the editor's header.
 */

let fleet: SimFleet;
const shots = process.env.SHOTS_DIR ?? 'test-results';

test.beforeAll(async () => {
  fleet = await startFleet(['--clusters', '2', '--nodes', '1', '--pods', '4']);
});

test.afterAll(() => fleet?.stop());

test('a silent cluster is named by the pod logs card and the YAML editor; the other cluster works', async ({
  app,
  page,
}) => {
  test.setTimeout(240_000);
  const [silent, healthy] = fleet.names as [string, string];
  const clusters = new ClustersPage(page);
  const workloads = new WorkloadsPage(page);
  const yaml = new YamlEditorPage(page);

  await app.open('#/clusters/attach');
  await clusters.dropFiles([{ name: 'kubeconfig', text: fs.readFileSync(fleet.kubeconfig, 'utf8') }]);
  await clusters.context(`${silent}-cert`).getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: 'Attach 2 clusters' }).click();
  await expect(app.statusItem('health')).toHaveText('2/2 clusters ready', { timeout: 30_000 });

  // a deployment with a running pod on each cluster, and each cluster's id in the app
  const ids = new Map<string, string>();
  const pods = new Map<string, string>();
  for (const name of [silent, healthy]) {
    await fleet.kubectl('--context', name, 'create', 'deployment', 'quiet-web', '--image=nginx');
    const running = () =>
      fleet.kubectl(
        '--context',
        name,
        'get',
        'pods',
        '-l',
        'app=quiet-web',
        '--field-selector=status.phase=Running',
        '-o',
        'jsonpath={.items[*].metadata.name}',
      );
    await expect.poll(running, { timeout: 60_000 }).not.toBe('');
    pods.set(name, (await running()).split(' ')[0]!);
    await app.open('#/clusters');
    const href = await clusters.row(name).getByRole('link', { name, exact: true }).getAttribute('href');
    ids.set(name, decodeURIComponent(href!.split('/').pop()!));
  }
  const podPage = (name: string) =>
    `#/workloads/pods/${encodeURIComponent(ids.get(name)!)}/default/${encodeURIComponent(pods.get(name)!)}`;
  const yamlPage = (name: string) =>
    yamlRoute({
      cluster: ids.get(name)!,
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'default',
      name: 'quiet-web',
    });
  // the pod must be in the app's cache before its cluster goes silent
  await app.open(podPage(silent));
  await expect(workloads.fact('pod-status')).toBeVisible({ timeout: 30_000 });

  await fleet.faults(silent, { unreachable: 'silent' });

  // The pod page: the logs card names the silent cluster and what did not answer.
  await app.open(podPage(silent));
  await expect(workloads.logState).toHaveText(
    new RegExp(`${silent} did not answer within 10 s \\(GET pod logs of default/${pods.get(silent)}\\)`),
    { timeout: 30_000 },
  );
  await expect(workloads.logState).not.toContainText('Flotilla');
  // nothing is being followed: the card offers to follow again, not to stop
  await expect(page.getByRole('button', { name: 'Follow again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop following' })).toHaveCount(0);
  await workloads.logState.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/silent-pod-logs.png` });

  // The YAML editor: the header and the load error name the silent cluster.
  await app.open(yamlPage(silent));
  await expect(page.getByText(`${silent} · default · apps/v1 · YAML`)).toBeVisible();
  await expect(yaml.steps).toContainText('The load failed.', { timeout: 30_000 });
  await expect(yaml.steps).toContainText(`${silent} did not answer within 10 s (GET /apis/apps/v1)`);
  await expect(yaml.steps).not.toContainText('Flotilla');
  await page.screenshot({ path: `${shots}/silent-yaml.png` });

  // The other cluster keeps working meanwhile: its pod's log lines and its deployment's YAML.
  await app.open(podPage(healthy));
  await expect(workloads.logLines.first()).toBeVisible({ timeout: 30_000 });
  await app.open(yamlPage(healthy));
  await expect(page.getByText(`${healthy} · default · apps/v1 · YAML`)).toBeVisible();
  await expect(yaml.toolbar).toContainText(`${healthy} · resourceVersion`, { timeout: 30_000 });
  await expect(yaml.editor.locator('.view-lines')).toContainText('name: quiet-web');
  await page.screenshot({ path: `${shots}/silent-other-yaml.png` });

  // A cluster answering 500 is named at the start of the editor's error.
  await fleet.faults(healthy, { errorRate: 1, errorCode: 500 });
  await page.getByRole('button', { name: 'Reload', exact: true }).click();
  await expect(yaml.steps).toContainText(`${healthy}: HTTP 500`, { timeout: 30_000 });
  await page.screenshot({ path: `${shots}/http500-yaml.png` });
});
