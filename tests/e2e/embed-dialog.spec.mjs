// The page's "Embed this calculator" button: an accessible dialog with the
// script and iframe snippets for the metric, language and currency shown,
// each copied by its Copy button (or selected when copying is refused).
import { test, expect } from '@playwright/test';
import { guardPage, openPage, expectNoAxeViolations } from './helpers.mjs';
import { FRAME_HEIGHTS } from '../../www/embed/heights.js';

guardPage(test);
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const CLV_IN_POLISH = '?metric=customer_lifetime_value&lang=pl&currency=PLN';

async function openDialog(page) {
  // On a phone the page's actions are behind the header's Menu.
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Osadź ten kalkulator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Umieść ten kalkulator na swojej stronie' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/**
 * The snippets as a browser parses them: the script's src, the element's and
 * the frame's attributes. Parsed in a page of their own, without the
 * calculator's CSP (which would report the frame's style="" attribute).
 */
async function parsed(page) {
  const texts = await page.evaluate(() => ['embed-script', 'embed-frame'].map((id) => document.getElementById(id).value));
  const scratch = await page.context().newPage();
  const result = await scratch.evaluate(([scriptText, frameText]) => {
    const parse = (text) => new DOMParser().parseFromString(text, 'text/html');
    const script = parse(scriptText);
    const frame = parse(frameText).querySelector('iframe');
    const element = script.querySelector('retention-calculator');
    return {
      scriptSrc: script.querySelector('script[type="module"]').getAttribute('src'),
      element: Object.fromEntries([...element.attributes].map((a) => [a.name, a.value])),
      frameSrc: frame.getAttribute('src'),
      frame: Object.fromEntries([...frame.attributes].filter((a) => a.name !== 'src').map((a) => [a.name, a.value])),
    };
  }, texts);
  await scratch.close();
  return result;
}

test('the snippets name the metric, language and currency shown, with absolute addresses', async ({ page, baseURL }) => {
  await openPage(page, CLV_IN_POLISH);
  await openDialog(page);
  const snippets = await parsed(page);
  expect(snippets.scriptSrc).toBe(new URL('widget.js', baseURL).href);
  expect(snippets.element).toEqual({ metric: 'customer_lifetime_value', lang: 'pl', currency: 'PLN' });
  const frameUrl = new URL(snippets.frameSrc);
  expect(frameUrl.origin + frameUrl.pathname).toBe(new URL('embed.html', baseURL).href);
  expect(Object.fromEntries(frameUrl.searchParams)).toEqual({ metric: 'customer_lifetime_value', lang: 'pl', currency: 'PLN' });
  expect(snippets.frame).toMatchObject({ loading: 'lazy', height: String(FRAME_HEIGHTS.customer_lifetime_value), style: 'width:100%;border:0' });
  expect(snippets.frame.title).toContain('Wartość klienta w\u00a0czasie'); // "w" kept with the next word (build.rs)
});

test('the snippets follow the page: another metric and language, and no currency for a metric without money', async ({ page }) => {
  await openPage(page, '?metric=retention_rate&lang=en');
  await page.locator('#language').selectOption('ru');
  await page.locator('#picker a[data-metric="churn_rate"]').click();
  await page.getByRole('button', { name: 'Встроить калькулятор' }).click();
  const snippets = await parsed(page);
  expect(snippets.element).toEqual({ metric: 'churn_rate', lang: 'ru' });
  expect(Object.fromEntries(new URL(snippets.frameSrc).searchParams)).toEqual({ metric: 'churn_rate', lang: 'ru' });
});

test('Copy puts the snippet on the clipboard and says so; Escape closes and returns focus to the button', async ({ page }) => {
  await openPage(page, CLV_IN_POLISH);
  const dialog = await openDialog(page);
  for (const kind of ['script', 'frame']) {
    await dialog.locator(`button[data-copy="${kind}"]`).click();
    const status = dialog.locator(`#embed-${kind} ~ .embed__copy [role="status"]`);
    await expect(status).toHaveText('Skopiowano.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await dialog.locator(`#embed-${kind}`).inputValue());
  }
  await expect(dialog.locator('button[data-copy="script"]')).toHaveAccessibleName('Kopiuj: Skrypt i znacznik');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Osadź ten kalkulator' })).toBeFocused();
});

test('when copying is refused the snippet is selected and the reader told to copy it', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await openPage(page, CLV_IN_POLISH);
  const dialog = await openDialog(page);
  await dialog.locator('button[data-copy="frame"]').click();
  await expect(dialog.locator('#embed-frame ~ .embed__copy [role="status"]')).toContainText('Ctrl+C');
  const frame = dialog.locator('#embed-frame');
  await expect(frame).toBeFocused();
  const selection = await frame.evaluate((node) => [node.selectionStart, node.selectionEnd, node.value.length]);
  expect(selection).toEqual([0, selection[2], selection[2]]);
});

