// Real-browser tests of the talentscan pages, against a running server with the sample
// catalog (tools/browser-tests.sh starts one). Chromium from Debian (/usr/bin/chromium)
// through playwright-core; accessibility checks with axe-core.
//
//   TALENTSCAN_URL=http://127.0.0.1:18300 node --test --test-reporter=spec e2e.mjs
//
// Screenshots go to SCREENSHOT_DIR (default ../../target/screenshots).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const BASE = (process.env.TALENTSCAN_URL || 'http://127.0.0.1:18300').replace(/\/$/, '');
const SHOTS = resolve(process.env.SCREENSHOT_DIR || join(here, '..', '..', 'target', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

mkdirSync(SHOTS, { recursive: true });

let browser;
const axeSummary = [];

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
    console.log('\naxe-core results (violations by impact):');
    for (const line of axeSummary) console.log(`  ${line}`);
  }
});

// ------------------------------------------------------------------ helpers

/** A fresh page that records script errors and CSP violations (both fail the test). */
async function newPage(viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'nl-NL', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.problems = [];
  page.scanPosts = 0;
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(text)) page.problems.push(`CSP: ${text}`);
    else if (m.type() === 'error' && !/status of 4\d\d/.test(text)) page.problems.push(`console error: ${text}`);
  });
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/scans') page.scanPosts += 1;
  });
  return page;
}

async function closePage(page) {
  const problems = page.problems;
  await page.context().close();
  assert.deepEqual(problems, [], `the page had script errors or CSP violations:\n${problems.join('\n')}`);
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Screenshots at phone and desktop width, then back to the size the page had. */
async function shots(page, name) {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(100);
  await shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(100);
  await shot(page, `${name}-desktop`);
  await page.setViewportSize(size);
}

async function stepLabel(page) {
  return (await page.locator('.step-progress .denhaag-form-progress__label').textContent()).trim();
}

async function expectStep(page, n, total = 6, lang = 'nl') {
  const want = lang === 'en' ? `Step ${n} of ${total}` : `Stap ${n} van ${total}`;
  await page.waitForFunction(
    (w) => document.querySelector('.step-progress .denhaag-form-progress__label')?.textContent.trim() === w,
    want,
  );
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-heading', `focus is on the step heading at "${want}"`);
}

async function answerWhereWhen(page, { postcode = '2532', travel = 'fiets-wijk', slots, often = 'week-dagdeel' } = {}) {
  await page.fill('#q-woonplek', postcode);
  if (travel) await page.check(`input[name="q-reizen"][value="${travel}"]`);
  for (const s of slots || ['tue-afternoon', 'wed-morning', 'thu-afternoon', 'sat-morning']) {
    await page.check(`input[name="q-tijden"][value="${s}"]`);
  }
  if (often) await page.check(`input[name="q-hoe-vaak"][value="${often}"]`);
}

async function answerLikes(page, { interests = ['buurt', 'eten-koken', 'ouderen'], skills = ['gastvrijheid', 'luisteren'] } = {}) {
  for (const i of interests) await page.check(`input[name="q-interesses"][value="${i}"]`);
  for (const s of skills) await page.check(`input[name="q-talent-mensen"][value="${s}"]`);
}

/** From step 3 to the end: answer a few optional questions, then finish. */
async function finishScan(page, { consent = false } = {}) {
  await page.check('input[name="q-vfi-sociaal"][value="5"]');
  await page.click('#next-step');
  await expectStep(page, 4);
  await page.check('input[name="q-ervaring"][value="vroeger"]');
  await page.click('#next-step');
  await expectStep(page, 5);
  await page.check('input[name="q-werk"][value="nu-niet"]');
  await page.click('#next-step');
  await expectStep(page, 6);
  if (consent) await page.check('#consent-store');
  await page.click('#finish-scan');
  await page.waitForSelector('#task-list > li');
}

async function completeScan(page, opts = {}) {
  await expectStep(page, 1);
  await answerWhereWhen(page, opts);
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page, opts);
  await page.click('#next-step');
  await expectStep(page, 3);
  await finishScan(page, opts);
}

const taskIds = (page) => page.$$eval('#task-list > li', (els) => els.map((e) => e.dataset.taskId));

