// Orders in: a Polish Excel export chosen or dropped, cells pasted from a
// spreadsheet; what was understood, the totals, the periods, the chart and
// the heat map, with values worked out by hand from the fixture.
import { test, expect } from '@playwright/test';
import { guardPage, expectNoBrokenNumbers } from './helpers.mjs';
import {
  openDataView, chooseOrdersFile, dropFile, pasteOrders, expectReport,
  totalValue, understood, periodRow, periodCell, ordersAlert,
} from './data-helpers.mjs';

guardPage(test);

// tests/e2e/files/orders-pl-cp1250.csv, in Windows-1250, semicolons, "12,50 zł", DD.MM.YYYY:
//   Klient;Data;Kwota;Nr zamówienia
//   Zofia Wójcik  05.01.2024  12,50      Łukasz Bąk 10.01.2024  8,00    =cmd 15.01.2024 20,00
//   Zofia Wójcik  03.02.2024   7,50      Anna Nowak 12.02.2024 15,25
//   Łukasz Bąk    20.03.2024   9,75      Zofia Wójcik 28.03.2024 1 234,50
//   Razem;;1 307,50 zł;   ← a total row, left out
// Revenue 12.50 + 8 + 20 + 7.50 + 15.25 + 9.75 + 1234.50 = 1307.50 from 7 orders by 4 customers.
async function expectPolishFileReport(page) {
  await expectReport(page);
  await expect(ordersAlert(page)).toHaveText('');

  // What was understood.
  await expect(understood(page, 'source')).toHaveText('orders-pl-cp1250.csv');
  await expect(understood(page, 'delimiter')).toContainText('“;”');
  await expect(understood(page, 'decimal')).toContainText('“,”');
  await expect(understood(page, 'date_order')).toHaveText('day/month/year');
  await expect(understood(page, 'encoding')).toHaveText('windows-1250');
  await expect(understood(page, 'columns').locator('[data-role="customer"]')).toContainText('Klient');
  // "zamówienia" comes out right only if the bytes were read as Windows-1250.
  await expect(understood(page, 'columns').locator('[data-role="order"]')).toContainText('Nr zamówienia');
  await expect(understood(page, 'rows')).toHaveText('8 rows: 7 orders from 4 customers');
  await expect(understood(page, 'skipped').locator('li[data-code]')).toHaveText(['total rows: 1']);
  await expect(understood(page, 'skipped').locator('ul.skipped li')).toHaveText(['Row 9: A total row (“Razem”), left out.']);

  // Totals.
  await expect(totalValue(page, 'customers')).toHaveText('4');
  await expect(totalValue(page, 'orders')).toHaveText('7');
  await expect(totalValue(page, 'revenue')).toHaveText('PLN 1,307.50');
  await expect(totalValue(page, 'aov')).toHaveText('PLN 186.79'); // 1307.50 / 7
  await expect(totalValue(page, 'purchase_frequency')).toHaveText('1.75'); // 7 / 4
  await expect(totalValue(page, 'repeat_purchase_rate')).toHaveText('50%'); // Zofia and Łukasz of 4
  await expect(totalValue(page, 'active_customers')).toHaveText('4');
  // Under 12 months of orders: no CLV, the engine's note instead.
  await expect(page.locator('[data-total="clv"] .card__note')).toHaveText(/at least 12 months/);

  // Periods: January starts from nobody (no rate), February keeps all 3, March is partial.
  await expect(page.locator('#data-periods tbody tr')).toHaveCount(3);
  await expect(periodRow(page, '2024-01').locator('th')).toHaveText('Jan 2024');
  await expect(periodCell(page, '2024-01', 'start')).toHaveText('0');
  await expect(periodCell(page, '2024-01', 'new')).toHaveText('3');
  await expect(periodCell(page, '2024-01', 'retention_rate')).toHaveText('—');
  await expect(periodCell(page, '2024-01', 'revenue')).toHaveText('PLN 41');
  await expect(periodRow(page, '2024-01').getByRole('link')).toHaveCount(0); // no rate, nothing to open
  await expect(periodRow(page, '2024-02').getByRole('link')).toHaveAttribute('href', /start=3&end=4&new=1/);
  await expect(periodCell(page, '2024-02', 'start')).toHaveText('3');
  await expect(periodCell(page, '2024-02', 'end')).toHaveText('4');
  await expect(periodCell(page, '2024-02', 'new')).toHaveText('1');
  await expect(periodCell(page, '2024-02', 'retention_rate')).toHaveText('100%');
  await expect(periodCell(page, '2024-02', 'churn_rate')).toHaveText('0%');
  await expect(periodCell(page, '2024-03', 'revenue')).toHaveText('PLN 1,244');
  await expect(periodRow(page, '2024-03').locator('.badge')).toHaveText('partial');
  await expect(periodRow(page, '2024-02').locator('.badge')).toHaveCount(0);

  // The chart: a point per period with a rate (two of three), for each line, and a gap for January.
  const chart = page.locator('#data-rates-chart svg.chart__svg');
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart.locator('title').first()).toHaveText('Retention and churn rate by period');
  await expect(chart.locator('[data-series="retention"] [data-point]')).toHaveCount(2);
  await expect(chart.locator('[data-series="churn"] [data-point]')).toHaveCount(2);
  await expect(page.locator('#data-rates-chart .chart-legend li')).toHaveText(['Retention rate', 'Churn rate']);

  // The heat map: January's cohort of 3 came back 1 of 3 in February, 2 of 3 in
  // March (partial); February's cohort of 1 has a blank cell for April.
  const january = page.locator('#data-cohorts tr[data-cohort="2024-01"]');
  await expect(january.locator('.cohort-size')).toHaveText('3');
  await expect(january.locator('td.heat')).toHaveCount(3);
  await expect(january.locator('td.heat').nth(1)).toHaveAttribute('data-value', '33.3');
  await expect(january.locator('td.heat').nth(2)).toHaveAttribute('data-value', '66.7');
  await expect(january.locator('td.heat').nth(2)).toHaveAttribute('data-partial', 'true');
  await expect(january.locator('td.heat').nth(2)).toContainText('66.7*');
  const february = page.locator('#data-cohorts tr[data-cohort="2024-02"]');
  await expect(february.locator('td.heat').nth(1)).toContainText('0.0*'); // a real zero, shown
  await expect(february.locator('td.heat').nth(2)).toHaveClass(/heat--empty/); // not yet: blank, not 0 %
  await expect(february.locator('td.heat').nth(2)).toHaveText('');
  const average = page.locator('#data-cohorts tr[data-cohort="average"] td.heat');
  await expect(average).toHaveText(['100.0', '25.0', '66.7']);
  await expectNoBrokenNumbers(page);
}

