// Shared steps for the "Analyse your data" tests (data-*.spec.mjs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';

/** Path of a hand-made fixture in tests/e2e/files/. */
export function fixture(name) {
  return fileURLToPath(new URL(`./files/${name}`, import.meta.url));
}

/** Opens the data view (`?view=data` plus `query`) and waits for the engine. */
export async function openDataView(page, query = '') {
  await page.goto(`index.html?view=data${query}`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(page.locator('#data-heading')).toBeVisible();
}

/**
 * Holds every download of the engine (the worker's) until the returned
 * function is called, so that calls wait in the worker meanwhile.
 */
export async function holdEngineDownload(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/pkg/retention_metrics_bg.wasm', async (route) => {
    await held;
    await route.continue().catch(() => {}); // the worker may be gone by then
  });
  return release;
}

/** Chooses a file in the orders drop zone's file input, as a person does with the file dialog. */
export async function chooseOrdersFile(page, name) {
  await page.locator('#data-file').setInputFiles(fixture(name));
}

/** Drags a fixture file onto an element and drops it there (a real DataTransfer with a File). */
export async function dropFile(page, selector, name, type = 'text/csv') {
  const bytes = [...readFileSync(fixture(name))];
  const dataTransfer = await page.evaluateHandle(({ bytes, name, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
    return transfer;
  }, { bytes, name, type });
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await expect(page.locator(selector)).toHaveClass(/is-dragging/);
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
  await expect(page.locator(selector)).not.toHaveClass(/is-dragging/);
}

/** Pastes cells into the orders text box and presses "Analyse pasted data". */
export async function pasteOrders(page, text) {
  await page.locator('#data-paste').fill(text);
  await page.getByRole('button', { name: 'Analyse pasted data' }).click();
}

/** Waits for a finished analysis (the report's sections are there), announced in `ready` (the page's language). */
export async function expectReport(page, ready = 'Analysis ready') {
  await expect(page.locator('#data-status')).toContainText(ready);
  await expect(page.locator('#data-totals')).toBeVisible();
}

/** Loads the sample café log with its button and waits for the report. */
export async function runSample(page) {
  await page.getByRole('button', { name: 'Try it with sample data' }).click();
  await expectReport(page);
  await expect(page.locator('#data-status')).toHaveText('Analysis ready: 11,521 orders from 600 customers.');
}

/** A totals card's value. */
export const totalValue = (page, key) => page.locator(`[data-total="${key}"] .card__value`);

/** The "What was understood" entry for `key` (delimiter, decimal, encoding, rows, skipped…). */
export const understood = (page, key) => page.locator(`#data-understood [data-fact="${key}"] dd`);

/** One period's row in the period table ("2024-02", "2024-Q1"). */
export const periodRow = (page, period) => page.locator(`#data-periods tr[data-period="${period}"]`);

/** A cell of a period's row by column ("start", "retention_rate"…). */
export const periodCell = (page, period, column) => periodRow(page, period).locator(`td[data-col="${column}"]`);

/** The orders section's alert region (the engine's error messages). */
export const ordersAlert = (page) => page.locator('#data-alert');

/** Document width against the viewport: a page that scrolls sideways has scroll > client. */
export const pageWidth = (page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

/** Opens the data view in `lang`, presses the (translated) sample button and waits for the report. */
export async function runSampleIn(page, lang) {
  await openDataView(page, `&lang=${lang}`);
  await page.locator('#data-sample').click();
  await expect(page.locator('#data-totals')).toBeVisible();
}
