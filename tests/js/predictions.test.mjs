// The predictions through the JavaScript API of the real build (www/pkg):
// the BTYD summary, BG/NBD and Gamma-Gamma on the CDNOW 1/10 sample
// against the papers and lifetimes (tests/fixtures/predict/, as in
// tests/predict.rs natively), the customers view on the coffee sample and on
// CDNOW with a tracking check, logs the models cannot be fitted to, and every
// refusal as an Error with `field` and `code`.
// Run by `npm test` (node --test tests/js/), or alone:
//   node --test tests/js/predictions.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import * as engine from '../../www/pkg/retention_metrics.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

const fixture = (name) => readFileSync(new URL(`../fixtures/predict/${name}`, import.meta.url), 'utf8');
const cdnow = fixture('cdnow-sample.csv');
const reference = JSON.parse(fixture('lifetimes-reference.json'));
const PAPER = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
const CALIBRATION = { calibrationEnd: '1997-09-30', observationEnd: '1998-06-30' };

/** `actual` within `relative` of `expected` (a share: 1e-3 is 0.1 %). */
function within(actual, expected, relative, what = '') {
  assert.equal(typeof actual, 'number', `${what}: ${actual} is not a number`);
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${what}: ${actual} is not within ${relative} of ${expected}`,
  );
}

/** The Error a call throws: a real Error with the engine's field, code and errors. */
function refused(call) {
  let error;
  try {
    call();
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof Error, `expected an Error, got ${error}`);
  assert.equal(typeof error.code, 'string', `a code on: ${error.message}`);
  assert.equal(typeof error.field, 'string', `a field on: ${error.message}`);
  assert.ok(error.message.length > 0);
  assert.ok(Array.isArray(error.errors) && error.errors.length >= 1);
  assert.deepEqual([error.errors[0].field, error.errors[0].code], [error.field, error.code]);
  return error;
}

/**
 * The property names src/wasm.d.ts (as built into www/pkg) types as
 * `… | null`, and as `(… | null)[]` (written `name[]`), read by the
 * TypeScript parser: a null anywhere else in a result is a number (or text)
 * the engine failed to give. By name, not by interface: a name nullable in
 * one interface is let through in all of them (types.test.mjs checks each
 * interface exactly, but only after JSON, which turns NaN into null).
 */
function nullableKeys() {
  const file = new URL('../../www/pkg/retention_metrics.d.ts', import.meta.url);
  const source = ts.createSourceFile('types.d.ts', readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const withNull = (type) => {
    while (ts.isParenthesizedTypeNode(type)) type = type.type;
    return ts.isUnionTypeNode(type) && type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
  };
  const names = new Set();
  const visit = (node) => {
    if (ts.isPropertySignature(node) && node.type) {
      const name = node.name.getText(source);
      if (withNull(node.type)) names.add(name);
      if (ts.isArrayTypeNode(node.type) && withNull(node.type.elementType)) names.add(`${name}[]`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}
const NULLABLE = nullableKeys();

/**
 * Walks a whole result: every number finite (JSON would turn NaN and ∞ into
 * null, so they are caught here, on the object itself), and null only where
 * the declarations allow it. `Columns<number | null>` (column_indexes) is
 * generic, so its keys are allowed by their parent. Returns how many numbers
 * it saw, so a test can tell the walk was not empty.
 */
function assertClean(value, path = 'result', key = '', parent = '') {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${path} is ${value}`);
    return 1;
  }
  if (value === null) {
    assert.ok(NULLABLE.has(key) || parent === 'column_indexes', `${path} is null, and the type of ${key} says it is not`);
    return 0;
  }
  assert.notEqual(value, undefined, `${path} is undefined`);
  if (typeof value !== 'object') return 0;
  let numbers = 0;
  if (Array.isArray(value)) {
    value.forEach((item, i) => (numbers += assertClean(item, `${path}[${i}]`, `${key}[]`, parent)));
  } else {
    for (const [k, item] of Object.entries(value)) numbers += assertClean(item, `${path}.${k}`, k, key);
  }
  return numbers;
}