test('a Polish Excel export chosen in the file input is read and analysed', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
  await expectPolishFileReport(page);
});

test('the same file dragged and dropped onto the drop zone', async ({ page }) => {
  await openDataView(page);
  await dropFile(page, '#data-drop', 'orders-pl-cp1250.csv');
  await expectPolishFileReport(page);
});

test('cells pasted from a spreadsheet (tab-separated) are analysed', async ({ page }) => {
  await openDataView(page);
  await pasteOrders(page, 'Customer\tDate\tAmount\nAnn\t2024-01-05\t10.50\nBob\t2024-01-20\t4.25\nAnn\t2024-02-03\t7.00\n');
  await expectReport(page);
  await expect(understood(page, 'source')).toHaveText('Pasted cells');
  await expect(understood(page, 'delimiter')).toHaveText('tab');
  await expect(understood(page, 'decimal')).toContainText('“.”');
  await expect(totalValue(page, 'customers')).toHaveText('2');
  await expect(totalValue(page, 'orders')).toHaveText('3');
  await expect(totalValue(page, 'revenue')).toHaveText('$21.75');
  await expect(periodRow(page, '2024-02').locator('th')).toContainText('Feb 2024');
  // What was pasted stays in the box.
  await expect(page.locator('#data-paste')).toHaveValue(/Ann\t2024-02-03\t7\.00/);
});

test.describe('a reader whose device is set to Polish, with złoty', () => {
  test.use({ locale: 'pl-PL' });

  test('amounts, percents and months are written the Polish way', async ({ page }) => {
    await openDataView(page, '&currency=PLN');
    await expect(page.locator('#data-currency')).toHaveValue('PLN');
    await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
    await expectReport(page, 'Analiza gotowa');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(totalValue(page, 'revenue')).toHaveText(/^1307,50\szł$/);
    await expect(totalValue(page, 'purchase_frequency')).toHaveText('1,75');
    await expect(periodRow(page, '2024-02').locator('th')).toContainText('lut 2024');
    await expect(page).toHaveURL(/[?&]currency=PLN(&|$)/);
  });
});

test('the currency can be changed after the analysis without reading the file again', async ({ page }) => {
  await openDataView(page);
  await chooseOrdersFile(page, 'orders-pl-cp1250.csv');
  await expectReport(page);
  await page.locator('#data-currency').selectOption('EUR');
  await expect(totalValue(page, 'revenue')).toHaveText('€1,307.50');
  await expect(page).toHaveURL(/[?&]view=data(&|$)/);
  await expect(page).toHaveURL(/[?&]currency=EUR(&|$)/);
});
