// Shared steps for the page's end-to-end tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Registers hooks that fail a test when the page requests anything outside
 * its own origin, throws an uncaught error, or breaks its
 * Content-Security-Policy (in any frame).
 */
export function guardPage(test) {
  test.beforeEach(async ({ page, baseURL }, testInfo) => {
    // Every frame keeps its own list; the browser reports a blocked script,
    // style or connection by this event (also from inside shadow roots).
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.cspViolations.push(`${event.effectiveDirective}: ${event.blockedURI || event.sample} (${event.sourceFile}:${event.lineNumber})`);
      }, true);
    });
    const origin = new URL(baseURL).origin;
    const foreign = [];
    const errors = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      if (url.origin !== origin) foreign.push(request.url());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    testInfo.foreignRequests = foreign;
    testInfo.pageErrors = errors;
  });
  test.afterEach(async ({ page }, testInfo) => {
    const violations = [];
    for (const frame of page.frames()) {
      violations.push(...await frame.evaluate(() => window.cspViolations ?? []).catch(() => []));
    }
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect(testInfo.foreignRequests, 'requests outside the page origin').toEqual([]);
    expect(testInfo.pageErrors, 'uncaught errors in the page').toEqual([]);
  });
}

/** Opens the page at `query` (e.g. "?metric=churn_rate") and waits for the engine. */
export async function openPage(page, query = '') {
  await page.goto(`index.html${query}`);
  await expect(page.locator('html.is-ready')).toHaveCount(1);
}

/** The input for one of the metric's inputs, by engine input id. */
export function field(page, id) {
  return page.locator(`#input-${id}`);
}

/** The live region (role=status) that holds the result; the page has exactly one. */
export function status(page) {
  return page.getByRole('status');
}

/** The big displayed value, inside the live region. */
export function resultValue(page) {
  return page.getByRole('status').locator('.result__value');
}

/** Fails when the visible page text contains NaN, Infinity, undefined or null. */
export async function expectNoBrokenNumbers(page) {
  const text = [await page.title(), await page.locator('body').innerText()].join('\n');
  expect(text).not.toMatch(/\bNaN\b|Infinity|∞|\bundefined\b|\bnull\b|\[object /);
}

/** Asserts the field shows `message`-bearing error beside it, tied by aria-describedby. */
export async function expectFieldError(page, id) {
  const input = field(page, id);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await input.getAttribute('aria-describedby')) || '';
  const ids = describedBy.split(/\s+/).filter(Boolean);
  expect(ids.length, `aria-describedby of ${id}`).toBeGreaterThan(0);
  const texts = [];
  for (const describedId of ids) {
    const node = page.locator(`[id="${describedId}"]`);
    await expect(node).toHaveCount(1);
    if (await node.isVisible()) texts.push((await node.innerText()).trim());
  }
  // One of the described elements is the error message, visible, and it sits
  // right after the input (beside it), not somewhere else on the page.
  const errorId = await input.evaluate((node) => {
    const next = node.nextElementSibling;
    return next && !next.hidden ? next.id : null;
  });
  expect(errorId, `message right after the ${id} input`).toBeTruthy();
  expect(ids).toContain(errorId);
  const message = (await page.locator(`[id="${errorId}"]`).innerText()).trim();
  expect(message.length).toBeGreaterThan(3);
  expect(texts).toContain(message);
  return message;
}

/** The field has no error marking. */
export async function expectFieldValid(page, id) {
  const input = field(page, id);
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await input.getAttribute('aria-describedby')) || '';
  for (const describedId of describedBy.split(/\s+/).filter(Boolean)) {
    await expect(page.locator(`[id="${describedId}"]`)).toBeVisible();
  }
}

/** Presses Tab until `check` holds for the focused element; returns the presses, fails after `limit`. */
export async function tabUntil(page, check, limit, what) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(check)) return i + 1;
  }
  throw new Error(`${what} not reached with ${limit} Tab presses`);
}

/** Fails unless the focused element shows a focus outline at least 2 px wide. */
export async function expectVisibleFocus(page) {
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

/**
 * Fails listing every axe-core violation (rule and elements) on the page as
 * it is now; `include` limits the check to part of it (a widget), `exclude`
 * leaves a part out (a frame from this site, whose policy refuses the
 * styles axe would add inside it: the widget's own tests check it).
 */
export async function expectNoAxeViolations(page, { include, exclude } = {}) {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  if (exclude) builder.exclude(exclude);
  const results = await builder.analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

/** One language's texts as the engine reads them: `key = text` lines of src/locales/<lang>.txt. */
export function locale(lang) {
  const text = readFileSync(fileURLToPath(new URL(`../../src/locales/${lang}.txt`, import.meta.url)), 'utf8');
  const entries = new Map();
  for (const line of text.split('\n')) {
    const match = line.match(/^([\w.]+)\s*=\s*(.*)$/);
    if (match) entries.set(match[1], match[2].trim());
  }
  return (key) => {
    if (!entries.has(key)) throw new Error(`${key} missing from ${lang}.txt`);
    return entries.get(key);
  };
}
