import { expect, test } from './fixtures/test';

// On a page without a drop target (Clusters and Cluster groups take kubeconfig drops themselves).
test('a file dropped on the window does not replace the app, and the user is told why nothing happened', async ({
  app,
  page,
}) => {
  await app.open('#/workloads');
  const prevented = await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['apiVersion: v1\nkind: Config\n'], 'config', { type: 'text/plain' }));
    const target = document.querySelector('main') ?? document.body;
    const init = { bubbles: true, cancelable: true, dataTransfer: transfer };
    const over = !target.dispatchEvent(new DragEvent('dragover', init));
    const drop = !target.dispatchEvent(new DragEvent('drop', init));
    return { over, drop };
  });
  // A cancelled dragover/drop is what stops the browser from navigating to the file.
  expect(prevented).toEqual({ over: true, drop: true });
  await expect(page.getByRole('alert')).toContainText('"config" was not opened');
  await expect(app.heading).toHaveText('Workloads');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toBeEmpty();
});
