// The headline figures a kept check is listed and compared by
// (www/data/history/headline.js): read from the engine's real report of the
// sample café, and from small reports that have the edge cases (the last
// period partial, every period partial, no money, no such segment, no rate),
// and compared with better/worse said the right way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';
import { headlineFigures, compareHeadlines, FIGURES } from '../../www/data/history/headline.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

/** A report with just what headline.js reads. */
function report({ periods, hasAmounts = true, segments = [['vip', 40], ['at_risk', 12]] }) {
  return {
    input: { has_amounts: hasAmounts },
    period: 'month',
    totals: { customers: 412, repeat_purchase_rate: 30, aov: hasAmounts ? 12.5 : null, revenue: hasAmounts ? 9000 : null, first_date: '2026-01-04', last_date: '2026-03-18' },
    periods: periods.map(([period, partial, retention]) => ({
      period, partial, retention_rate: retention, churn_rate: retention === null ? null : 100 - retention,
    })),
    segments: segments.map(([id, customers]) => ({ id, name: id, customers })),
  };
}

test('the sample café: retention and churn of October 2026, the last month the log covers in full', () => {
  const sample = engine.analyzeTransactions(engine.sampleTransactions('coffee'), { windowDays: 90, period: 'month', lang: 'en' });
  assert.equal(sample.periods.at(-1).period, '2026-11');
  assert.equal(sample.periods.at(-1).partial, true);
  const figures = headlineFigures(sample);
  assert.equal(figures.period, '2026-10');
  assert.equal(figures.period_kind, 'month');
  assert.ok(Math.abs(figures.retention_rate - 84.2697) < 1e-3, `retention ${figures.retention_rate}`);
  assert.ok(Math.abs(figures.churn_rate - 15.7303) < 1e-3, `churn ${figures.churn_rate}`);
  assert.equal(figures.customers, 600);
  assert.ok(Math.abs(figures.repeat_purchase_rate - 63.6667) < 1e-3);
  assert.ok(Math.abs(figures.aov - 7.5558) < 1e-3);
  assert.ok(Math.abs(figures.revenue - 87050.2) < 1e-6);
  assert.equal(figures.vip, 35);
  assert.equal(figures.at_risk, 35);
  assert.deepEqual([figures.first_date, figures.last_date, figures.has_amounts], ['2024-09-01', '2026-11-20', true]);
});

test('a report whose periods are all partial falls back to the last one', () => {
  const figures = headlineFigures(report({ periods: [['2026-02', true, 70], ['2026-03', true, 75]] }));
  assert.equal(figures.period, '2026-03');
  assert.equal(figures.retention_rate, 75);
});

test('a complete period after a partial one is the headline one', () => {
  const figures = headlineFigures(report({ periods: [['2026-01', false, null], ['2026-02', false, 81], ['2026-03', true, 90]] }));
  assert.equal(figures.period, '2026-02');
  assert.deepEqual([figures.retention_rate, figures.churn_rate], [81, 19]);
});

test('a rate the engine left null stays null, and so does everything without periods', () => {
  assert.equal(headlineFigures(report({ periods: [['2026-01', false, null]] })).retention_rate, null);
  const empty = headlineFigures(report({ periods: [] }));
  assert.deepEqual([empty.period, empty.retention_rate, empty.churn_rate], [null, null, null]);
  assert.equal(empty.customers, 412);
});

test('a log of visits has no money figures; a segment the report lacks is null', () => {
  const figures = headlineFigures(report({ periods: [['2026-02', false, 81]], hasAmounts: false, segments: [['vip', 3]] }));
  assert.deepEqual([figures.aov, figures.revenue, figures.has_amounts], [null, null, false]);
  assert.deepEqual([figures.vip, figures.at_risk], [3, null]);
});

test('retention up is better, churn and customers at risk up are worse', () => {
  const before = headlineFigures(report({ periods: [['2026-02', false, 81]] }));
  const after = { ...headlineFigures(report({ periods: [['2026-03', false, 84]], segments: [['vip', 44], ['at_risk', 15]] })), customers: 455 };
  const changes = Object.fromEntries(compareHeadlines(before, after).map((c) => [c.key, c]));
  assert.deepEqual(Object.keys(changes), FIGURES.map((f) => f.key));
  assert.deepEqual(changes.retention_rate, { key: 'retention_rate', kind: 'percent', ofPeriod: true, before: 81, after: 84, direction: 'up', verdict: 'better' });
  assert.deepEqual([changes.churn_rate.direction, changes.churn_rate.verdict], ['down', 'better']);
  assert.deepEqual([changes.customers.before, changes.customers.after, changes.customers.verdict], [412, 455, 'better']);
  assert.deepEqual([changes.vip.direction, changes.vip.verdict], ['up', 'better']);
  assert.deepEqual([changes.at_risk.direction, changes.at_risk.verdict], ['up', 'worse']);
  assert.deepEqual([changes.aov.direction, changes.aov.verdict], ['same', 'same']);
  assert.equal(changes.customers.ofPeriod, false);
});

test('a change smaller than what the page shows is no change', () => {
  const base = headlineFigures(report({ periods: [['2026-02', false, 81]] }));
  const changes = compareHeadlines(base, { ...base, retention_rate: 81.04, aov: 12.504, customers: 412 });
  assert.ok(changes.every((c) => c.direction === 'same' && c.verdict === 'same'));
  const moved = compareHeadlines(base, { ...base, retention_rate: 80.9 });
  assert.deepEqual(moved.find((c) => c.key === 'retention_rate').verdict, 'worse');
});

test('figures missing on either side are left out, and money when the currencies differ', () => {
  const money = headlineFigures(report({ periods: [['2026-02', false, 81]] }));
  const visits = headlineFigures(report({ periods: [['2026-02', false, 83]], hasAmounts: false }));
  assert.ok(!compareHeadlines(money, visits).some((c) => c.kind === 'money'));
  const apart = compareHeadlines(money, money, { sameMoney: false }).map((c) => c.key);
  assert.deepEqual(apart, ['retention_rate', 'churn_rate', 'customers', 'repeat_purchase_rate', 'vip', 'at_risk']);
});

test('a month\'s rate is never set against a quarter\'s: converted with the engine, or left out', () => {
  const month = { ...headlineFigures(report({ periods: [['2026-02', false, 90]] })), period_kind: 'month' };
  const quarter = { ...headlineFigures(report({ periods: [['2026-Q1', false, 75]] })), period_kind: 'quarter' };
  assert.ok(!compareHeadlines(month, quarter).some((c) => c.ofPeriod), 'without a converter the rates are left out');
  const convert = (key, value, from, to) => engine.convertRate(key, value, from, to);
  const changes = Object.fromEntries(compareHeadlines(month, quarter, { convert }).map((c) => [c.key, c]));
  assert.ok(Math.abs(changes.retention_rate.before - 72.9) < 1e-9, '90 % a month held for a quarter');
  assert.deepEqual(changes.retention_rate.converted, { value: 90, period_kind: 'month' });
  assert.equal(changes.retention_rate.verdict, 'better');
  assert.equal(changes.customers.converted, undefined, 'the whole log\'s figures are not converted');
});