test('the walk of a result can fail: NaN, ∞ and a null the type does not allow are caught', () => {
  const row = engine.predictCustomers(engine.sampleTransactions('coffee')).customers[0];
  assert.ok(assertClean(row) > 5);
  assert.equal(assertClean({ ...row, p_alive: null }), assertClean(row) - 1, 'p_alive may be null (no model)');
  for (const broken of [{ ...row, p_alive: NaN }, { ...row, value: Infinity }, { ...row, x: null }, { ...row, t_x: [0, null] }]) {
    assert.throws(() => assertClean({ customers: [broken] }), assert.AssertionError);
  }
  assert.ok(NULLABLE.has('p_alive') && !NULLABLE.has('x') && !NULLABLE.has('T') && NULLABLE.has('cohort_average[]'));
});

/** Contact ranks are 1..n, each once; P(alive) in [0, 1]; expectations grow with the horizon. */
function assertCustomersAreSound(report) {
  const ranks = report.customers.map((c) => c.contact_rank).sort((a, b) => a - b);
  assert.deepEqual(ranks, Array.from({ length: report.customers.length }, (_, i) => i + 1));
  for (const c of report.customers) {
    for (const key of ['p_alive', 'expected_30', 'expected_90', 'expected_365', 'discounted_visits', 'at_stake']) {
      assert.equal(typeof c[key], 'number', `${c.id}.${key} is ${c[key]}`);
    }
    assert.ok(c.p_alive >= 0 && c.p_alive <= 1, `${c.id}: P(alive) ${c.p_alive}`);
    if (c.x === 0) assert.equal(c.p_alive, 1, `${c.id} never came back, so nothing says they left`);
    assert.ok(c.expected_30 <= c.expected_90 && c.expected_90 <= c.expected_365, `${c.id}: ${c.expected_30} ${c.expected_90} ${c.expected_365}`);
    assert.ok(c.expected_30 >= 0);
    assert.equal(c.visits, c.x + 1);
  }
}

test('customerVisits: one customer\'s days, same-day orders as one visit with their spend summed, as their row counts them', () => {
  const log = 'customer,date,amount\nanna,2024-01-05,7.50\nben,2024-01-09,3\nanna,2024-01-05,1\nanna,2024-02-02,4.50\n';
  assert.deepEqual(engine.customerVisits(log, {}, 'anna'), {
    id: 'anna',
    visits: [{ day: '2024-01-05', spend: 8.5 }, { day: '2024-02-02', spend: 4.5 }],
  });
  assert.deepEqual(engine.customerVisits('customer,date\nanna,2024-01-05\n', {}, 'anna').visits, [{ day: '2024-01-05', spend: null }]);
  const report = engine.predictCustomers(cdnow);
  const row = report.customers.find((c) => c.id === '1');
  const { visits } = engine.customerVisits(cdnow, {}, '1');
  assert.deepEqual([visits.length, visits[0].day, visits.at(-1).day], [row.visits, row.first_visit, row.last_visit]);
  const missing = (() => { try { engine.customerVisits(log, { lang: 'pl' }, 'zoe'); } catch (error) { return error; } })();
  // (The one-letter "W" is tied to the next word with a no-break space.)
  assert.deepEqual([missing.code, missing.field, missing.message], ['out_of_range', 'customer', 'W\u00a0tym pliku nie ma klienta „zoe”.']);
});

// ---- The summary -----------------------------------------------------------

test('summarizeCustomers: CDNOW calibrated to 1997-09-30 is the papers\' 2,357 customers with the holdout', () => {
  const report = engine.summarizeCustomers(cdnow, CALIBRATION);
  assert.equal(report.unit, 'week');
  assert.equal(report.observation_end, '1998-06-30');
  assert.equal(report.calibration_end, '1997-09-30');
  assert.equal(report.customers.length, 2357);
  assert.equal(report.customers.filter((c) => c.x > 0).length, 946);
  const first = report.customers.find((c) => c.id === '1');
  assert.equal(first.x, 2);
  within(first.t_x, 30.43, 1e-3, 't_x of customer 1');
  within(first.T, 38.86, 1e-3, 'T of customer 1');
  within(first.monetary, 22.345, 1e-9, 'monetary of customer 1');
  assert.equal(first.holdout_x, 1);
  // lifetimes' summary, summed and customer by customer.
  const theirs = reference.summary;
  const sum = (key) => report.customers.reduce((total, c) => total + c[key], 0);
  within(sum('x'), theirs.sum_frequency, 1e-12, 'sum of x');
  within(sum('t_x'), theirs.sum_recency_weeks, 1e-12, 'sum of t_x');
  within(sum('T'), theirs.sum_T_weeks, 1e-12, 'sum of T');
  within(sum('monetary'), theirs.sum_monetary_value, 1e-12, 'sum of monetary');
  assert.ok(report.customers.every((c) => Number.isInteger(c.holdout_x)), 'every customer has holdout_x');
  assert.equal(sum('holdout_x'), theirs.calibration_holdout.total_frequency_holdout);
  for (const { id, x_holdout } of theirs.calibration_holdout.frequency_holdout_customers_1_30) {
    assert.equal(report.customers.find((c) => c.id === String(id)).holdout_x, x_holdout, `holdout of ${id}`);
  }
  assertClean(report);
});