async function runAxe(page, name) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  const count = (impact) => result.violations.filter((v) => v.impact === impact).length;
  axeSummary.push(
    `${name}: ${result.violations.length} rule(s) violated — critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`,
  );
  const describe = (v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`;
  for (const v of result.violations.filter((x) => x.impact !== 'serious' && x.impact !== 'critical')) {
    console.log(`axe (${name}, not failing):\n${describe(v)}`);
  }
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.equal(bad.length, 0, `axe-core found serious/critical violations on ${name}:\n${bad.map(describe).join('\n')}`);
}

// ------------------------------------------------------------------ tests

let resident; // the resident page, shared by the first tests

test('1. resident scan on / : errors shown at the question, then ≥5 task cards with reasons', async () => {
  resident = await newPage(DESKTOP);
  const page = resident;
  await page.goto(`${BASE}/`);
  await expectStep(page, 1);
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  await shots(page, 'scan');

  // Required questions left empty: an error summary and errors at the questions.
  await page.click('#next-step');
  await page.waitForSelector('#error-summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'focus moves to the error summary');
  for (const id of ['woonplek', 'tijden']) {
    const err = page.locator(`#q-${id}-error`);
    assert.ok(await err.isVisible(), `error shown at question ${id}`);
    const described = await page.getAttribute(`#q-${id}`, 'aria-describedby');
    assert.ok(described?.split(' ').includes(`q-${id}-error`), `#q-${id} is described by its error (aria-describedby="${described}")`);
  }

  // A postcode outside Den Haag passes the format check here but the API rejects it (422):
  // the error must come back to the postcode question on step 1.
  await answerWhereWhen(page, { postcode: '9999' });
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page);
  await page.click('#next-step');
  await expectStep(page, 3);
  await page.click('#next-step');
  await page.click('#next-step');
  await page.click('#next-step');
  await page.waitForSelector('#finish-scan');
  await page.click('#finish-scan');
  await page.waitForSelector('#q-woonplek-error:not([hidden])');
  assert.equal(await stepLabel(page), 'Stap 1 van 6', 'the API error leads back to step 1');
  assert.equal(await page.getAttribute('#q-woonplek', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#q-woonplek-error'), /postcode/i);
  assert.ok(!(await page.isVisible('#q-tijden-error')), 'no error left at a question that is fine');

  await page.fill('#q-woonplek', '2532');
  await page.click('#next-step');
  await expectStep(page, 2);
  await page.click('#next-step');
  await expectStep(page, 3);
  await finishScan(page);

  // Result: archetype, KKWZ chart with a text alternative, notices, cards.
  assert.match(await page.textContent('#archetype-title'), /^Jij bent De \S+/);
  const chart = page.locator('svg.kkwz-chart[role="img"]');
  assert.equal(await chart.count(), 1, 'one KKWZ chart');
  const chartName = await chart.evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby'))?.textContent || '');
  for (const d of ['Kennen', 'Kunnen', 'Willen', 'Zijn']) assert.match(chartName, new RegExp(`${d}: \\d+ van 100`), `chart label names ${d}`);
  assert.equal(await page.locator('.kkwz-text dt').count(), 4, 'the four values as text');
  assert.equal(await page.locator('.kkwz-text dd').filter({ hasText: /\w{3,}/ }).count(), 4, 'the four explanations as text');
  const notices = await page.locator('.notice-list li').allTextContents();
  assert.ok(notices.some((n) => /advies/i.test(n) && /Servicepunt XL/.test(n)), `the advice notice is shown (got ${JSON.stringify(notices)})`);

  const cards = page.locator('#task-list > li');
  const n = await cards.count();
  assert.ok(n >= 5, `at least 5 task cards (got ${n})`);
  for (let i = 0; i < n; i += 1) {
    const card = cards.nth(i);
    const title = (await card.locator('h3').textContent()).trim();
    assert.ok(title.length > 0, `card ${i + 1} has a title`);
    assert.ok((await card.locator('.reasons li').count()) >= 1, `card "${title}" has at least one reason`);
    assert.ok((await card.locator('.card-org').textContent()).trim().length > 0, `card "${title}" names the organisation`);
  }
  const allText = await page.textContent('#task-list');
  assert.match(allText, /\d+,\d km/, 'distances are written the Dutch way ("1,2 km")');
  assert.match(allText, /(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(ochtend|middag|avond)/, 'slots are written in Dutch ("donderdagmiddag")');
  assert.match(allText, /uur per week/, 'hours per week are shown');
  assert.ok((await page.locator('#task-list a[href^="tel:"], #task-list a[href^="mailto:"]').count()) >= 1, 'contact details are links');
  assert.ok((await page.locator('#training-list > li').count()) >= 1, 'training cards are shown');
  await shots(page, 'result');
  // The top of the result page, for the README (docs/screenshot-scan.png).
  await page.screenshot({ path: join(SHOTS, 'result-desktop-top.png'), fullPage: true, clip: { x: 0, y: 0, width: DESKTOP.width, height: 1400 } });
});

test('2. filters re-rank the tasks without asking the questions again', async () => {
  assert.ok(resident, 'test 1 made the result page');
  const page = resident;
  const before = await taskIds(page);
  const scansBefore = page.scanPosts;
  await page.selectOption('#f-radius', '1');
  assert.equal(await page.isVisible('#f-days'), false, 'the moments are folded away at first');
  await page.click('#f-days-toggle');
  assert.equal(await page.getAttribute('#f-days-toggle', 'aria-expanded'), 'true');
  await page.uncheck('input[name="f-slot"][value="thu-afternoon"]');
  await page.check('input[name="f-slot"][value="mon-morning"]');
  await page.click('#apply-filters');
  await page.waitForFunction(
    (prev) => JSON.stringify([...document.querySelectorAll('#task-list > li')].map((e) => e.dataset.taskId)) !== prev,
    JSON.stringify(before),
  );
  const afterIds = await taskIds(page);
  assert.notDeepEqual(afterIds, before, 'the list of tasks changed');
  assert.equal(page.scanPosts, scansBefore, 'no new scan: the answers were not sent again');
  assert.equal(await page.locator('#questionnaire').count(), 0, 'still on the result view');
  await page.waitForFunction(() => /bijgewerkt/.test(document.getElementById('live')?.textContent || ''));
  const distances = await page.$$eval('#task-list .fact dd', (dds) =>
    dds.map((d) => d.textContent).filter((x) => / km$/.test(x)).map((x) => Number(x.match(/([\d,]+) km$/)[1].replace(',', '.'))),
  );
  assert.ok(distances.every((d) => d <= 1.05), `all distances within 1 km (got ${distances.join(', ')})`);
  assert.match(await page.textContent('#f-days-now'), /maandagochtend/, 'the chosen moments are summed up');
  await closePage(page);
  resident = null;
});

test('3. keyboard only: step 1 of the scan', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1);
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id || '', name: el?.getAttribute('name') || '', value: el?.value || '', type: el?.type || '', tag: el?.tagName };
  });
  // The skip link comes first and jumps to the main content.
  await page.focus('.brand');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the skip link comes before the header link');
  assert.ok(await page.isVisible('.skip-link'), 'the skip link is visible when it has focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');

  await page.focus('#step-heading');
  await page.keyboard.press('Tab');
  assert.equal((await active()).id, 'q-woonplek', 'Tab from the heading reaches the postcode field');
  await page.keyboard.type('2541');
  await page.keyboard.press('Tab');
  let a = await active();
  assert.equal(a.name, 'q-reizen', 'next Tab reaches the travel question');
  await page.keyboard.press('ArrowDown'); // moves to and selects the second option
  a = await active();
  assert.equal(a.value, 'fiets-wijk');
  // Tab on to the first slot checkbox and tick two slots with the space bar.
  for (let i = 0; i < 5 && (await active()).name !== 'q-tijden'; i += 1) await page.keyboard.press('Tab');
  a = await active();
  assert.equal(a.name, 'q-tijden', 'Tab reaches the slot grid');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  const ticked = await page.$$eval('input[name="q-tijden"]:checked', (els) => els.map((e) => e.value));
  assert.deepEqual(ticked, ['mon-morning', 'mon-afternoon']);
  // On to the "Volgende" button and press Enter.
  for (let i = 0; i < 40 && (await active()).id !== 'next-step'; i += 1) await page.keyboard.press('Tab');
  assert.equal((await active()).id, 'next-step', 'Tab reaches the Volgende button');
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement, '::after');
    return s.borderStyle !== 'none' || getComputedStyle(document.activeElement).outlineStyle !== 'none';
  });
  assert.ok(ring, 'the focused button shows a focus ring');
  await page.keyboard.press('Enter');
  await expectStep(page, 2);
  // And back with the keyboard: the answers are kept.
  for (let i = 0; i < 150 && (await active()).id !== 'prev-step'; i += 1) await page.keyboard.press('Tab');
  assert.equal((await active()).id, 'prev-step', 'Tab reaches the Vorige button');
  await page.keyboard.press('Enter');
  await expectStep(page, 1);
  assert.equal(await page.inputValue('#q-woonplek'), '2541', 'answers are kept when going back');
  await closePage(page);
});

