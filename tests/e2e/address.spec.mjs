// The address is the state: opening one fills the form; editing rewrites it.
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, status, resultValue, expectNoBrokenNumbers } from './helpers.mjs';

guardPage(test);

test('an address with inputs (spaces as thousands separators) opens with the result', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=1%20000&lost=50&lang=en');
  await expect(page.locator('#picker a[aria-current="page"]')).toHaveAttribute('data-metric', 'churn_rate');
  await expect(field(page, 'start')).toHaveValue('1 000');
  await expect(field(page, 'lost')).toHaveValue('50');
  await expect(resultValue(page)).toHaveText('5%');
  await expect(status(page)).toContainText('5%');

  // Editing rewrites the address in place, values as typed.
  const historyLength = await page.evaluate(() => history.length);
  await field(page, 'lost').fill('100');
  await expect(resultValue(page)).toHaveText('10%');
  await expect(page).toHaveURL(/\?metric=churn_rate&start=1%20000&lost=100&lang=en$/);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  // Reloading that address gives the same page back.
  await page.reload();
  await expect(page.locator('html.is-ready')).toHaveCount(1);
  await expect(field(page, 'start')).toHaveValue('1 000');
  await expect(resultValue(page)).toHaveText('10%');
});

test('a shared link\'s lang= says how its numbers were written, whatever the reader\'s device', async ({ page }) => {
  // "1.234" is 1234 to a Polish writer and 1.234 to an English one; this device is English.
  await openPage(page, '?metric=average_order_value&revenue=1.234&orders=2&lang=pl&currency=PLN');
  await expect(resultValue(page)).toHaveText(/^617\szł$/); // 1234 / 2
  await openPage(page, '?metric=average_order_value&revenue=1.234&orders=2&lang=en&currency=PLN');
  await expect(resultValue(page)).toHaveText('0.62 zł'); // 1.234 / 2
});

test('the documented example address works, sector and currency included', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&lang=en&currency=USD&sector=restaurants');
  await expect(resultValue(page)).toHaveText('90%');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const sector = page.locator('select#sector');
  await expect(sector).toHaveValue('restaurants');
  await expect(page.locator('.result__benchmark')).toBeVisible();
  const withSector = await page.locator('.result__benchmark').innerText();

  // Choosing another sector updates the benchmark and the address.
  const other = await sector.locator('option').evaluateAll((options) =>
    options.map((o) => o.value).find((v) => v && v !== 'restaurants'));
  await sector.selectOption(other);
  await expect(page).toHaveURL(new RegExp(`[?&]sector=${other}(&|$)`));
  await expect(page.locator('.result__benchmark')).not.toHaveText(withSector);
});

test('currency from the address, and a changed currency goes back into it', async ({ page }) => {
  await openPage(page, '?metric=customer_lifetime_value&aov=7&frequency=100&lifespan_years=3&currency=EUR');
  await expect(page.locator('select#currency')).toHaveValue('EUR');
  await expect(resultValue(page)).toContainText('€');
  await expect(resultValue(page)).not.toContainText('$');
  await page.locator('select#currency').selectOption('GBP');
  await expect(resultValue(page)).toContainText('£');
  await expect(page).toHaveURL(/[?&]currency=GBP(&|$)/);
  await expect(page).toHaveURL(/[?&]aov=7&frequency=100&lifespan_years=3(&|$)/);
});

test('values typed as people write them are read, and kept as typed', async ({ page }) => {
  await openPage(page, '?metric=customer_lifetime_value');
  await field(page, 'aov').fill('$7');
  await field(page, 'frequency').fill('100');
  await field(page, 'lifespan_years').fill('3');
  await expect(resultValue(page)).toHaveText('$2,100');
  await expect(page).toHaveURL(/[?&]aov=%247&/);
  await field(page, 'margin_percent').fill('50 %');
  await expect(resultValue(page)).toHaveText('$1,050');
  await expect(page).toHaveURL(/[?&]margin_percent=50%20%25(&|$)/);
  await expect(field(page, 'margin_percent')).toHaveValue('50 %');
});

test('no currency select for a metric without money; a bad metric id falls back to the first', async ({ page }) => {
  await openPage(page, '?metric=churn_rate');
  await expect(page.locator('select#currency')).toHaveCount(0);
  await openPage(page, '?metric=no_such_metric&start=5');
  await expect(page.locator('#picker a[aria-current="page"]')).toHaveCount(1);
  await expect(page.locator('#metric-name')).not.toHaveText('');
  await expectNoBrokenNumbers(page);
});