test('summarizeCustomers: without a calibration end there is no holdout, and T runs to the log\'s last day', () => {
  const report = engine.summarizeCustomers(cdnow);
  assert.equal(report.calibration_end, null);
  assert.equal(report.observation_end, '1998-06-30');
  assert.ok(report.customers.every((c) => !('holdout_x' in c)));
  within(report.customers.find((c) => c.id === '1').T, 38.857142857142854 + 39, 1e-12, 'T to 1998-06-30');
  assert.equal(refused(() => engine.summarizeCustomers(cdnow, { observationEnd: '1999-01-01' })).field, 'observation_end');
});

// ---- BG/NBD ----------------------------------------------------------------

test('fitBgNbd on the CDNOW summary gives the paper\'s r, α, a, b and log-likelihood', () => {
  const { customers } = engine.summarizeCustomers(cdnow, CALIBRATION);
  const fit = engine.fitBgNbd(customers);
  assert.equal(fit.converged, true);
  for (const key of ['r', 'alpha', 'a', 'b']) within(fit[key], PAPER[key], 1e-3, key);
  within(fit.log_likelihood, -9582.43, 1e-6, 'log-likelihood');
  for (const key of ['r', 'alpha', 'a', 'b']) within(fit[key], reference.bg_nbd_fit[key], 1e-5, `lifetimes' ${key}`);
  // Equal histories given once with their number as weight fit the same.
  const grouped = new Map();
  for (const { x, t_x, T } of customers) {
    const key = `${x}|${t_x}|${T}`;
    grouped.set(key, { x, t_x, T, weight: (grouped.get(key)?.weight ?? 0) + 1 });
  }
  assert.ok(grouped.size < customers.length / 2);
  const weighted = engine.fitBgNbd([...grouped.values()]);
  for (const key of ['r', 'alpha', 'a', 'b']) within(weighted[key], fit[key], 1e-6, `weighted ${key}`);
  within(weighted.log_likelihood, fit.log_likelihood, 1e-9, 'weighted log-likelihood');
});

test('bgNbdCustomer and bgNbdExpected at the paper\'s parameters are lifetimes\' values', () => {
  const at = reference.at_paper_params;
  assert.deepEqual(at.params, PAPER);
  let compared = 0;
  for (const c of at.cases) {
    const history = { x: c.x, t_x: c.t_x, T: c.T };
    for (const { t, value } of c.conditional_expected_purchases) {
      const forecast = engine.bgNbdCustomer(PAPER, history, t);
      assert.deepEqual(Object.keys(forecast).sort(), ['expected', 'p_alive']);
      assert.ok(Math.abs(forecast.p_alive - c.p_alive) <= 1e-12, `${c.label}: P(alive) ${forecast.p_alive} vs ${c.p_alive}`);
      assert.ok(
        Math.abs(forecast.expected - value) <= 1e-9 * Math.max(value, 1e-3),
        `${c.label}, t = ${t}: ${forecast.expected} vs ${value}`,
      );
      compared++;
    }
  }
  assert.equal(compared, at.cases.length * at.t_values.length);
  for (const { t, value } of at.population_expected_purchases) {
    within(engine.bgNbdExpected(PAPER, t), value, 1e-10, `E[X(${t})]`);
  }
  // Numbers typed as text are read in the call's language.
  const typed = engine.bgNbdCustomer({ r: '0,2426', alpha: '4,4136', a: '0,7929', b: '2,4259' }, { x: '2', t_x: 30, T: 40 }, '52', 'pl');
  assert.deepEqual(typed, engine.bgNbdCustomer(PAPER, { x: 2, t_x: 30, T: 40 }, 52));
  assert.equal(engine.bgNbdExpected(PAPER, 0), 0);
});

