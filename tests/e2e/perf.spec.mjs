// Browser performance, measured and reported, never asserted: paste → annotations latency for
// 10 KB, 100 KB and 1 MB configs, keystroke → next frame in the 1 MB text, and load →
// interactive. Prints a table and writes artifacts/perf.json. Goals reported against: ≤ 16 ms for
// 1 MB (after the debounce) and ≤ 300 ms to interactive. The test fails only on functional errors
// (no result, a page error).
//
// The same method measures the CodeMirror editor and the textarea editor it replaced (run with
// APIFRONT_DIST=<a build of 1aed182> for the "before" column of BENCHMARKS.md):
// - paste: the CodeMirror editor gets a `paste` event carrying the text (what a real paste
//   delivers; the editor is emptied first); the textarea gets its value and an `input` event;
// - done: the status line shows the format and the view is no longer busy (`aria-busy` on the
//   Check view, `editor-stale` on the old editor): findings listed, underlines drawn; then the
//   next animation frame;
// - keystroke: `execCommand('insertText')` at the caret (the browser's own typing path; the
//   editor reads it from the DOM), timed to the frame after it.
// Each paste also records how long its last lint job spent in the worker (from handing the text
// over to the answer arriving): that part runs off the main thread.
import { test, expect } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { template } from './perf-configs.mjs';

