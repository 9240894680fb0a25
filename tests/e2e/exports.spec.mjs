// Saving results: the calculator's result and the data view's tables as CSV
// and JSON, the charts as PNG and SVG, and the printed one-page report. The
// files are read back and checked against what the page shows.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue } from './helpers.mjs';
import { openDataView, runSample, runSampleIn, periodCell } from './data-helpers.mjs';

guardPage(test);

/** Presses a download button and returns the file's name and bytes. */
async function download(page, button) {
  const started = page.waitForEvent('download');
  await button.click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** A CSV file's lines, after the byte-order mark that tells Excel it is UTF-8. */
function csvLines(bytes) {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n').filter(Boolean);
}

/** Width and height from a PNG's header. */
function pngSize(bytes) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Keeps a file where a person can open it and look (test-results/exports/). */
function keep(name, bytes) {
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync(`test-results/exports/${name}`, bytes);
}

test('the result downloads as CSV and JSON with the inputs as read and the worked steps', async ({ page }) => {
  await openPage(page); // the first visit shows the coffee example: 90 %
  await expect(resultValue(page)).toHaveText('90%');

  const csv = await download(page, page.getByRole('button', { name: 'Download this result as CSV' }));
  expect(csv.name).toBe('retention_rate.csv');
  const lines = csvLines(csv.bytes);
  expect(lines.slice(0, 8)).toEqual([
    'Item,Value',
    'Metric,Customer retention rate',
    'Customers at the start (S),200',
    'Customers at the end (E),210',
    'New customers in the period (N),30',
    'The period S and E span,A month',
    'Result (%),90',
    'Result as shown,90%',
  ]);
  // The comparison as the page words it, with what the figure is and where it comes from.
  expect(lines).toContain('How it compares,90% a month is about 28% over a year if every month were like this one.');
  expect(lines.some((line) => line.startsWith('Source,'))).toBe(true);
  expect(lines).toContain('Formula,((E − N) / S) × 100');
  expect(lines).toContain('Worked out with your numbers,((210 − 30) / 200) × 100 = 90%');
  expect(lines.some((line) => line.startsWith('Link,http://') && line.includes('metric=retention_rate'))).toBe(true);
  await expect(page.locator('.result__tools [role="status"]')).toHaveText('Saved as retention_rate.csv.');

  const json = await download(page, page.getByRole('button', { name: 'Download this result as JSON' }));
  expect(json.name).toBe('retention_rate.json');
  const saved = JSON.parse(json.bytes.toString('utf8'));
  expect(saved).toMatchObject({ metric: 'retention_rate', name: 'Customer retention rate', lang: 'en', value: 90, unit: 'percent', inputs: { start: 200, end: 210, new: 30 } });
  expect(saved.steps[0]).toBe('((210 − 30) / 200) × 100 = 90%');
  expect(new URL(saved.link).searchParams.get('start')).toBe('200');
});

test('a Polish result is saved for a Polish spreadsheet: semicolons, decimal commas, the currency named', async ({ page }) => {
  await openPage(page, '?metric=average_order_value&lang=pl&currency=PLN&revenue=1%20234,5&orders=2');
  await expect(resultValue(page)).toHaveText('617,25 zł');
  const csv = await download(page, page.getByRole('button', { name: 'Pobierz ten wynik jako CSV' }));
  const lines = csvLines(csv.bytes);
  expect(lines[0]).toBe('Pozycja;Wartość');
  expect(lines).toContain('Łączny przychód (PLN);1234,50');
  expect(lines).toContain('Wynik (PLN);617,25');
  await expect(page.locator('.result__tools [role="status"]')).toHaveText('Zapisano jako average_order_value.csv.');
});

test('no result, no downloads: the tools appear with the result', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await expect(page.getByRole('button', { name: 'Download this result as CSV' })).toBeHidden();
  await field(page, 'start').fill('200');
  await field(page, 'lost').fill('10');
  await expect(resultValue(page)).toHaveText('5%');
  await expect(page.getByRole('button', { name: 'Download this result as CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
});

test('the data view saves its tables as CSV from the report\'s own numbers, and the whole analysis as JSON', async ({ page }) => {
  await openDataView(page);
  await runSample(page);

  const periods = csvLines((await download(page, page.getByRole('button', { name: 'Download the period table as CSV' }))).bytes);
  expect(periods[0]).toBe('Period,Start (S),End (E),New (N),Kept,Came back,Lost,Retention (%),Churn (%),Orders,Revenue (USD),AOV (USD),PF,Repeat (%),partial');
  const rows = await page.locator('#data-periods tbody tr').count();
  expect(periods).toHaveLength(rows + 1);
  // The same period on screen and in the file: the screen rounds, the file does not.
  const march = periods.find((line) => line.startsWith('2025-03,')).split(',');
  const shown = await periodCell(page, '2025-03', 'retention_rate').textContent();
  expect(`${Number(march[7]).toFixed(1)}%`).toBe(shown);
  expect(periods[periods.length - 1]).toMatch(/^2026-11,.*,partial$/);

  const cohorts = csvLines((await download(page, page.getByRole('button', { name: 'Download the cohort table as CSV' }))).bytes);
  expect(cohorts[0]).toMatch(/^First order in,Customers,Month 0 \(%\),Month 1 \(%\),/);
  expect(cohorts[1]).toMatch(/^2024-09,\d+,100,/);
  expect(cohorts[cohorts.length - 1]).toMatch(/^Average,,100,/);

  const totals = csvLines((await download(page, page.getByRole('button', { name: 'Download the totals as CSV' }))).bytes);
  expect(totals).toContain('Customers,600');
  expect(totals).toContain('Orders,11521');

  const segments = csvLines((await download(page, page.getByRole('button', { name: 'Download the segment table as CSV' }))).bytes);
  expect(segments[0]).toBe('Segment,Rule,Customers,Share of revenue (%)');
  expect(segments).toHaveLength(7); // new, VIP, loyal, at risk, lost, other

  const json = await download(page, page.getByRole('button', { name: 'Download the whole analysis as JSON' }));
  expect(json.name).toBe('retention-report.json');
  const report = JSON.parse(json.bytes.toString('utf8'));
  expect(report.totals.customers).toBe(600);
  expect(report.totals.orders).toBe(11521);
  expect(report.periods).toHaveLength(rows);
  expect(Object.keys(report.periods[0])).toEqual(expect.arrayContaining(['period', 'start', 'end', 'retention_rate', 'churn_rate']));
});

test('in Russian the tables are saved with semicolons and decimal commas', async ({ page }) => {
  await runSampleIn(page, 'ru');
  const periods = csvLines((await download(page, page.getByRole('button', { name: 'Скачать таблицу по периодам в формате CSV' }))).bytes);
  expect(periods[0].split(';')[0]).toBe('Период');
  const march = periods.find((line) => line.startsWith('2025-03;')).split(';');
  expect(march[7]).toMatch(/^\d+(,\d+)?$/);
  expect(march[10]).toMatch(/^\d+,\d\d$/); // revenue, two decimals
});

test('the retention chart saves as SVG (colours written in, title and legend) and as PNG at twice its size', async ({ page }) => {
  await openDataView(page);
  await runSample(page);

  const svgFile = await download(page, page.getByRole('button', { name: 'Download the retention chart as SVG' }));
  expect(svgFile.name).toBe('retention-chart.svg');
  const svg = svgFile.bytes.toString('utf8');
  keep('retention-chart.svg', svgFile.bytes);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain('Retention and churn rate by period');
  expect(svg).toContain('>Retention rate</text>'); // the legend
  expect(svg).not.toContain('var(');
  // The retention line keeps the colour it has on screen.
  const colour = await page.locator('#data-rates-chart .chart__line--retention').first().evaluate((line) => getComputedStyle(line).stroke);
  expect(svg).toContain(`stroke="${colour}"`);
  const width = Number(/width="(\d+)"/.exec(svg)[1]);
  const height = Number(/height="(\d+)"/.exec(svg)[1]);

  // The file draws by itself, with nothing from the page: as an image in a blank page.
  const blank = await page.context().newPage();
  await blank.setContent(`<img src="data:image/svg+xml;base64,${svgFile.bytes.toString('base64')}">`);
  expect(await blank.locator('img').evaluate(async (img) => { await img.decode(); return img.naturalWidth; })).toBe(width);
  await blank.close();

  const png = await download(page, page.getByRole('button', { name: 'Download the retention chart as PNG' }));
  expect(png.name).toBe('retention-chart.png');
  keep('retention-chart.png', png.bytes);
  expect(pngSize(png.bytes)).toEqual({ width: width * 2, height: height * 2 });
});

test('the survey chart saves as PNG and SVG, its answers as CSV', async ({ page }) => {
  await openDataView(page);
  await page.locator('#survey-paste').fill('score\n10\n9\n8\n7\n3\n10\n');
  await page.locator('#data-survey').getByRole('button', { name: 'Analyse answers' }).click();
  await expect(page.locator('#data-survey .data-value')).toHaveText('33');

  const svg = (await download(page, page.getByRole('button', { name: 'Download the answers chart as SVG' }))).bytes.toString('utf8');
  keep('nps-chart.svg', Buffer.from(svg));
  expect(svg).toContain('Net Promoter Score');
  expect((svg.match(/<rect /g) || []).length).toBeGreaterThanOrEqual(11 + 1 + 3); // background, 11 bars, 3 legend keys

  const png = await download(page, page.getByRole('button', { name: 'Download the answers chart as PNG' }));
  expect(png.name).toBe('nps-chart.png');
  keep('nps-chart.png', png.bytes);
  expect(pngSize(png.bytes).width).toBeGreaterThan(600);

  const csv = csvLines((await download(page, page.getByRole('button', { name: 'Download the survey results as CSV' }))).bytes);
  expect(csv[0]).toBe('Score,Answers,Share (%)');
  expect(csv).toContain('10,2,33.333333333');
});

test('keyboard only: from the first control to a result and its CSV', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  // Tab from the top of the page until the first field of the form has the focus.
  await page.locator('body').focus();
  for (let i = 0; i < 60 && !(await field(page, 'start').evaluate((input) => input === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(field(page, 'start')).toBeFocused();
  await page.keyboard.type('200');
  await page.keyboard.press('Tab');
  await expect(field(page, 'lost')).toBeFocused();
  await page.keyboard.type('10');
  await expect(resultValue(page)).toHaveText('5%');

  const csvButton = page.getByRole('button', { name: 'Download this result as CSV' });
  for (let i = 0; i < 40 && !(await csvButton.evaluate((button) => button === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(csvButton).toBeFocused();
  const started = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await started;
  expect(file.suggestedFilename()).toBe('churn_rate.csv');
  expect(csvLines(readFileSync(await file.path()))).toContain('Result (%),5');
  await expect(csvButton).toBeFocused(); // the focus stays where it was
});

test('printing gives one clean page: the result and its working, no menus or buttons, ink on white even in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page, '?metric=customer_lifetime_value&aov=7&frequency=52&lifespan_years=3&margin_percent=60');
  await expect(resultValue(page)).toBeVisible();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const hidden of ['#picker', '.site-header__tools', '.views', '.result__tools', '.result__share', '.examples', '.site-footer']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  for (const shown of ['#metric-name', '.result__value', '.result__reading', '.result__steps', '#input-aov']) {
    await expect(page.locator(shown).first(), shown).toBeVisible();
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');

  const pdf = await page.pdf({ format: 'A4' });
  keep('calculator.pdf', pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBe(1);
});