test('a language the engine does not know falls back to one it does', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=200&lost=20&lang=xx');
  await expect(resultValue(page)).toHaveText('10%');
  const lang = await page.locator('html').getAttribute('lang');
  expect(lang).not.toBe('xx');
  await field(page, 'lost').fill('30');
  await expect(page).toHaveURL(new RegExp(`[?&]lang=${lang}(&|$)`));
});

test('Clear empties the form and the address, with no "required" errors', async ({ page }) => {
  await openPage(page, '?metric=churn_rate&start=200&lost=20&lang=en');
  await expect(resultValue(page)).toHaveText('10%');
  await page.locator('.form__clear').click();
  await expect(field(page, 'start')).toHaveValue('');
  await expect(field(page, 'lost')).toHaveValue('');
  await expect(field(page, 'start')).toBeFocused();
  await expect(resultValue(page)).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page).toHaveURL(/\?metric=churn_rate&lang=en$/);
});

test.describe('a reader whose device is set to Polish', () => {
  test.use({ locale: 'pl-PL' });

  test('gets the page in Polish and in złoty, types amounts the Polish way and they are read that way', async ({ page }) => {
    await openPage(page, '?metric=average_order_value');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.locator('#currency')).toHaveValue('PLN');
    await field(page, 'revenue').fill('2.500 zł');
    await field(page, 'orders').fill('10');
    await expect(resultValue(page)).toHaveText(/^250\szł$/);
    await field(page, 'revenue').fill('2 500,50');
    await expect(resultValue(page)).toHaveText(/^250,05\szł$/);
  });

  test('a currency picked stays picked; an amount typed in euros switches to euros', async ({ page }) => {
    await openPage(page, '?metric=average_order_value');
    await page.locator('#currency').selectOption('GBP');
    await field(page, 'revenue').fill('100');
    await field(page, 'orders').fill('4');
    await expect(resultValue(page)).toHaveText(/^25,00\s£$|^25\s£$/);
    await openPage(page); // a bare address reopens what was last shown
    await expect(page.locator('#currency')).toHaveValue('GBP');
    await field(page, 'revenue').fill('100 €');
    await expect(page.locator('#currency')).toHaveValue('EUR');
    await expect(resultValue(page)).toHaveText(/€$/);
    await expect(page).toHaveURL(/currency=EUR/);
  });
});

for (const [locale, code] of [['ru-RU', 'RUB'], ['uk-UA', 'UAH'], ['en-GB', 'GBP'], ['de-DE', 'EUR'], ['en-US', 'USD']]) {
  test.describe(`a first visit from a device set to ${locale}`, () => {
    test.use({ locale });
    test(`shows money in ${code}`, async ({ page }) => {
      await openPage(page, '?metric=customer_lifetime_value');
      await expect(page.locator('#currency')).toHaveValue(code);
    });
  });
}

test('an English reader gets "2.500" as two and a half', async ({ page }) => {
  await openPage(page, '?metric=average_order_value');
  await field(page, 'revenue').fill('2.500');
  await field(page, 'orders').fill('1');
  await expect(resultValue(page)).toHaveText('$2.50');
});

test('what was typed survives a switch to another metric and back; shared inputs carry over', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&start=200&end=210&new=30&sector=restaurants');
  await page.locator('a[data-metric="churn_rate"]').click();
  await expect(field(page, 'start')).toHaveValue('200');
  await expect(field(page, 'lost')).toHaveValue('');
  await field(page, 'lost').fill('20');
  await expect(resultValue(page)).toHaveText('10%');
  await page.locator('a[data-metric="retention_rate"]').click();
  await expect(field(page, 'end')).toHaveValue('210');
  await expect(resultValue(page)).toHaveText('90%');
  // The sector travels in the metric links too.
  await expect(page.locator('a[data-metric="retention_rate"]')).toHaveAttribute('href', /sector=restaurants/);
});

test('the address is corrected to what is shown', async ({ page }) => {
  await openPage(page, '?metric=no_such_metric&currency=pln');
  await expect(page).toHaveURL(/[?&]metric=retention_rate(&|$)/);
  await openPage(page, '?metric=average_order_value&revenue=100&orders=4&currency=pln');
  await expect(page.locator('#currency')).toHaveValue('PLN');
});