test('bgNbdExpected stays below the mean purchase rate times the weeks for a large r', () => {
  // 5.9111554823553965 from mpmath (hyp2f1 at 40 digits) of the paper's
  // E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
  const params = { r: 100, alpha: 5, a: 1.5, b: 2.5 };
  const expected = engine.bgNbdExpected(params, 520);
  assert.ok(expected <= (params.r / params.alpha) * 520, `${expected} purchases is more than the rate allows`);
  within(expected, 5.9111554823553965, 1e-6, 'E[X(520)]');
});

// ---- Gamma-Gamma -----------------------------------------------------------

test('fitGammaGamma on CDNOW\'s repeat buyers gives the note\'s p, q, γ', () => {
  const { customers } = engine.summarizeCustomers(cdnow, CALIBRATION);
  const fit = engine.fitGammaGamma(customers);
  assert.equal(fit.converged, true);
  assert.equal(fit.customers, 946, 'only repeat buyers with a spend are fitted');
  within(fit.p, 6.2488, 1e-3, 'p');
  within(fit.q, 3.7446, 1e-3, 'q');
  within(fit.gamma, 15.4477, 1e-3, 'γ');
  within(fit.log_likelihood, -4055.92, 1e-6, 'log-likelihood');
  within(fit.log_likelihood, reference.gamma_gamma_fit.log_likelihood, 1e-10, 'lifetimes\' log-likelihood');
  const error = refused(() => engine.fitGammaGamma(customers.filter((c) => c.x > 0).slice(0, 5)));
  assert.deepEqual([error.code, error.field], ['cannot_fit', 'customers']);
});

// ---- The customers view ----------------------------------------------------

test('predictCustomers on the coffee sample: both models, every customer ranked, nothing NaN', () => {
  const sample = engine.sampleTransactions('coffee');
  const seen = [];
  const report = engine.predictCustomers(sample, { onProgress: (share) => seen.push(share) });
  assert.equal(report.unit, 'week');
  assert.equal(report.at_stake_unit, 'money');
  assert.deepEqual([report.horizon_months, report.discount, report.window_days], [12, 1, 90]);
  assert.equal(report.tracking, null, 'no calibration end, no tracking');
  assert.equal(report.customers.length, report.input.customers);
  assert.equal(report.model.customers, report.customers.length);
  assert.ok(report.customers.length >= 500);
  assert.equal(report.model.bg_nbd.converged, true);
  assert.equal(report.model.bg_nbd_refusal, null);
  assert.equal(report.model.gamma_gamma.converged, true);
  assert.equal(report.model.gamma_gamma_refusal, null);
  assertCustomersAreSound(report);
  for (const c of report.customers) {
    for (const key of ['total_spend', 'average_spend', 'monetary', 'expected_spend', 'discounted_visits', 'value', 'at_stake']) {
      assert.equal(typeof c[key], 'number', `${c.id}.${key} is ${c[key]}`);
    }
    assert.ok(Math.abs(c.value - c.expected_spend * c.discounted_visits) <= 1e-9 * Math.max(c.value, 1));
    assert.ok(Math.abs(c.at_stake - c.total_spend * (1 - c.p_alive)) <= 1e-9 * Math.max(c.at_stake, 1));
  }
  // Best first by past spend.
  const spend = report.customers.map((c) => c.total_spend);
  assert.deepEqual(spend, [...spend].sort((a, b) => b - a));
  assert.ok(seen.length >= 2 && seen.at(-1) === 1, `progress ${seen}`);
  assert.ok(assertClean(report) > 10 * report.customers.length);
});

