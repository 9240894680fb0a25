// The page in English, Polish and Russian: the worked example, money, typed
// numbers, the language menu, and the data view's plurals, dates and file
// picker. Every expected string is written out by hand from the locale's
// rules, so a wrong language or number format fails (pl and ru put a
// no-break space, U+00A0, between digit groups; ru also before % and ₽).
import { test, expect } from '@playwright/test';
import { guardPage, openPage, field, resultValue } from './helpers.mjs';
import { openDataView, runSampleIn, fixture } from './data-helpers.mjs';

guardPage(test);

const NBSP = '\u00a0';

/** What the coffee-shop example of retention_rate (start 200, end 210, new 30) says in each language. */
const RETENTION_COFFEE = {
  en: {
    name: 'Customer retention rate',
    value: '90%',
    reading: 'You kept 90% of the customers you started with: 180 of 200.',
    steps: ['((210 − 30) / 200) × 100 = 90%'],
  },
  pl: {
    name: 'Wskaźnik retencji klientów',
    value: '90%',
    reading: 'Zostało z tobą 90% klientów z początku okresu: 180 z 200.',
    steps: ['((210 − 30) / 200) × 100 = 90%'],
  },
  ru: {
    name: 'Коэффициент удержания клиентов',
    value: `90${NBSP}%`,
    reading: `Вы удержали 90${NBSP}% клиентов, которые были у вас на начало периода: 180 из 200.`,
    steps: [`((210 − 30) / 200) × 100 = 90${NBSP}%`],
  },
};

/** The coffee-shop CLV ($7 × 100 visits × 3 years) in each language's own currency and format. */
const CLV_COFFEE = {
  en: { currency: 'USD', value: '$2,100', steps: ['$7 × 100 × 3 = $2,100'] },
  // Polish groups digits only from five digits on: 2100, not 2 100.
  pl: { currency: 'PLN', value: `2100${NBSP}zł`, steps: [`7${NBSP}zł × 100 × 3 = 2100${NBSP}zł`] },
  ru: { currency: 'RUB', value: `2${NBSP}100${NBSP}₽`, steps: [`7${NBSP}₽ × 100 × 3 = 2${NBSP}100${NBSP}₽`] },
};

/** The sample café log's status line (11,521 orders, 600 customers), the plural forms included. */
const SAMPLE_REPORT = {
  // 11 521 ends in 21: Polish "many" form (zamówień), Russian "one" form (заказ).
  pl: {
    status: `Analiza gotowa: 11${NBSP}521 zamówień od 600 klientów.`,
    partial: 'Ostatnia data w danych to 20 lis 2026, przed końcem okresu lis 2026: wyniki za ten okres są niepełne.',
    picker: 'Wybierz plik…',
    noFile: 'Nie wybrano pliku',
  },
  ru: {
    status: `Анализ готов: 11${NBSP}521 заказ от 600 клиентов.`,
    partial: 'Данные заканчиваются 20 нояб. 2026 г., раньше конца периода нояб. 2026 г.: цифры за этот период неполные.',
    picker: 'Выберите файл…',
    noFile: 'Файл не выбран',
  },
};

/** Opens `metric` in `lang` (plus `query`) and loads its coffee-shop example. */
async function openCoffeeExample(page, metric, lang, query = '') {
  await openPage(page, `?metric=${metric}&lang=${lang}${query}`);
  await page.locator('button[data-example="coffee"]').click();
}

const steps = (page) => page.locator('.steps li');

for (const [lang, expected] of Object.entries(RETENTION_COFFEE)) {
  test(`retention rate example reads in ${lang}`, async ({ page }) => {
    await openCoffeeExample(page, 'retention_rate', lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('#metric-name')).toHaveText(expected.name);
    await expect(resultValue(page)).toHaveText(expected.value);
    await expect(page.locator('.result__reading')).toHaveText(expected.reading);
    await expect(steps(page)).toHaveText(expected.steps);
  });
}

for (const [lang, expected] of Object.entries(CLV_COFFEE)) {
  test(`lifetime value shows ${expected.currency} in the ${lang} format`, async ({ page }) => {
    await openCoffeeExample(page, 'customer_lifetime_value', lang, `&currency=${expected.currency}`);
    await expect(resultValue(page)).toHaveText(expected.value);
    await expect(steps(page)).toHaveText(expected.steps);
  });
}

test('a Polish page reads "1 234,5" as 1234.5', async ({ page }) => {
  await openPage(page, '?metric=customer_lifetime_value&lang=pl&currency=PLN');
  await field(page, 'aov').fill('1 234,5');
  await field(page, 'frequency').fill('2');
  await field(page, 'lifespan_years').fill('1');
  // 1234.5 zł × 2 × 1 = 2469 zł; read as 1.2345 or 12345 the product would differ.
  await expect(steps(page)).toHaveText([`1234,50${NBSP}zł × 2 × 1 = 2469${NBSP}zł`]);
});

test('the language menu changes the texts and keeps the values', async ({ page }) => {
  await openCoffeeExample(page, 'retention_rate', 'pl');
  await expect(page.locator('#metric-name')).toHaveText(RETENTION_COFFEE.pl.name);
  await page.locator('#language').selectOption('ru');
  await expect(page.locator('#metric-name')).toHaveText(RETENTION_COFFEE.ru.name);
  await expect(page.locator('.result__reading')).toHaveText(RETENTION_COFFEE.ru.reading);
  await expect(field(page, 'start')).toHaveValue('200');
  await expect(field(page, 'end')).toHaveValue('210');
  await expect(field(page, 'new')).toHaveValue('30');
});

for (const [lang, expected] of Object.entries(SAMPLE_REPORT)) {
  test(`data view in ${lang}: plural forms, a local date, our file picker words`, async ({ page }) => {
    await runSampleIn(page, lang);
    await expect(page.locator('#data-status')).toHaveText(expected.status);
    await expect(page.locator('.data-warnings li[data-code="partial_period"]')).toHaveText(expected.partial);
    const picker = page.locator('#data-drop .file-picker');
    await expect(picker.locator('.file-picker__button')).toHaveText(expected.picker);
    await expect(picker.locator('.file-picker__name')).toHaveText(expected.noFile);
  });
}

for (const key of ['Enter', 'Space']) {
  test(`the translated file picker opens with ${key}, shows a focus ring and the chosen name`, async ({ page }) => {
    // Listening from the start: Playwright turns on its interception of file
    // dialogs asynchronously, and a key pressed before that opens an
    // unseen native dialog instead.
    const chooser = page.waitForEvent('filechooser');
    await openDataView(page, '&lang=pl');
    await page.locator('#data-heading').focus();
    await page.keyboard.press('Tab');
    await expect(page.locator('#data-file')).toBeFocused();
    // The input is transparent: the ring has to show on the button-looking label.
    const ring = await page.locator('#data-drop .file-picker__button').evaluate((node) => getComputedStyle(node).outlineStyle);
    expect(ring).toBe('solid');

    await page.keyboard.press(key);
    await (await chooser).setFiles(fixture('orders-pl-cp1250.csv'));
    await expect(page.locator('#data-drop .file-picker__name')).toHaveText('orders-pl-cp1250.csv');
    await expect(page.locator('#data-status')).toContainText('Analiza gotowa');
  });
}
