// Helpers shared by the browser tests (e2e.mjs, desk.mjs, organisatie.mjs, inzicht.mjs): the browser, pages that record
// script errors and CSP violations, screenshots and axe-core.
//
// Chromium from Debian (/usr/bin/chromium) through playwright-core. TALENTSCAN_URL is the
// running server; screenshots go to SCREENSHOT_DIR (default ../../target/screenshots).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const BASE = (process.env.TALENTSCAN_URL || 'http://127.0.0.1:18300').replace(/\/$/, '');
export const SHOTS = resolve(process.env.SCREENSHOT_DIR || join(here, '..', '..', 'target', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

mkdirSync(SHOTS, { recursive: true });

let browser;
const axeSummary = [];

/** Starts Chromium before the file's tests and closes it after; prints the axe summary. */
export function useBrowser(title = 'axe-core results (violations by impact):') {
  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    if (axeSummary.length) {
      console.log(`\n${title}`);
      for (const line of axeSummary) console.log(`  ${line}`);
    }
  });
}

/**
 * A fresh page that records script errors and CSP violations (both fail the test at
 * closePage), and counts POST /v1/scans (page.scanPosts) and /v1/carvings (page.carvingPosts).
 */
export async function newPage(viewport = DESKTOP, { clipboard = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'nl-NL', reducedMotion: 'reduce' });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.problems = [];
  page.scanPosts = 0;
  page.carvingPosts = 0;
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(text)) page.problems.push(`CSP: ${text}`);
    else if (m.type() === 'error' && !/status of 4\d\d/.test(text)) page.problems.push(`console error: ${text}`);
  });
  page.on('request', (r) => {
    if (r.method() !== 'POST') return;
    const path = new URL(r.url()).pathname;
    if (path === '/v1/scans') page.scanPosts += 1;
    if (path === '/v1/carvings') page.carvingPosts += 1;
  });
  return page;
}

export async function closePage(page) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems, [], `the page had script errors or CSP violations:\n${problems.join('\n')}`);
}

/** A full-page screenshot. */
export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** What a screen of this size shows (no full page): for looking at, not for the archive. */
export async function viewShot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Screenshots at phone and desktop width, then back to the size the page had. */
export async function shots(page, name) {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(100);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(100);
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(size);
}

/**
 * axe-core on the whole page: any serious or critical violation fails the test; with
 * `{ all: true }` any violation at all does (minor and moderate too).
 */
export async function runAxe(page, name, { all = false } = {}) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  const count = (impact) => result.violations.filter((v) => v.impact === impact).length;
  axeSummary.push(
    `${name}: ${result.violations.length} rule(s) violated — critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`,
  );
  const describe = (v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`;
  for (const v of result.violations.filter((x) => !all && x.impact !== 'serious' && x.impact !== 'critical')) {
    console.log(`axe (${name}, not failing):\n${describe(v)}`);
  }
  const bad = result.violations.filter((v) => all || v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, `axe-core found ${all ? '' : 'serious/critical '}violations on ${name}:\n${bad.map(describe).join('\n')}`);
}

/** The task ids of the cards in the list, in order. */
export const taskIds = (page) => page.$$eval('#task-list > li', (els) => els.map((e) => e.dataset.taskId));

/** The number of pages of a PDF made by page.pdf(). */
export function pdfPages(pdf) {
  const m = /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)/.exec(pdf.toString('latin1'));
  return Number(m?.[1] || m?.[2]);
}

/**
 * What sticks out of a task card (`.task-card`, or `selector`): any element inside a card
 * that reaches past the card's edges, or that cuts off its own content (scrollWidth wider
 * than the box with overflow hidden or clipped). [] when every card holds its text.
 */
export function cardOverflow(page, selector = '.task-card') {
  return page.evaluate((sel) => {
    const out = [];
    for (const card of document.querySelectorAll(sel)) {
      const c = card.getBoundingClientRect();
      if (!c.width) continue;
      const name = card.dataset.taskId || card.className;
      const list = card.parentElement.getBoundingClientRect();
      if (c.right > list.right + 1 || c.left < list.left - 1) out.push(`${name}: the card is wider than its list`);
      for (const el of card.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || el.closest('.visually-hidden')) continue;
        const what = `${name}: <${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${el.textContent.trim().slice(0, 40)}"`;
        if (r.right > c.right + 1 || r.left < c.left - 1) out.push(`${what} is ${Math.round(r.width)} px wide and sticks out of the card (${Math.round(c.left)}–${Math.round(c.right)})`);
        const cs = getComputedStyle(el);
        if (/hidden|clip/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) out.push(`${what} cuts off its own text (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return out;
  }, selector);
}
