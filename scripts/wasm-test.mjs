// The Rust API's browser tests (tests/browser.rs) in the Chromium the other suites use.
//
// `wasm-pack test --headless --chrome` drives the page through chromedriver, which on
// this 2-core machine sometimes never gets past "Loading scripts..." (the page waits
// for the renderer's 300 s timeout, and no test runs). So wasm-bindgen's own test
// runner only serves the page here (its interactive mode, `NO_HEADLESS`), and
// playwright-core opens it, waits for the summary line and reads the report. The
// tests, the runner and the page are wasm-bindgen's; only the driver is ours.
import { spawn } from 'node:child_process';
import { root } from './lib.mjs';

const SERVED = /available at (http:\/\/[\d.:]+)/;
const SUMMARY = /test result: (ok|FAILED)\./;

/**
 * Runs the `browser` test target; `env` reaches the build (the test servers'
 * origins). Resolves with the report, or rejects with it. The tests take
 * seconds; a run that shows no summary in `minutes` (seen once in a CI run,
 * not reproducible: the page's output stopped before the first test) is
 * shown and run once more. A run that reports a failure is not.
 */
export async function wasmBrowserTests(env, { minutes = 4 } = {}) {
  try {
    return await runOnce(env, minutes);
  } catch (error) {
    if (!error.hung) throw error;
    console.log(`\nNo summary after ${minutes} minutes; what the page showed:\n${error.shown}\nRunning the tests once more.`);
    return runOnce(env, minutes);
  }
}

async function runOnce(env, minutes) {
  const runner = spawn('cargo', ['test', '--target', 'wasm32-unknown-unknown', '--test', 'browser'], {
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
  let browser;
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
    // Imported here: on a fresh machine playwright-core arrives with setup(), after this module loads.
    const { launch } = await import('../tests/js/harness.mjs');
    browser = await launch();
    const page = await browser.newPage();
    const output = page.locator('#output');
    await page.goto(url, { waitUntil: 'commit' }); // the tests run before the page's load event
    try {
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.getElementById('output')?.textContent ?? ''), SUMMARY.source, { timeout: minutes * 60_000 });
    } catch (error) {
      const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      throw Object.assign(error, { hung: true, shown });
    }
    const report = await output.textContent();
    console.log(report);
    if (SUMMARY.exec(report)?.[1] !== 'ok') throw Object.assign(new Error('wasm browser tests failed'), { output: report });
    return report;
  } finally {
    await browser?.close();
    stop();
  }
}
