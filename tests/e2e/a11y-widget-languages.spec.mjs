// axe-core finds nothing in the blog widgets (tests/widget-host.html) switched
// to Polish or Russian, light and dark, with a result and with a field error:
// translated labels, number formats and error messages must keep the names,
// contrast and ARIA ties the English widget has. Every widget's texts must
// really be in that language (strings from src/locales/pl.txt and ru.txt).
import { test, expect } from '@playwright/test';
import { guardPage, expectNoAxeViolations, locale } from './helpers.mjs';

guardPage(test);

const NBSP = '\u00a0';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the widgets must say in each language (from the locale files), and their two results. */
const TEXTS = Object.fromEntries([['pl', ''], ['ru', NBSP]].map(([lang, beforePercent]) => {
  const t = locale(lang);
  const lost = t('metric.churn_rate.input.lost');
  // error.negative with the field's label and the typed -5 (written with a minus sign or a hyphen).
  const negative = new RegExp(`^${escape(t('error.negative')).replace('\\{label\\}', escape(lost)).replace('\\{value\\}', '[-−]5')}$`);
  return [lang, {
    coffeeName: t('metric.retention_rate.name'),
    churnName: t('metric.churn_rate.name'),
    start: t('metric.churn_rate.input.start'),
    lost,
    inputs: t('ui.inputs'),
    result: t('ui.result'),
    coffeeValue: `90${beforePercent}%`,
    churnValue: `5${beforePercent}%`,
    negative,
  }];
}));

// Neither language's texts are the English ones, so a widget left in English fails.
const english = locale('en');
for (const [lang, texts] of Object.entries(TEXTS)) {
  for (const [key, en] of [['inputs', 'ui.inputs'], ['result', 'ui.result'], ['churnName', 'metric.churn_rate.name'], ['lost', 'metric.churn_rate.input.lost']]) {
    if (texts[key] === english(en)) throw new Error(`${lang}: ${en} is the English text`);
  }
}

const SURFACE = { dark: 'rgb(33, 28, 24)', light: 'rgb(255, 255, 255)' };

/** Opens the host page with both widgets built, then sets `lang` and `theme` on every <retention-calculator>. */
async function openHostIn(page, lang, theme) {
  await page.emulateMedia({ colorScheme: theme });
  await page.route('**/widget-host.html', (route) => route.fulfill({ path: 'tests/widget-host.html' }));
  await page.goto('widget-host.html');
  await expect(page.locator('#polish .metric__name')).toBeVisible();
  await expect(page.locator('#coffee .result__value')).toBeVisible();
  await page.evaluate(([value, scheme]) => {
    for (const widget of document.querySelectorAll('retention-calculator')) {
      widget.setAttribute('lang', value);
      widget.setAttribute('theme', scheme);
    }
  }, [lang, theme]);
  const texts = TEXTS[lang];
  await expect(page.locator('#coffee .metric__name')).toHaveText(texts.coffeeName);
  await expect(page.locator('#polish .metric__name')).toHaveText(texts.churnName);
  for (const id of ['coffee', 'polish']) {
    await expect(page.locator(`#${id} .widget`)).toHaveAttribute('lang', lang);
    await expect(page.locator(`#${id} #inputs-heading`)).toHaveText(texts.inputs);
    await expect(page.locator(`#${id} #result-heading`)).toHaveText(texts.result);
    await expect.poll(() => page.locator(`#${id} .calculator`).evaluate((node) => getComputedStyle(node).backgroundColor), `${id} surface`)
      .toBe(SURFACE[theme]);
  }
  await expect(page.locator('#polish label[for="input-start"]')).toHaveText(texts.start);
  await expect(page.locator('#polish label[for="input-lost"]')).toHaveText(texts.lost);
  // The host page itself keeps its own language.
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
}

/**
 * axe on each widget by itself (`include` one element at a time), so every
 * rule runs on every widget; the rule comparing landmarks across the two
 * widgets fails today and has its own test below.
 */
async function expectEachWidgetPassesAxe(page) {
  for (const id of ['#coffee', '#polish']) await expectNoAxeViolations(page, { include: id });
}

for (const lang of Object.keys(TEXTS)) {
  const texts = TEXTS[lang];
  for (const theme of ['light', 'dark']) {
    test(`no axe violations in the widgets in ${lang}, ${theme}, with a result`, async ({ page }) => {
      await openHostIn(page, lang, theme);
      await expect(page.locator('#coffee .result__value')).toHaveText(texts.coffeeValue);
      await page.locator('#polish #input-start').fill('200');
      await page.locator('#polish #input-lost').fill('10');
      await expect(page.locator('#polish .result__value')).toHaveText(texts.churnValue);
      await expect(page.locator('#polish #input-lost')).not.toHaveAttribute('aria-invalid', 'true');
      await expectEachWidgetPassesAxe(page);
    });

    test(`no axe violations in the widgets in ${lang}, ${theme}, with a field error`, async ({ page }) => {
      await openHostIn(page, lang, theme);
      await page.locator('#polish #input-start').fill('200');
      await page.locator('#polish #input-lost').fill('-5');
      const lost = page.locator('#polish #input-lost');
      await expect(lost).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#polish .result__value')).toHaveCount(0);
      // The message sits right after the field, is described by it and reads in the widget's language.
      const message = await lost.evaluate((node) => {
        const next = node.nextElementSibling;
        const ids = (node.getAttribute('aria-describedby') || '').split(/\s+/);
        return next && !next.hidden && ids.includes(next.id) ? next.textContent.trim() : null;
      });
      expect(message, 'the error message tied to the field').toMatch(texts.negative);
      await expectEachWidgetPassesAxe(page);
    });
  }

  test(`no axe violations across both widgets together in ${lang} (result and error)`, async ({ page }) => {
    await openHostIn(page, lang, 'dark');
    await expect(page.locator('#coffee .result__value')).toHaveText(texts.coffeeValue);
    await page.locator('#polish #input-lost').fill('-5');
    await expect(page.locator('#polish #input-lost')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page, { include: 'retention-calculator' });
  });
}
