// The Rust API's browser tests (tests/browser.rs) in each browser engine the
// cross-engine suites use: Chromium, Firefox and WebKit (tests/js/engines/driver.mjs).
//
// `wasm-pack test --headless --chrome` drives the page through chromedriver, which on
// this 2-core machine sometimes never gets past "Loading scripts..." (the page waits
// for the renderer's 300 s timeout, and no test runs). So wasm-bindgen's own test
// runner only serves the page here (its interactive mode, `NO_HEADLESS`), and each
// engine in turn opens it through the driver-neutral layer, waits for the summary
// line and reads the report. The tests are built once; the runner keeps serving the
// same page to every engine. The tests, the runner and the page are wasm-bindgen's;
// only the driver is ours.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib.mjs';

/** The engines `npm test` runs the tests in, in this order. */
export const WASM_TEST_ENGINES = ['chromium', 'firefox', 'webkit'];

const SERVED = /available at (http:\/\/[\d.:]+)/;
const SUMMARY = /test result: (ok|FAILED)\. (\d+) passed; (\d+) failed; (\d+) ignored; (\d+) filtered out/;

/**
 * How many tests tests/browser.rs declares: a summary with fewer passed (an
 * empty run says "ok. 0 passed") is a failure.
 */
export function declaredTests() {
  return readFileSync(join(root, 'tests/browser.rs'), 'utf8').match(/^\s*#\[wasm_bindgen_test\]/gm)?.length ?? 0;
}

/**
 * Runs the `browser` test target in each of `engines`; `env` reaches the
 * build (the test servers' origins). Resolves with each engine's report, or
 * rejects naming the engines that failed; every engine runs either way. The
 * tests take seconds. A run that fails or shows no summary in `minutes` is
 * shown and run once more in that engine, with a fresh browser and a fresh
 * runner; the summary says when an engine passed only on its second run.
 * (Seen in CI runs on fresh machines, never here: the page's output stopped
 * before the first test; the runner's first page took over 30 s to load.)
 */
export async function wasmBrowserTests(env, { minutes = 4, engines = WASM_TEST_ENGINES } = {}) {
  const expected = declaredTests();
  const reports = {};
  const results = [];
  const failed = [];
  let runner = await serve(env);
  try {
    for (const engine of engines) {
      console.log(`\n--- tests/browser.rs in ${engine}`);
      const started = Date.now();
      const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
      try {
        let report;
        let retried = '';
        try {
          report = await runIn(engine, runner.url, minutes, expected);
        } catch (error) {
          // Once more, with a fresh browser and a fresh runner, whatever the first
          // run's trouble was: a browser that never started on a fresh machine, a
          // page that stopped, or a failed test. A real failure fails twice; a
          // pass on the second run is printed beside the first run's error.
          const why = error.hung ? `no summary after ${minutes} minutes; what the page showed:\n${error.shown}` : error.message;
          console.log(`\n[${engine}] First run: ${why}\n[${engine}] Running the tests once more.`);
          runner.stop();
          runner = await serve(env);
          retried = `; passed on its second run, the first: ${why.split('\n')[0]}`;
          report = await runIn(engine, runner.url, minutes, expected);
        }
        reports[engine] = report;
        results.push(`${engine}: ${SUMMARY.exec(report)[0]} (${seconds()}${retried})`);
      } catch (error) {
        console.log(`\n[${engine}] ${error.message}${error.hung ? `; what the page showed:\n${error.shown}` : ''}`);
        failed.push(engine);
        results.push(`${engine}: FAILED, ${error.message.split('\n')[0]} (${seconds()})`);
      }
    }
  } finally {
    runner.stop();
  }
  console.log(`\ntests/browser.rs (${expected} tests):\n${results.map((line) => `  ${line}`).join('\n')}`);
  if (failed.length) throw Object.assign(new Error(`tests/browser.rs failed in ${failed.join(', ')}:\n${results.join('\n')}`), { engines: failed, reports });
  return reports;
}

/**
 * Builds the tests (once: later calls find them built) and has
 * wasm-bindgen-test-runner serve them; resolves with the page's URL and
 * `stop()`, which ends the runner.
 */
async function serve(env) {
  const runner = spawn('cargo', ['test', '--target', 'wasm32-unknown-unknown', '--features', 'wallet-bridge', '--test', 'browser'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner',
      NO_HEADLESS: '1',
      WASM_BINDGEN_TEST_ADDRESS: '127.0.0.1:0',
    },
  });
  const stop = () => {
    try {
      process.kill(-runner.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      const seen = (chunk) => {
        process.stdout.write(chunk);
        output += chunk;
        const found = SERVED.exec(output);
        if (found) resolve(found[1]);
      };
      runner.stdout.on('data', seen);
      runner.stderr.on('data', seen);
      runner.on('error', reject);
      runner.on('close', (code) => reject(new Error(`the test build ended (${code}) before serving the tests`)));
    });
    return { url, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/** Opens the served page in `engine`, waits for the summary; resolves with the report if all `expected` tests passed. */
async function runIn(engine, url, minutes, expected) {
  // Imported here: on a fresh machine the drivers arrive with setup(), after this module loads.
  const { launchEngine } = await import('../tests/js/engines/driver.mjs');
  let browser;
  try {
    browser = await launchEngine(engine);
    const page = await browser.newPage();
    const shown = () => page.evaluate(() => document.getElementById('output')?.textContent ?? '');
    // The page's load event comes before the wasm is instantiated, so the tests run after goto.
    // The runner's first page can take longer than a navigation's usual 30 s (seen in CI).
    await page.goto(url, { timeout: minutes * 60_000 });
    // Not the driver's 25 ms waitFor: four minutes of that would take CPU from the tests.
    const end = Date.now() + minutes * 60_000;
    let report = await shown();
    while (!SUMMARY.test(report)) {
      if (Date.now() > end) {
        const body = await page.evaluate(() => document.body?.innerText ?? '').catch(() => report);
        throw Object.assign(new Error(`no summary after ${minutes} minutes`), { hung: true, shown: body });
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
      report = await shown();
    }
    console.log(report);
    const [, verdict, passed, failed] = SUMMARY.exec(report);
    if (verdict !== 'ok' || Number(failed) > 0) throw Object.assign(new Error(`${failed} of the tests failed`), { output: report });
    if (Number(passed) !== expected) throw Object.assign(new Error(`${passed} tests passed, tests/browser.rs declares ${expected}`), { output: report });
    return report;
  } finally {
    await browser?.close().catch(() => {});
  }
}