const RUNS = 5;
const DEBOUNCE_MS = 120; // LINT_DELAY_MS in src/check/mod.rs
const SIZES = [
  ['10 KB', 10 * 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
];
const EDITOR = '.cm-content, #paste';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => Math.round(x * 10) / 10;

/** Empties the editor and waits for the empty status. */
async function clear(page) {
  await page.evaluate(() => {
    const area = document.querySelector('textarea#paste');
    if (area) {
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
  if (await page.locator('.cm-content').count()) {
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }
  await expect(page.locator('.check .status')).toContainText('Paste a CloudFront configuration');
}

/** Pastes `text` and resolves with the ms until the annotations are shown. */
async function pasteLatency(page, text) {
  return page.evaluate(
    (text) =>
      new Promise((resolve, reject) => {
        const status = document.querySelector('.check .status');
        const busy = () => !!document.querySelector('.check[aria-busy="true"], .editor-stale');
        let sawBusy = false;
        const t0 = performance.now();
        const done = () => {
          if (busy()) {
            sawBusy = true;
            return false;
          }
          return sawBusy && /^(cfn-json|cfn-yaml|cli-json|terraform)\b/.test(status.textContent);
        };
        window.__lintJobs = [];
        const observer = new MutationObserver(() => {
          if (!done()) return;
          const dom = performance.now() - t0;
          observer.disconnect();
          requestAnimationFrame(() => {
            // Read here: the app's own message listener ran before the timing one.
            const job = window.__lintJobs.at(-1);
            const worker = job && job.answer ? job.answer - job.post : null;
            resolve({ dom, frame: performance.now() - t0, worker, status: status.textContent });
          });
        });
        observer.observe(document.querySelector('.check'), {
          subtree: true, attributes: true, childList: true, characterData: true,
        });
        setTimeout(() => { observer.disconnect(); reject(new Error(`no result: ${status.textContent}`)); }, 25_000);
        const content = document.querySelector('.cm-content');
        if (content) {
          const data = new DataTransfer();
          data.setData('text/plain', text);
          content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        } else {
          const area = document.querySelector('#paste');
          area.value = text;
          area.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }),
    text,
  );
}

test('paste → annotations latency and load → interactive', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  // Times each lint job in the worker: from posting the text to the answer's arrival.
  await page.addInitScript(() => {
    window.__lintJobs = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message && typeof message.text === 'string') {
        const job = { post: performance.now(), answer: null };
        window.__lintJobs.push(job);
        this.addEventListener('message', (e) => { job.answer ??= e.timeStamp; }, { once: true });
      }
      return post.call(this, message, ...rest);
    };
  });
  await page.addInitScript((selector) => {
    const seen = new MutationObserver(() => {
      if (document.querySelector(selector) && !window.__apifrontInteractive) {
        window.__apifrontInteractive = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { subtree: true, childList: true });
  }, EDITOR);

  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('./#/check');
    await expect(page.locator(EDITOR)).toBeVisible();
    loads.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          interactive: window.__apifrontInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        };
      }),
    );
  }

  const results = { runs: RUNS, debounceMs: DEBOUNCE_MS, paste: {}, load: {} };
  for (const key of ['interactive', 'domContentLoaded', 'load']) {
    results.load[key] = round(median(loads.map((l) => l[key])));
  }

  for (const [label, bytes] of SIZES) {
    const text = template(bytes);
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      await clear(page);
      samples.push(await pasteLatency(page, text));
    }
    expect(samples[0].status).toMatch(/^cfn-json\b/);
    const dom = median(samples.map((s) => s.dom));
    const frame = median(samples.map((s) => s.frame));
    const worker = samples.every((s) => s.worker !== null) ? median(samples.map((s) => s.worker)) : null;
    results.paste[label] = {
      bytes: text.length,
      rawMs: round(dom),
      minusDebounceMs: round(dom - DEBOUNCE_MS),
      toNextFrameMs: round(frame),
      inWorkerMs: worker === null ? null : round(worker),
      status: samples[0].status,
    };
  }

  // Typing in the 1 MB text: one keystroke starts a lint (after the debounce); the next ones are
  // timed from insertion to the following frame while that lint runs in the worker.
  await page.locator(EDITOR).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('ArrowRight');
  results.typing = await page.evaluate(async (debounce) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const out = { keystrokes: [], linter: document.documentElement.dataset.linter };
    document.execCommand('insertText', false, ' ');
    await sleep(debounce + 10);
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      document.execCommand('insertText', false, ' ');
      await frame();
      out.keystrokes.push(performance.now() - t0);
      await sleep(5);
    }
    return out;
  }, DEBOUNCE_MS);
  results.typing.medianMs = round(median(results.typing.keystrokes));
  results.typing.maxMs = round(Math.max(...results.typing.keystrokes));
  // The browser's own floor: the same keystrokes in a bare textarea holding the same text.
  const big = template(1024 * 1024);
  const bare = await page.context().newPage();
  await bare.setContent('<textarea wrap="off" style="width:600px;height:500px;font:13px monospace"></textarea>');
  const bareKeys = await bare.evaluate(async (text) => {
    const area = document.querySelector('textarea');
    area.value = text;
    area.focus();
    area.setSelectionRange(1, 1);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await frame();
    const out = [];
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      document.execCommand('insertText', false, ' ');
      await frame();
      out.push(performance.now() - t0);
    }
    return out;
  }, big);
  await bare.close();
  results.typing.bareTextareaMedianMs = round(median(bareKeys));

  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/perf.json', JSON.stringify(results, null, 2) + '\n');
  console.log('\nBrowser perf (median of %d runs):', RUNS);
  console.log('  load → interactive: %d ms (goal ≤ 300 ms); DOMContentLoaded %d ms, load %d ms',
    results.load.interactive, results.load.domContentLoaded, results.load.load);
  for (const [label, r] of Object.entries(results.paste)) {
    console.log('  paste %s (%d bytes) → annotations: %d ms raw, %d ms minus the %d ms debounce (%s ms of it in the worker), %d ms to next frame',
      label.padEnd(6), r.bytes, r.rawMs, r.minusDebounceMs, DEBOUNCE_MS, r.inWorkerMs, r.toNextFrameMs);
  }
  console.log('  goal for 1 MB: ≤ 16 ms after the debounce');
  const t = results.typing;
  console.log('  keystroke → frame in the 1 MB text (lint in: %s): median %d ms, max %d ms; a bare textarea: %d ms\n',
    t.linter, t.medianMs, t.maxMs, t.bareTextareaMedianMs);
  expect(errors).toEqual([]);
});