test('4. the language switch shows the questions (and the result) in English', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1);
  await page.fill('#q-woonplek', '2532');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Where and when/.test(document.getElementById('step-heading')?.textContent || ''));
  assert.match(await page.textContent('[data-item="woonplek"] label'), /What is your postcode\?/);
  assert.equal(await stepLabel(page), 'Step 1 of 6');
  assert.equal(await page.inputValue('#q-woonplek'), '2532', 'the answer stays after switching language');
  assert.equal(await page.textContent('#lang-switch'), 'Nederlands');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl' && /Waar en wanneer/.test(document.getElementById('step-heading')?.textContent || ''));

  // On the result view the switch scores the same answers again for English texts.
  await page.goto(`${BASE}/`);
  await completeScan(page);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && /^You are The /.test(document.getElementById('archetype-title')?.textContent || ''));
  await page.waitForSelector('#task-list > li');
  assert.match(await page.textContent('.notice-list'), /advice, not a decision/);
  assert.match(await page.textContent('#task-list'), /hours? a week/);
  assert.ok((await page.locator('#task-list > li').count()) >= 5, 'still at least 5 tasks in English');
  await closePage(page);
});

test('5. desk view /balie: store with consent, what-if, compare, carving, print, erase', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/balie`);
  await expectStep(page, 1);
  await answerWhereWhen(page, { postcode: '2541' });
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page);
  await page.click('#next-step');
  await expectStep(page, 3);
  await page.click('#next-step');
  await expectStep(page, 4);
  await page.click('#next-step');
  await expectStep(page, 5);
  await page.click('#next-step');
  await expectStep(page, 6);
  await page.check('input[name="q-uitkering"][value="ja"]'); // adds the allowance notice
  const consent = page.locator('#consent-store');
  assert.ok(await consent.isVisible(), 'the consent checkbox is visible');
  assert.equal(await consent.isChecked(), false, 'consent is not ticked by default');
  assert.match(await page.textContent('label[for="consent-store"]'), /Bewaar mijn antwoorden 30 dagen/);
  await consent.check();
  await page.click('#finish-scan');
  await page.waitForSelector('#task-list > li');
  const scanId = (await page.textContent('#scan-id')).trim();
  assert.match(scanId, /^[0-9a-f-]{8,}$/i, `a scan id is shown (got "${scanId}")`);

  // What-if: only one category.
  const before = await taskIds(page);
  await page.check('input[name="f-category"][value="natuur-groen"]');
  await page.click('#apply-filters');
  await page.waitForFunction(
    (prev) => JSON.stringify([...document.querySelectorAll('#task-list > li')].map((e) => e.dataset.taskId)) !== prev,
    JSON.stringify(before),
  );
  await page.uncheck('input[name="f-category"][value="natuur-groen"]');
  await page.fill('#f-q', 'koffie');
  await page.click('#apply-filters');
  await page.waitForFunction(() => /bijgewerkt/.test(document.getElementById('live')?.textContent || ''));
  await page.waitForSelector('#task-list > li');

  // Compare two tasks, with the score contributions.
  const options = await page.$$eval('#compare-a option', (os) => os.map((o) => o.value));
  assert.ok(options.length >= 3, 'tasks to compare');
  await page.selectOption('#compare-a', options[0]);
  await page.selectOption('#compare-b', options[2]);
  await page.click('#compare-button');
  await page.waitForSelector('#compare-table');
  const heads = await page.$$eval('#compare-table thead th', (ths) => ths.map((t) => t.textContent.trim()));
  assert.equal(heads.length, 3, 'two tasks side by side');
  const explainRows = await page.locator('#compare-table .explain-row').count();
  assert.ok(explainRows >= 3, `explain contributions are compared (${explainRows} rows)`);
  assert.ok((await page.locator('#compare-table .score-row').count()) === 1, 'the total score is compared');

  // Job carving: organisation → role → proposals.
  await page.waitForSelector('#carving-org option[value="buurtkamer-de-kroon"]', { state: 'attached' });
  await page.selectOption('#carving-org', 'buurtkamer-de-kroon');
  await page.waitForSelector('#carving-role option[value="kroon-gastvrouw"]', { state: 'attached' });
  await page.selectOption('#carving-role', 'kroon-gastvrouw');
  await page.fill('#carving-hours', '4');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-out .proposal');
  const proposal = page.locator('#carving-out .proposal').first();
  assert.match(await proposal.textContent(), /Voorstel 1/);
  assert.ok((await proposal.locator('.components li').count()) >= 1, 'a proposal lists its components');
  assert.match(await proposal.textContent(), /uur per week/);
  await shots(page, 'balie');

  // The print summary: hidden on screen, alone on paper.
  assert.ok(await page.isVisible('#print-button'), 'the "Print samenvatting" button is there');
  assert.equal(await page.textContent('#print-button'), 'Print samenvatting');
  assert.equal(await page.isVisible('#print-summary'), false, 'the summary is hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#print-summary'), 'the summary is visible in print');
  for (const sel of ['#filters', '#print-button', '#compare', '#carving', '.site-header', '.site-footer', '#erase-scan', '#task-list']) {
    assert.equal(await page.isVisible(sel), false, `${sel} is hidden in print`);
  }
  const summary = await page.textContent('#print-summary');
  assert.match(summary, /Samenvatting Talent Scan/);
  assert.match(summary, /Datum: \d{1,2} \w+ \d{4}/, 'the summary is dated');
  assert.match(summary, /Jij bent De \S+/, 'the summary shows the persona');
  assert.match(summary, /Contact: .+(@|\d{3})/, 'the summary shows contact details of the tasks');
  assert.ok(summary.includes(scanId), 'the summary shows the scan number');
  assert.match(summary, /uitkering/i, 'the summary shows the allowance notice for people on a benefit');
  const pdf = await page.pdf({ path: join(SHOTS, 'balie-summary.pdf'), format: 'A4', printBackground: true });
  const pages = /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)/.exec(pdf.toString('latin1'));
  assert.equal(Number(pages?.[1] || pages?.[2]), 1, 'the summary fits on one A4 page');
  await page.screenshot({ path: join(SHOTS, 'balie-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  await runAxe(page, '/balie (result, compare, carving)');

  // Erase now.
  await page.click('#erase-scan');
  await page.waitForSelector('#erase-message');
  const status = await page.evaluate(async (id) => (await fetch(`/v1/scans/${id}`)).status, scanId);
  assert.equal(status, 404, 'the stored scan is gone after "Wis mijn antwoorden nu"');
  await closePage(page);
});

test('6. axe-core: no serious or critical violations on /, the result view and /toegankelijkheid', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1);
  await runAxe(page, '/ (step 1)');
  await page.click('#next-step'); // with errors shown
  await page.waitForSelector('#error-summary:not([hidden])');
  await runAxe(page, '/ (step 1 with errors)');
  await page.goto(`${BASE}/`);
  await completeScan(page, { postcode: '2541' });
  await runAxe(page, '/ (result)');
  await page.setViewportSize(PHONE);
  await runAxe(page, '/ (result, phone width)');
  await closePage(page);

  const a11y = await newPage(DESKTOP);
  await a11y.goto(`${BASE}/toegankelijkheid`);
  assert.match(await a11y.textContent('h1'), /Toegankelijkheid/);
  const text = await a11y.textContent('main');
  for (const must of ['WCAG 2.1', 'WCAG 2.2', 'axe-core', 'toetsenbord', 'Servicepunt XL', '2026']) assert.ok(text.includes(must), `the statement mentions ${must}`);
  await runAxe(a11y, '/toegankelijkheid');
  await shots(a11y, 'toegankelijkheid');
  await closePage(a11y);

  // Every page links the statement from its footer.
  for (const path of ['/', '/balie', '/toegankelijkheid']) {
    const p = await newPage(PHONE);
    await p.goto(`${BASE}${path}`);
    assert.equal(await p.locator('footer a[href="/toegankelijkheid"]').count(), 1, `${path} links /toegankelijkheid in the footer`);
    assert.equal(await p.locator('a.skip-link[href="#main"]').count(), 1, `${path} has a skip link`);
    assert.equal(await p.locator('main').count(), 1, `${path} has one main landmark`);
    await closePage(p);
  }
});

test('7. touch targets are at least 44 × 44 px at phone width', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1);
  const small = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('main button, main .choice, main .slot-cell, main input[type="text"], main select, header button')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.height && (r.width < 44 || r.height < 44)) out.push(`${el.tagName}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  assert.deepEqual(small, [], `targets smaller than 44 px: ${small.join(', ')}`);
  await closePage(page);
});
