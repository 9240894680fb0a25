// Wrong arguments through the real build: every one is a coded Error, never
// a trap, a raw message from the glue, or a reply as large as the input.
// Run by `npm test` (node --test tests/js/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as engine from '../../www/pkg/retention_metrics.js';

engine.initSync({ module: readFileSync(new URL('../../www/pkg/retention_metrics_bg.wasm', import.meta.url)) });

/** The Error a call throws, which must carry a code. */
function thrown(call) {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.equal(typeof error.code, 'string', `a code on: ${error.message}`);
    return error;
  }
  assert.fail('expected an Error');
}

test('a metric id that is not text is an unknown metric, and the module still works', () => {
  for (const id of [5, {}, null, undefined, [1], true]) {
    assert.equal(thrown(() => engine.compute(id, {})).code, 'unknown_metric', String(id));
  }
  assert.equal(engine.compute('retention_rate', { start: 200, end: 210, new: 30 }).value, 90);
});

test('a buffer already handed to another thread reads as an empty file', () => {
  const buffer = new ArrayBuffer(16);
  structuredClone(buffer, { transfer: [buffer] });
  const error = thrown(() => engine.analyzeTransactions(buffer, {}));
  assert.deepEqual([error.code, error.field], ['no_data', 'file']);
});

test('a file of one endless line: refused at once, previewed in kilobytes', () => {
  const line = 'x'.repeat(5e6);
  assert.equal(thrown(() => engine.analyzeTransactions(line, {})).code, 'missing_column');
  const preview = engine.previewTable(line, {});
  assert.equal(preview.header, null);
  assert.ok(JSON.stringify(preview).length < 2000, 'the preview cuts its cells');
});