test('no axe violations with the dialog open, light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await openPage(page, CLV_IN_POLISH);
    await openDialog(page);
    // The preview frame is the widget, whose own axe runs are in a11y-widget-languages.
    await expectNoAxeViolations(page, { exclude: '.embed__preview-frame' });
  }
});

for (const [lang, query, embedName, settings] of [
  ['en', '?metric=customer_lifetime_value&lang=en&currency=USD', 'Embed this calculator',
    { language: ['Language', 'ru'], theme: ['Colours', 'dark'], example: ['Opens with', 'coffee'], shows: 'Пожизненная ценность клиента', value: '$' }],
  ['pl', CLV_IN_POLISH, 'Osadź ten kalkulator',
    { language: ['Język', 'en'], theme: ['Kolory', 'dark'], example: ['Na start', 'coffee'], shows: 'Customer lifetime value', value: 'zł' }],
  ['ru', '?metric=customer_lifetime_value&lang=ru&currency=RUB', 'Встроить калькулятор',
    { language: ['Язык', 'pl'], theme: ['Цвета', 'dark'], example: ['При открытии', 'coffee'], shows: 'Wartość klienta', value: '₽' }],
]) {
  test(`${lang}: the dialog previews the widget live as its language, colours and first view are picked`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPage(page, query);
    await page.getByRole('button', { name: embedName }).click();
    const dialog = page.getByRole('dialog');
    const preview = page.frameLocator('.embed__preview-frame');
    // At first the widget as the page shows it: its language, an empty form.
    await expect(preview.locator('retention-calculator .widget')).toHaveAttribute('lang', lang);
    await expect(preview.locator('.result__value')).toHaveCount(0);

    await dialog.getByLabel(settings.language[0]).selectOption(settings.language[1]);
    await dialog.getByLabel(settings.theme[0]).selectOption(settings.theme[1]);
    await dialog.getByLabel(settings.example[0]).selectOption(settings.example[1]);
    await expect(preview.locator('retention-calculator .widget')).toHaveAttribute('lang', settings.language[1]);
    await expect(preview.locator('retention-calculator .widget')).toHaveAttribute('data-scheme', 'dark');
    await expect(preview.locator('#metric-name')).toContainText(settings.shows);
    await expect(preview.locator('.result__value')).toContainText(settings.value);
    // The preview frame is as tall as the widget in it.
    await expect.poll(async () => {
      const frameHeight = await page.locator('.embed__preview-frame').evaluate((node) => node.getBoundingClientRect().height);
      const content = await page.frame({ url: /embed\.html/ }).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      return Math.abs(frameHeight - content) <= 1;
    }).toBe(true);

    // Both snippets carry what was picked; the frame's title is in the widget's language.
    const element = await page.evaluate(() => document.getElementById('embed-script').value);
    expect(element).toContain(`lang="${settings.language[1]}"`);
    expect(element).toContain('theme="dark"');
    expect(element).toContain('example="coffee"');
    const frame = await page.evaluate(() => document.getElementById('embed-frame').value);
    expect(frame).toMatch(new RegExp(`lang=${settings.language[1]}&[^"]*example=coffee&amp;theme=dark|lang=${settings.language[1]}.*theme=dark`));
    expect(frame).toContain(`title="${settings.shows}`);

    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/embed-preview-${lang}.png` });
    await expectNoAxeViolations(page, { exclude: '.embed__preview-frame' });
  });
}

const SHOTS = [
  { name: 'embed-dialog-desktop', width: 1280, height: 900 },
  { name: 'embed-dialog-phone-dark', width: 320, height: 740, dark: true },
];

for (const shot of SHOTS) {
  test(`screenshot ${shot.name}`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    if (shot.dark) await page.emulateMedia({ colorScheme: 'dark' });
    await openPage(page, CLV_IN_POLISH);
    const dialog = await openDialog(page);
    await dialog.locator('button[data-copy="script"]').click();
    await expect(dialog.getByText('Skopiowano.')).toBeVisible();
    await page.screenshot({ path: `${testInfo.project.outputDir}/screenshots/${shot.name}.png` });
  });
}