test('predictCustomers on CDNOW with a calibration end: the tracking check of the holdout', () => {
  const report = engine.predictCustomers(cdnow, { calibrationEnd: '1997-09-30' });
  assert.equal(report.customers.length, 2357);
  assert.equal(report.observation_end, '1998-06-30');
  const tracking = report.tracking;
  assert.equal(tracking.calibration_end, '1997-09-30');
  assert.equal(tracking.refusal, null);
  for (const key of ['r', 'alpha', 'a', 'b']) within(tracking.bg_nbd[key], PAPER[key], 1e-3, `calibrated ${key}`);
  assert.equal(tracking.points.length, 39);
  assert.deepEqual(tracking.points.map((p) => p.week), Array.from({ length: 39 }, (_, i) => i + 1));
  assert.equal(tracking.points[0].day, '1997-10-07');
  const last = tracking.points.at(-1);
  assert.equal(last.day, '1998-06-30');
  assert.equal(last.actual, 1882, 'the holdout\'s repeat purchases');
  within(last.expected, 1653.408724, 1e-6, 'expected by week 39 (lifetimes: 1,653.41)');
  for (let i = 1; i < tracking.points.length; i++) {
    assert.ok(tracking.points[i].expected >= tracking.points[i - 1].expected);
    assert.ok(tracking.points[i].actual >= tracking.points[i - 1].actual);
  }
  assertCustomersAreSound(report);
  for (const c of report.customers) assert.ok(c.value >= 0 && Number.isFinite(c.value), `${c.id}: value ${c.value}`);
  assert.ok(assertClean(report) > 10 * report.customers.length);
  // The options are read: a longer horizon is worth more, a higher discount less.
  const longer = engine.predictCustomers(cdnow, { horizonMonths: '24' });
  const dearer = engine.predictCustomers(cdnow, { discount: 5 });
  assert.deepEqual([longer.horizon_months, dearer.discount], [24, 5]);
  const total = (r) => r.customers.reduce((sum, c) => sum + c.value, 0);
  const base = total(report);
  assert.ok(total(longer) > base && total(dearer) < base, `${total(longer)} > ${base} > ${total(dearer)}`);
});

test('predictCustomers on a log of visits: no money, but P(alive) and visits at stake', () => {
  const report = engine.predictCustomers(engine.sampleTransactions('coffee'), { columns: { amount: null } });
  assert.equal(report.input.has_amounts, false);
  assert.equal(report.at_stake_unit, 'visits');
  assert.equal(report.model.gamma_gamma, null);
  assert.equal(report.model.gamma_gamma_refusal.code, 'no_amounts');
  assert.ok(report.model.gamma_gamma_refusal.message.length > 0);
  assert.equal(report.model.mean_spend, null);
  assert.notEqual(report.model.bg_nbd, null);
  for (const c of report.customers) {
    for (const key of ['total_spend', 'average_spend', 'monetary', 'expected_spend', 'value']) {
      assert.equal(c[key], null, `${c.id}.${key} without amounts`);
    }
    assert.equal(typeof c.p_alive, 'number');
    assert.ok(Math.abs(c.at_stake - c.visits * (1 - c.p_alive)) <= 1e-9 * Math.max(c.at_stake, 1));
  }
  assertCustomersAreSound(report);
  assertClean(report);
});

test('predictCustomers on a tiny log: the models are refused in words, in the call\'s language', () => {
  const tiny = 'customer,date,amount\nanna,2024-01-05,7.50\nben,2024-01-09,3\nanna,2024-02-02,4.50\ncleo,2024-02-10,6\ncleo,2024-03-01,2\n';
  const messages = {};
  for (const lang of ['en', 'pl', 'ru']) {
    const report = engine.predictCustomers(tiny, { lang });
    const { model } = report;
    assert.equal(model.customers, 3);
    assert.equal(model.bg_nbd, null);
    assert.equal(model.bg_nbd_refusal.code, 'too_few_customers');
    assert.match(model.bg_nbd_refusal.message, /100/, 'the message says how many are needed');
    assert.match(model.bg_nbd_refusal.message, /3/, 'and how many there are');
    assert.equal(model.gamma_gamma, null);
    assert.equal(model.gamma_gamma_refusal.code, 'too_few_spenders');
    for (const key of ['weeks_between_purchases', 'drop_out_per_purchase', 'expected_visits_next_year', 'expected_visits_new_customer']) {
      assert.equal(model[key], null, key);
    }
    assert.equal(report.customers.length, 3);
    for (const c of report.customers) {
      assert.deepEqual([c.p_alive, c.expected_365, c.value, c.at_stake], [null, null, null, null]);
      assert.equal(typeof c.total_spend, 'number');
    }
    assertClean(report);
    messages[lang] = model.bg_nbd_refusal.message;
  }
  assert.equal(new Set(Object.values(messages)).size, 3, JSON.stringify(messages));
  assert.match(messages.ru, /[а-я]/);
  assert.match(messages.pl, /klient/);
});

// ---- Refusals --------------------------------------------------------------

