// The data view's worker client (www/data/client.js) with stand-in workers
// whose answers each test scripts: after an engine panic ("internal") the
// next calls go to a fresh worker, and one section's Cancel ends its own call
// only, the other section's carrying on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDataClient, createSectionRunner, Cancelled } from '../../www/data/client.js';

/**
 * Workers that answer each message with `answer(message)` (a result, an
 * `{ error }`, or undefined to stay busy with it), one at a time, as a real
 * worker runs one engine call after the other.
 */
function fakeWorkers(answer) {
  const started = [];
  function startWorker() {
    const listeners = { message: [], error: [] };
    const worker = {
      received: [],
      terminated: false,
      addEventListener: (type, listener) => listeners[type].push(listener),
      postMessage(message) {
        worker.received.push(message);
        setTimeout(() => {
          if (worker.terminated) return;
          const reply = answer(message, started.indexOf(worker));
          if (reply === undefined) return;
          const data = 'error' in reply ? { id: message.id, error: reply.error } : { id: message.id, result: reply.result };
          for (const listener of listeners.message) listener({ data });
        }, 1);
      },
      terminate() {
        worker.terminated = true;
      },
    };
    started.push(worker);
    return worker;
  }
  return { started, startWorker };
}

const panic = { error: { message: 'The calculator failed.', code: 'internal', field: 'engine' } };

test('after a panic the worker is ended and the next call goes to a fresh one', async () => {
  const workers = fakeWorkers((message) => (message.method === 'breaks' ? panic : { result: `${message.method} done` }));
  const client = createDataClient({ startWorker: workers.startWorker });
  await assert.rejects(client.call('breaks', null, []), (err) => err.code === 'internal');
  assert.equal(workers.started.length, 1);
  assert.equal(workers.started[0].terminated, true, 'the worker that panicked is ended');
  assert.equal(await client.call('analyzeCosts', null, []), 'analyzeCosts done');
  assert.equal(workers.started.length, 2, 'a fresh worker ran the next call');
  assert.equal(workers.started[1].received.length, 1);
});

test('calls queued behind a panic are run again by the fresh worker', async () => {
  // The first worker panics on its first call and would answer nothing else.
  const workers = fakeWorkers((message, worker) => (worker === 0 ? (message.method === 'breaks' ? panic : undefined) : { result: message.args[0] }));
  const client = createDataClient({ startWorker: workers.startWorker });
  const broken = client.call('breaks', null, []);
  const queued = client.call('analyzeSurvey', { kind: 'text', text: '9\n10\n' }, [{ kind: 'nps' }]);
  await assert.rejects(broken, (err) => err.code === 'internal');
  assert.equal(await queued, '9\n10\n');
  assert.equal(workers.started.length, 2);
  assert.deepEqual(workers.started[1].received.map((m) => m.method), ['analyzeSurvey']);
});

test('other errors keep the worker', async () => {
  const workers = fakeWorkers((message) => (message.method === 'refused' ? { error: { message: 'No scores.', code: 'no_data', field: 'score' } } : { result: 1 }));
  const client = createDataClient({ startWorker: workers.startWorker });
  await assert.rejects(client.call('refused', null, []), (err) => err.code === 'no_data' && err.field === 'score');
  assert.equal(await client.call('ok', null, []), 1);
  assert.equal(workers.started.length, 1);
  assert.equal(workers.started[0].terminated, false);
});

test("a call's signal cancels that call alone", async () => {
  // The survey's long run never answers in the first worker; the costs call waits behind it.
  const workers = fakeWorkers((message, worker) => (worker === 0 && message.method === 'analyzeSurvey' ? undefined : { result: message.method }));
  const client = createDataClient({ startWorker: workers.startWorker });
  const controller = new AbortController();
  const survey = client.call('analyzeSurvey', null, [], { signal: controller.signal });
  const costs = client.call('analyzeCosts', null, []);
  await new Promise((resolve) => setTimeout(resolve, 5));
  controller.abort();
  await assert.rejects(survey, (err) => err instanceof Cancelled);
  assert.equal(await costs, 'analyzeCosts', 'the other call carries on in a fresh worker');
  assert.equal(workers.started[0].terminated, true);
  assert.equal(client.busy(), false);
  await assert.rejects(client.call('x', null, [], { signal: controller.signal }), (err) => err instanceof Cancelled);
});

/** A stand-in for the section's box, source input and progress bar. */
function section() {
  const log = [];
  return {
    log,
    box: {
      attributes: {},
      setAttribute(name, value) { this.attributes[name] = value; },
      removeAttribute(name) { delete this.attributes[name]; },
      replaceChildren() { log.push('emptied'); },
    },
    input: { showError: (message) => log.push(`error: ${message}`) },
    show: (report) => log.push(`shown: ${report}`),
    progress: { start: () => log.push('progress start'), stop: () => log.push('progress stop') },
  };
}

test("a section's Cancel ends its run and hides its progress; the section keeps what it showed", async () => {
  const workers = fakeWorkers((message) => (message.args[0] === 'slow' ? undefined : { result: message.args[0] }));
  const client = createDataClient({ startWorker: workers.startWorker });
  const parts = section();
  const runner = createSectionRunner(client, parts);
  assert.equal(await runner.run('analyzeCosts', null, 'first'), 'first');
  const slow = runner.run('analyzeCosts', null, 'slow');
  assert.equal(parts.box.attributes['aria-busy'], 'true');
  runner.cancel();
  assert.equal(await slow, undefined);
  assert.deepEqual(parts.log, ['progress start', 'shown: first', 'progress stop', 'progress start', 'progress stop']);
  assert.equal(parts.box.attributes['aria-busy'], undefined);
});

test('a new run of a section cancels the one before', async () => {
  const workers = fakeWorkers((message) => (message.args[0] === 'slow' ? undefined : { result: message.args[0] }));
  const client = createDataClient({ startWorker: workers.startWorker });
  const parts = section();
  const runner = createSectionRunner(client, parts);
  const first = runner.run('analyzeSurvey', null, 'slow');
  const second = runner.run('analyzeSurvey', null, 'csat');
  assert.equal(await first, undefined);
  assert.equal(await second, 'csat');
  assert.deepEqual(parts.log, ['progress start', 'progress start', 'shown: csat', 'progress stop']);
});
