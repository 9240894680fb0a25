// The page's goal arithmetic (www/goals/progress.js), where the what-if
// starts from (www/whatif/start.js), and the engine functions they use:
// the rate conversion, the number reader and whatIf, through the built module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';
import { daysBetween, goalInPeriod, goalStatus, reaches, targetFromChange } from '../../www/goals/progress.js';
import { whatIfStart } from '../../www/whatif/start.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

test('a goal above its start is reached from below, one below it from above', () => {
  const raise = { target: 95, baseline: 90, due: null };
  assert.deepEqual(goalStatus(raise, 92.5, '2026-12-07'), { met: false, gap: 2.5, share: 0.5, daysLeft: null, overdue: false });
  assert.equal(goalStatus(raise, 96, '2026-12-07').met, true);
  assert.equal(goalStatus(raise, 85, '2026-12-07').share, 0, 'worse than the start is no progress, not negative');
  const cut = { target: 8, baseline: 10, due: '2027-01-06' };
  assert.deepEqual(goalStatus(cut, 9, '2026-12-07'), { met: false, gap: 1, share: 0.5, daysLeft: 30, overdue: false });
  assert.equal(reaches(cut, 7.5), true);
  assert.equal(goalStatus(cut, 9, '2027-02-01').overdue, true);
  assert.equal(targetFromChange(10, -10), 9);
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
});

test('a rate goal set per month is compared per quarter after the engine converts it', () => {
  const goal = { target: 95, baseline: 90, period: 'month' };
  const quarterly = goalInPeriod(goal, 'retention_rate', 'quarter', engine.convertRate);
  assert.ok(Math.abs(quarterly.target - 100 * 0.95 ** 3) < 1e-9);
  assert.ok(Math.abs(quarterly.baseline - 72.9) < 1e-9);
  assert.equal(quarterly.convertedFrom, goal);
  assert.equal(goalInPeriod(goal, 'retention_rate', 'month', engine.convertRate), goal, 'the same period is left alone');
  assert.equal(engine.convertRate('net_promoter_score', 50, 'month', 'year'), null, 'only rates have a period');
  assert.equal(engine.convertRate('churn_rate', 10, 'week', 'year'), null);
  assert.ok(Math.abs(engine.convertRate('churn_rate', 10, 'month', 'year') - 71.757046) < 1e-6);
});

test('the number reader reads what a person types, and never guesses', () => {
  assert.equal(engine.readNumber('85,5', { locale: 'pl' }), 85.5);
  assert.equal(engine.readNumber('1 234', { locale: 'en' }), 1234);
  assert.equal(engine.readNumber('', {}), null);
  assert.equal(engine.readNumber('abc', {}), null);
  assert.equal(engine.readNumber('1,234', {}), null, 'ambiguous without a locale');
  assert.equal(engine.readNumber(undefined), null);
});

test('the what-if starts from a result, or from the last full period of a file', () => {
  const result = engine.compute('retention_rate', { start: 200, end: 210, new: 30, period: 'quarter' });
  const typed = new Map([['customer_lifetime_value', { aov: '7', frequency: '100' }]]);
  assert.deepEqual(whatIfStart.fromResult(result, typed), {
    start: { customers: 200, retention: 90, period: 'quarter' },
    borrowed: { visits: '100', aov: '7' },
  });
  const report = engine.analyzeTransactions(engine.sampleTransactions('coffee'), { period: 'month' });
  const { row, start } = whatIfStart.fromReport(report);
  assert.equal(row.partial, false);
  assert.equal(start.customers, row.start);
  assert.equal(start.period, 'month');
  assert.ok(start.visits > 0 && start.aov > 0);
  const worked = engine.whatIf({ ...start, more_retention: 1 });
  assert.ok(worked.changed.clv > worked.now.clv);
  assert.equal(whatIfStart.route('net_promoter_score'), null);
});