test('fitBgNbd refuses too few customers and anything but a list of histories, by field and code', () => {
  const ten = Array.from({ length: 10 }, (_, i) => ({ x: i % 3, t_x: i % 3 ? 5 : 0, T: 10 }));
  const few = refused(() => engine.fitBgNbd(ten));
  assert.deepEqual([few.code, few.field], ['cannot_fit', 'customers']);
  assert.match(few.message, /10/);
  assert.notEqual(refused(() => engine.fitBgNbd(ten, 'pl')).message, few.message, 'in the language asked for');
  const notList = refused(() => engine.fitBgNbd('x'));
  assert.deepEqual([notList.code, notList.field], ['not_a_table', 'customers']);
  const late = refused(() => engine.fitBgNbd([{ x: 1, t_x: 11, T: 10 }]));
  assert.deepEqual([late.code, late.field], ['exceeds', 'customers[0].t_x']);
  const fourth = refused(() => engine.fitBgNbd([...ten.slice(0, 3), { x: 1, t_x: 11, T: 10 }]));
  assert.equal(fourth.field, 'customers[3].t_x', 'the field names the customer');
  const half = refused(() => engine.fitBgNbd([{ x: 1.5, t_x: 1, T: 10 }]));
  assert.deepEqual([half.code, half.field], ['not_whole', 'customers[0].x']);
  assert.deepEqual(
    [refused(() => engine.fitBgNbd([{ x: 0, t_x: 2, T: 10 }])).code, refused(() => engine.fitBgNbd([{ x: 1, t_x: 1 }])).code],
    ['inconsistent', 'required'],
  );
  const weight = refused(() => engine.fitBgNbd([{ x: 1, t_x: 1, T: 2, weight: 0 }]));
  assert.deepEqual([weight.code, weight.field], ['zero', 'customers[0].weight']);
});

test('bgNbdCustomer and bgNbdExpected refuse parameters and horizons by field', () => {
  const zero = refused(() => engine.bgNbdCustomer({ ...PAPER, a: 0 }, { x: 1, t_x: 1, T: 2 }, 10));
  assert.deepEqual([zero.field, zero.code], ['params.a', 'zero']);
  assert.equal(refused(() => engine.bgNbdExpected({ ...PAPER, alpha: -1 }, 10)).field, 'params.alpha');
  assert.equal(refused(() => engine.bgNbdExpected({ r: 1, a: 1, b: 1 }, 10)).field, 'params.alpha');
  assert.equal(refused(() => engine.bgNbdCustomer(PAPER, { x: 1, t_x: 3, T: 2 }, 10)).field, 'customers[0].t_x');
  const weeks = refused(() => engine.bgNbdCustomer(PAPER, { x: 1, t_x: 1, T: 2 }, -1));
  assert.deepEqual([weeks.field, weeks.code], ['weeks', 'negative']);
  assert.deepEqual([refused(() => engine.bgNbdExpected(PAPER, 1e6)).field, refused(() => engine.bgNbdExpected(PAPER, 1e6)).code], ['weeks', 'out_of_range']);
});

test('predictCustomers refuses its options by the engine\'s field names', () => {
  const dmy = refused(() => engine.predictCustomers(cdnow, { calibrationEnd: '30.09.1997' }));
  assert.equal(dmy.field, 'calibration_end');
  assert.match(dmy.message, /30\.09\.1997/, 'the message quotes what was given');
  const horizon = refused(() => engine.predictCustomers(cdnow, { horizonMonths: 0 }));
  assert.deepEqual([horizon.field, horizon.code], ['horizon_months', 'out_of_range']);
  assert.equal(refused(() => engine.predictCustomers(cdnow, { horizonMonths: 121 })).field, 'horizon_months');
  const discount = refused(() => engine.predictCustomers(cdnow, { discount: 150 }));
  assert.deepEqual([discount.field, discount.code], ['discount', 'out_of_range']);
  for (const day of ['1996-12-31', '1998-07-01']) {
    const outside = refused(() => engine.predictCustomers(cdnow, { calibrationEnd: day }));
    assert.deepEqual([outside.field, outside.code], ['calibration_end', 'out_of_range'], day);
    assert.match(outside.message, /1997-01-01.*1998-06-30/, 'the message gives the log\'s days');
  }
  // The log's own first and last days are within it.
  assert.equal(engine.predictCustomers(cdnow, { calibrationEnd: '1998-06-30' }).tracking.points.length, 0);
  const polish = refused(() => engine.predictCustomers(cdnow, { discount: 150, lang: 'pl' }));
  assert.notEqual(polish.message, discount.message);
});
