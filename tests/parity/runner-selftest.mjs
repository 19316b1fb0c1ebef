// The runner's own test: PARITY_SELFTEST_FAIL names checks that must fail; the xUnit side asserts the summary
// and the exit code.
import assert from 'node:assert/strict';
import { check, run, setting } from './lib/run.mjs';

const failing = new Set(setting('PARITY_SELFTEST_FAIL').split(',').filter((name) => name !== '-'));

for (const name of ['first', 'second', 'third']) {
  check(name, async () => {
    assert.equal(failing.has(name), false, `${name} was asked to fail`);
  });
}

await run('runner-selftest');
