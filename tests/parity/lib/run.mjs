// The parity suite's runner: named checks against one fake, run in order, each failing alone.
// A script registers its checks with `check`, then awaits `run`, which prints one line per check and the
// summary "<client>: N passed, N failed" (the line .ci/run shows), and sets the exit code to 1 on any failure.
// Checks run in order because they tell one story (sign in, page, read, write) and later ones may rely on what
// earlier ones wrote; a failed check does not stop the next.

const checks = [];

/**
 * Registers a check.
 * @param {string} name what the check proves, as a sentence.
 * @param {() => Promise<void> | void} body throws (e.g. with node:assert) when the check fails.
 */
export function check(name, body) {
  checks.push({ name, body });
}

/**
 * Runs every registered check and prints the summary.
 * @param {string} client the published client's package name and version, e.g. "amazon-sp-api 1.2.1".
 * @returns {Promise<{passed: number, failed: number}>}
 */
export async function run(client) {
  let passed = 0;
  let failed = 0;
  for (const { name, body } of checks) {
    try {
      await body();
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}`);
      console.log(indent(describe(error)));
    }
  }

  console.log(`${client}: ${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) {
    process.exitCode = 1;
  }

  return { passed, failed };
}

/**
 * A setting the xUnit side passes in, e.g. the fake's base address; fails loudly when it is missing.
 * @param {string} name the environment variable.
 */
export function setting(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`The environment variable ${name} is not set: run this script through Connect.Sdk.Parity.Tests.`);
  }

  return value;
}

function describe(error) {
  if (error instanceof Error) {
    // An HTTP client's error carries the answer; it tells more than the stack.
    const answer = error.response?.data ?? error.body ?? error.details;
    const detail = answer === undefined ? '' : `\nanswer: ${JSON.stringify(answer)}`;
    return `${error.stack ?? error.message}${detail}`;
  }

  return String(error);
}

function indent(text) {
  return text.split('\n').map((line) => `    ${line}`).join('\n');
}
