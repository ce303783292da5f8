import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { InspectionsPage } from './pages/inspections';

const shots = process.env.INSPECTIONS_SHOTS;

test('inspections over the demo fleet: run, see the grade and findings, open a finding at its field, run again and compare, see the trend and the overview panel', async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const insp = new InspectionsPage(page);
  const shoot = async (name: string, at: Locator) => {
    if (!shots) return;
    await at.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${shots}/${name}-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${shots}/${name}-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  };

  await app.open('#/clusters');
  await page.getByRole('button', { name: 'Start demo fleet' }).first().click();
  await expect(app.statusItem('health')).toHaveText(/^(\d+)\/\1 clusters ready$/, { timeout: 90_000 });

  await app.goTo('Inspections');
  await expect(insp.tab('Runs')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('no-runs')).toBeVisible();
  await expect(insp.scopeSelect()).toHaveValue('fleet');
  const first = await insp.runAndWait();
  expect(first).toMatch(/^Finished: score \d+ \([A-F]\)\./);
  await expect(insp.runRows()).toHaveCount(1);
  await expect(insp.runRows().first()).toHaveAttribute('data-status', 'done');
  await expect(insp.runRows().first()).toContainText('Fleet');

  // the result: grade, score, counts and findings
  await insp.runEnded.getByRole('link', { name: 'Open the result' }).click();
  await expect(insp.grade).toHaveText(/^[A-F]$/);
  await expect(insp.score).toHaveText(/^\d+ \/ 100$/);
  await expect(insp.findingsCount).toHaveText(/^[1-9][\d,]* findings?$/);
  const total = Number((await insp.findingsCount.textContent())!.replace(/\D/g, ''));
  await expect(insp.findingRows.first()).toBeVisible();
  // the demo has a privileged container and containers without limits: dangers exist
  await insp.severityFilter('danger').check();
  await expect(insp.findingsCount).toHaveText(
    new RegExp(`^[1-9][\\d,]* of ${total.toLocaleString('en-US')} findings$`),
  );
  await expect(insp.findingRows.first()).toHaveAttribute('data-check', /.+/);
  const dangerRows = insp.findingRows.locator('.in-sev');
  for (const text of await dangerRows.allTextContents()) expect(text).toBe('danger');
  // the filter lives in the route
  expect(page.url()).toContain('severity%3Ddanger');
  await shoot('inspection-result', page.getByTestId('run-page'));

  // open a finding on a Deployment: the YAML editor opens at the offending field
  const dangerCount = await insp.findingsCount.textContent();
  await page.getByLabel('Kind').fill('Deployment');
  await expect(insp.findingsCount).not.toHaveText(dangerCount!);
  await expect(insp.findingsCount).toHaveText(/^[1-9][\d,]* of /);
  for (const o of await insp.findingRows.evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-object')),
  ))
    expect(o).toMatch(/^Deployment /);
  const row = insp.findingRows.first();
  const object = (await row.getAttribute('data-object'))!;
  expect(object).toMatch(/^Deployment \S+\/\S+$/);
  await shoot('inspection-findings', page.getByRole('heading', { name: 'Findings' }));
  await row.getByTestId('finding-open').click();
  await expect(app.heading).toHaveText(object.replace(/ (\S+)\/(\S+)$/, ' $2'));
  await expect(page.getByTestId('yaml-highlight')).toHaveText(
    /^(Highlighted: \S+ \(line|\S+ is not set; highlighted where it belongs)/,
  );
  await expect(page.locator('.yaml-field-highlight').first()).toBeVisible({ timeout: 20_000 });
  await shoot('inspection-yaml', app.heading);

  // run the same scope again from the result page, then compare the two runs
  await page.goBack();
  await expect(insp.grade).toBeVisible();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('run-page')).not.toHaveAttribute('data-run', /^$/);
  const firstId = await page.getByTestId('run-page').getAttribute('data-run');
  await expect(page.getByTestId('run-page')).not.toHaveAttribute('data-run', firstId!, { timeout: 90_000 });
  await expect(insp.grade).toHaveText(/^[A-F]$/);

  await insp.tab('History').click();
  await expect(insp.trendChart).toBeVisible();
  await expect(insp.trendSummary).toHaveText(
    /^2 runs: score \d+ → \d+ \((up \d+|down \d+|unchanged)\); now \d+ danger, \d+ warning\.$/,
  );
  // the chart drew its line and bars
  await expect(insp.trendChart.locator('.recharts-line-curve')).toHaveCount(1);
  await expect(insp.trendChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shoot('inspection-history', page.getByRole('navigation', { name: 'Inspections' }));
  await expect(insp.runRows()).toHaveCount(2);
  const boxes = insp.runsTable.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(insp.diffHeadline).toHaveText(
    /^(\d+ new, \d+ fixed, [\d,]+ unchanged|No change: the same [\d,]+ findings? in both runs\.)/,
  );
  await page.getByRole('button', { name: /^Unchanged \([\d,]+\)$/ }).click();
  await expect(insp.findingRows.first()).toBeVisible();
  await expect(insp.findingRows.first().locator('.in-change')).toHaveText('unchanged');
  await shoot('inspection-diff', page.getByRole('navigation', { name: 'Inspections' }));

  // the cluster overview's panel: no run of this cluster yet, then one
  await app.goTo('Clusters');
  await page.getByRole('link', { name: 'aks-prod-eastus', exact: true }).first().click();
  await expect(app.heading).toHaveText('aks-prod-eastus');
  await expect(insp.panel).toContainText('Run your first inspection');
  await insp.panel.getByRole('button', { name: 'Run inspection' }).click();
  await expect(insp.panel.getByTestId('panel-grade')).toHaveText(/^[A-F]$/, { timeout: 90_000 });
  await shoot('inspection-overview-panel', page.getByTestId('overview-facts'));
  const panelGrade = await insp.panel.getByTestId('panel-grade').textContent();
  await insp.panel.getByTestId('panel-grade').click();
  await expect(insp.grade).toHaveText(panelGrade!);
  await expect(page.getByTestId('run-page')).toContainText('aks-prod-eastus');
});
