// Files that cannot be analysed, a bad setting, progress on a large file,
// and Cancel: the engine's message in the alert, and the page still works.
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage } from './helpers.mjs';
import {
  fixture, openDataView, chooseOrdersFile, pasteOrders, expectReport, totalValue, understood, ordersAlert, holdEngineDownload,
} from './data-helpers.mjs';

guardPage(test);

const TSV = 'Customer\tDate\tAmount\nAnn\t2024-01-05\t10.50\nBob\t2024-01-20\t4.25\nAnn\t2024-02-03\t7.00\n';

/** The message the engine itself gives for these bytes (the page must show exactly that). */
function engineMessage(page, bytes) {
  return page.evaluate(async (data) => {
    const engine = await import('./pkg/retention_metrics.js'); // the page's own, already started
    try {
      engine.analyzeTransactions(new Uint8Array(data), { lang: 'en' });
      return null;
    } catch (err) {
      return err.message;
    }
  }, [...bytes]);
}

test('a file with no usable rows: the engine says why, and the next file works', async ({ page }) => {
  await openDataView(page);
  // customer,date,amount / Ann,yesterday,ten / Bob,soon,free
  await chooseOrdersFile(page, 'orders-unusable.csv');
  await expect(ordersAlert(page)).toHaveText(
    'No row could be used (2 read): each lacks a customer, a date or an amount. Check that the right columns are picked.');
  await expect(ordersAlert(page)).toHaveAttribute('role', 'alert');
  await expect(page.locator('#data-totals')).toHaveCount(0);
  // The message asks to check the columns: the mapping step is offered, with the rows to look at.
  await expect(page.locator('#data-mapping tbody tr').first().locator('td')).toHaveText(['Ann', 'yesterday', 'ten']);

  await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
  await expectReport(page);
  await expect(ordersAlert(page)).toHaveText('');
  await expect(page.locator('#data-mapping')).toHaveCount(0);
  await expect(totalValue(page, 'revenue')).toHaveText('PLN 1,307.50');
});

test('an image dropped by mistake: the alert shows the engine\'s message; pasting works after', async ({ page }) => {
  await openDataView(page);
  const expected = await engineMessage(page, readFileSync(fixture('not-orders.png')));
  expect(expected).toBeTruthy();
  await chooseOrdersFile(page, 'not-orders.png');
  await expect(ordersAlert(page)).toHaveText(expected);
  await expect(ordersAlert(page)).toContainText('not a text table');
  await expect(page.locator('#data-totals')).toHaveCount(0);
  await expect(page.locator('#data-mapping'), 'no mapping step over the bytes of an image').toHaveCount(0);

  await pasteOrders(page, TSV);
  await expectReport(page);
  await expect(ordersAlert(page)).toHaveText('');
  await expect(totalValue(page, 'revenue')).toHaveText('$21.75');
});

test('"Analyse pasted data" with nothing pasted says what to do', async ({ page }) => {
  await openDataView(page);
  await page.getByRole('button', { name: 'Analyse pasted data' }).click();
  await expect(ordersAlert(page)).toHaveText('Drop a CSV file or paste the rows as text.');
  await expect(page.locator('#data-paste')).toBeFocused();
});

test('an activity window out of range: the engine\'s message beside the field, fixed by typing', async ({ page }) => {
  await openDataView(page);
  await pasteOrders(page, TSV);
  await expectReport(page);
  const window = page.getByLabel('Activity window (days)');
  await expect(window).toHaveValue('90');
  await window.fill('0');
  await expect(window).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#data-window-error')).toHaveText('The activity window must be a whole number of days from 1 to 3650.');
  await expect(window).toHaveAttribute('aria-describedby', /data-window-error/);
  await window.fill('30');
  await expect(window).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#data-periods-caption')).toContainText('activity window 30 days');
  await expect(page).toHaveURL(/[?&]window=30(&|$)/);
});

test('Cancel stops a run that is taking long; the pasted data stays and runs again', async ({ page }) => {
  await openDataView(page);
  // Hold the engine's download so the worker is still busy when Cancel is pressed.
  const release = await holdEngineDownload(page);
  await pasteOrders(page, TSV);
  const progress = page.locator('#data-progress');
  await expect(progress).toBeVisible();
  await expect(page.locator('#data-results')).toHaveAttribute('aria-busy', 'true');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.locator('#data-status')).toContainText('Analysis cancelled');
  await expect(page.locator('#data-results')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('#data-paste')).toHaveValue(TSV);

  await page.unroute('**/pkg/retention_metrics_bg.wasm');
  release();
  await page.getByRole('button', { name: 'Analyse pasted data' }).click();
  await expectReport(page);
  await expect(totalValue(page, 'revenue')).toHaveText('$21.75');
});

test('a large file: the progress bar follows the engine, then the report appears', async ({ page }, testInfo) => {
  test.slow();
  // 300,000 orders by 5,000 customers over 2024: the engine reports every 65,536 rows.
  const lines = ['customer,date,amount'];
  for (let i = 0; i < 300_000; i += 1) {
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 25_000) % 12);
    lines.push(`C${i % 5000},2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},${(3 + (i % 7)).toFixed(2)}`);
  }
  const path = testInfo.outputPath('large-orders.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);

  await openDataView(page);
  await page.evaluate(() => {
    window.progressSeen = [];
    const bar = document.getElementById('data-progress');
    new MutationObserver(() => {
      if (bar.hasAttribute('value')) window.progressSeen.push(bar.value);
    }).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  await page.locator('#data-file').setInputFiles(path);
  await expectReport(page);
  await expect(understood(page, 'rows')).toHaveText('300,000 rows: 300,000 orders from 5,000 customers');
  const seen = await page.evaluate(() => window.progressSeen);
  const between = seen.filter((share) => share > 0 && share < 1);
  expect(between.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  await expect(page.locator('#data-progress')).toBeHidden();
});
