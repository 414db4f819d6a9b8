// Real-browser tests of the desk view (/balie) beyond the walk-through in e2e.mjs: the
// carving hours check and API errors in the page's own words, comparing two different
// tasks, the scan number in blocks (copy, open with or without dashes), search words that
// match nothing, and the printout after a what-if with the agreed next step.
//
//   TALENTSCAN_URL=http://127.0.0.1:18300 node --test --test-reporter=spec desk.mjs
//
// The stored scans are made through the API (POST /v1/scans with store: true) and opened
// on the page by their number, so these tests do not depend on the questionnaire's steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, DESKTOP, useBrowser, newPage as openPage, closePage, shots, viewShot, runAxe, taskIds, pdfPages, cardOverflow } from './lib.mjs';

/** A scan id: 128 bits as 32 hex digits, with or without the dashes of a UUID. */
const SCAN_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/;

useBrowser('axe-core results on the desk view (violations by impact):');

/** A desk page that may use the clipboard ("Kopieer"). */
const newPage = (viewport = DESKTOP) => openPage(viewport, { clipboard: true });

// ------------------------------------------------------------------ helpers

const RESIDENT = {
  woonplek: '2543', // Bouwlust en Vrederust, near Kookcafé De Gaarde
  reizen: 'fiets-wijk',
  tijden: ['tue-afternoon', 'tue-evening', 'wed-morning', 'sat-morning'],
  'hoe-vaak': 'week-dagdeel',
  interesses: ['eten-koken', 'buurt'],
  'talent-mensen': ['gastvrijheid'],
  'talent-handen': ['koken'],
};

/** Stores a scan through the API (as after the consent box) and returns its id. */
async function storeScan(answers = RESIDENT) {
  const res = await fetch(`${BASE}/v1/scans`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ questionnaire: 'talentscan', version: 1, lang: 'nl', answers, store: true }),
  });
  const body = await res.json();
  assert.ok(res.ok, `POST /v1/scans: ${JSON.stringify(body).slice(0, 400)}`);
  assert.match(body.scan_id, SCAN_ID);
  return body.scan_id;
}

/** Opens /balie and a stored scan by its number, typed as `typed`; waits for the tasks. */
async function openScan(page, typed, { lang = 'nl' } = {}) {
  await page.goto(`${BASE}/balie${lang === 'en' ? '?lang=en' : ''}`);
  await page.waitForSelector('details.resume summary');
  await page.click('details.resume summary');
  await page.fill('#resume-id', typed);
  await page.click('#resume-button');
  await page.waitForSelector('#task-list > li');
  await page.waitForSelector('#compare-a option', { state: 'attached' });
}

async function applyWhatIf(page) {
  const before = JSON.stringify(await taskIds(page));
  const live = await page.textContent('#live');
  await page.click('#apply-filters');
  await page.waitForFunction(
    ([prev, prevLive]) => {
      const ids = JSON.stringify([...document.querySelectorAll('#task-list > li')].map((e) => e.dataset.taskId));
      const now = document.getElementById('live')?.textContent || '';
      return !document.getElementById('result-lists')?.hasAttribute('aria-busy') && (ids !== prev || (now !== prevLive && /bijgewerkt|updated/.test(now)));
    },
    [before, live],
  );
  await page.waitForSelector('#task-list > li');
}

async function chooseRole(page, org, role) {
  await page.waitForSelector(`#carving-org option[value="${org}"]`, { state: 'attached' });
  await page.selectOption('#carving-org', org);
  await page.waitForSelector(`#carving-role option[value="${role}"]`, { state: 'attached' });
  await page.selectOption('#carving-role', role);
}

// ------------------------------------------------------------------ tests

test('6. the scan number in blocks of 4, copied, opened with or without spaces and dashes', async () => {
  const id = await storeScan();
  const bare = id.replace(/-/g, '');
  const blocks = bare.match(/.{4}/g);
  const page = await newPage(DESKTOP);
  const matchBodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/matches') matchBodies.push(r.postDataJSON());
  });

  // A wrong number is caught on the page, in Dutch.
  await page.goto(`${BASE}/balie`);
  await page.click('details.resume summary');
  await page.fill('#resume-id', '1234 abcd');
  await page.click('#resume-button');
  await page.waitForSelector('#resume-error:not([hidden])');
  assert.match(await page.textContent('#resume-error'), /32 tekens/);
  assert.equal(await page.getAttribute('#resume-id', 'aria-invalid'), 'true');
  assert.ok((await page.getAttribute('#resume-id', 'aria-describedby')).split(' ').includes('resume-error'));

  // Spaces between the blocks and capitals, as someone writes it down.
  await openScan(page, `  ${blocks.join(' ').toUpperCase()} `);
  const shown = (await page.textContent('#scan-id')).trim();
  assert.equal(shown, blocks.join('-'), 'the number is shown in 8 blocks of 4');
  assert.equal(await page.getAttribute('#scan-id', 'data-scan-id'), id, 'the real id stays on the element');
  assert.match(await page.textContent('#stored-box'), /Bewaard tot \d{1,2} \w+ \d{4}/);
  // A stored scan is matched by its number (so what is kept with it, such as an announced
  // course nearby, reaches the desk), not by the persona.
  assert.ok(matchBodies.length >= 1);
  for (const b of matchBodies) {
    assert.equal(String(b.scan_id).replace(/-/g, ''), bare, 'POST /v1/matches with the stored scan’s id');
    assert.equal('persona' in b, false, 'and without the persona');
  }

  // Kopieer: the real id goes to the clipboard.
  assert.equal((await page.textContent('#copy-scan-id')).trim(), 'Kopieer');
  await page.click('#copy-scan-id');
  await page.waitForFunction(() => /gekopieerd/.test(document.getElementById('copy-status')?.textContent || ''));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), id);
  await runAxe(page, '/balie (kept scan, number in blocks)');
  await shots(page, 'desk-scan-number');
  await page.locator('#stored-box').screenshot({ path: join(SHOTS, 'desk-scan-number-box.png') });

  // On paper too.
  await page.emulateMedia({ media: 'print' });
  assert.ok((await page.textContent('#print-summary')).includes(blocks.join('-')), 'the printout shows the number in blocks');
  await page.emulateMedia({ media: 'screen' });

  // The grouped form as shown, and the bare 32 characters, open the same scan.
  for (const typed of [blocks.join('-'), bare, id]) {
    await openScan(page, typed);
    assert.equal(await page.getAttribute('#scan-id', 'data-scan-id'), id, `"${typed}" opens the scan`);
  }
  await closePage(page);
});

test('4. compare starts with two different tasks and never lets A = B; contributions in words', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  await openScan(page, id);
  const ids = await page.$$eval('#compare-a option', (os) => os.map((o) => o.value));
  assert.ok(ids.length >= 3, 'tasks to compare');
  let a = await page.inputValue('#compare-a');
  let b = await page.inputValue('#compare-b');
  assert.equal(a, ids[0], 'A is the first task');
  assert.equal(b, ids[1], 'B is the second, different task');
  assert.equal(await page.$eval(`#compare-b option[value="${a}"]`, (o) => o.disabled), true, "A's task cannot be chosen as B");
  assert.equal(await page.$eval(`#compare-a option[value="${b}"]`, (o) => o.disabled), true, "B's task cannot be chosen as A");

  // Choosing B's task as A (e.g. with the keyboard, or by script) moves B to another task.
  await page.$eval('#compare-a', (sel, v) => {
    for (const o of sel.options) o.disabled = false;
    sel.value = v;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  }, b);
  a = await page.inputValue('#compare-a');
  b = await page.inputValue('#compare-b');
  assert.notEqual(a, b, 'A and B stay different');

  // After a what-if the kept choice may move; the two stay different.
  await page.selectOption('#compare-a', ids[1]);
  await page.selectOption('#f-radius', '8');
  await applyWhatIf(page);
  a = await page.inputValue('#compare-a');
  b = await page.inputValue('#compare-b');
  assert.ok(a && b && a !== b, `two different tasks after the what-if (A=${a}, B=${b})`);

  await page.click('#compare-button');
  await page.waitForSelector('#compare-table');
  const text = await page.textContent('#compare-table');
  assert.doesNotMatch(text, /×|\(\d+([.,]\d+)? x /, 'no raw arithmetic (value × weight)');
  assert.match(text, /telt (veel |een beetje )?mee/, 'contributions in words');
  assert.match(text, /\d+% van de score/, 'contributions as a share of the score');
  assert.match(await page.textContent('#compare-table .score-row'), /\d+ van 100 · past/);
  assert.match(await page.textContent('#compare-table .explain-row th'), /^[A-Z][a-z]/, 'feature names in Dutch words');
  // What each task needs first, and how you start.
  assert.equal(await page.textContent('#compare-table .needed-row th'), 'Nodig vooraf');
  assert.match(await page.textContent('#compare-table .needed-row'), /Niets|Nodig vooraf: |Voorwaarde: /);
  assert.equal(await page.textContent('#compare-table .start-row th'), 'Hoe je begint');
  assert.match(await page.textContent('#compare-table .start-row'), /kennismakingsgesprek|maatje|training|proberen|Niets/);
  await page.locator('#compare').screenshot({ path: join(SHOTS, 'desk-compare-box.png') });
  await runAxe(page, '/balie (compare)');
  await closePage(page);
});

test('1. carving hours: checked on the page (0,5–40), API errors in the page language', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  await openScan(page, id);
  await chooseRole(page, 'kookcafe-de-gaarde', 'gaarde-keukenteam');
  assert.match(await page.textContent('#carving-hours-help'), /0,5 tot en met 40 uur/);

  for (const wrong of ['60', '0', 'veel', '-2']) {
    await page.fill('#carving-hours', wrong);
    await page.click('#carving-button');
    await page.waitForSelector('#carving-hours-error:not([hidden])');
    assert.match(await page.textContent('#carving-hours-error'), /van 0,5 tot en met 40/, `"${wrong}" is refused in Dutch`);
    assert.equal(await page.getAttribute('#carving-hours', 'aria-invalid'), 'true');
    assert.ok((await page.getAttribute('#carving-hours', 'aria-describedby')).split(' ').includes('carving-hours-error'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'carving-hours', 'focus goes to the hours');
  }
  assert.equal(page.carvingPosts, 0, 'nothing was sent to the API for wrong hours');
  await page.locator('#carving').screenshot({ path: join(SHOTS, 'desk-carving-error-box.png') });
  await runAxe(page, '/balie (carving, hours error)');
  await shots(page, 'desk-carving-error');

  // A comma works; the error goes away.
  await page.fill('#carving-hours', '7,5');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-out .proposal');
  assert.equal(await page.isVisible('#carving-hours-error'), false);
  const posted = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/carvings') posted.push(JSON.parse(r.postData()));
  });

  // The API's own 422 (its message is English) is shown as the page's Dutch text. The request
  // is changed on its way, so the real API answers with the real pointer.
  await page.route('**/v1/carvings', async (route) => {
    const body = JSON.parse(route.request().postData());
    body.max_hours_per_week = 81;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await page.fill('#carving-hours', '4');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-hours-error:not([hidden])');
  const nl = await page.textContent('#carving');
  assert.match(await page.textContent('#carving-hours-error'), /Vul een aantal uren in van 0,5 tot en met 40/);
  assert.doesNotMatch(nl, /must be|between 0 and 80|hours_per_week/, 'no raw API English');
  assert.equal(posted.at(-1).max_hours_per_week, 4, 'the page itself sent 4 hours');

  // The same in English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#task-list > li'));
  await page.waitForSelector('#carving-org option[value="kookcafe-de-gaarde"]', { state: 'attached' });
  await chooseRole(page, 'kookcafe-de-gaarde', 'gaarde-keukenteam');
  await page.fill('#carving-hours', '4');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-hours-error:not([hidden])');
  assert.match(await page.textContent('#carving-hours-error'), /Fill in a number of hours from 0\.5 to 40/);
  assert.doesNotMatch(await page.textContent('#carving'), /must be|between 0 and 80/);
  await page.unroute('**/v1/carvings');
  await closePage(page);
});

test('2/3. carving follows the what-if distance; fit in words; a helpful message when nothing fits', async () => {
  // Lives 3.7 km from the kookcafé and said 3 km: the what-if widens it to 8 km. Dutch at
  // level B1, so the role's only remote part (B2) is out and every part has a place.
  const id = await storeScan({ ...RESIDENT, woonplek: '2555', taal: 'b1' });
  const page = await newPage(DESKTOP);
  await openScan(page, id);
  await page.selectOption('#f-radius', '8');
  await applyWhatIf(page);
  assert.ok((await taskIds(page)).some((x) => x.startsWith('gaarde-')), 'a kookcafé task is in the list');
  await chooseRole(page, 'kookcafe-de-gaarde', 'gaarde-keukenteam');
  await page.fill('#carving-hours', '8');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-out .proposal');
  const first = page.locator('#carving-out .proposal').first();
  const text = await first.textContent();
  assert.match(text, /Voorstel 1: [\d,]+ uur per week/);
  assert.match(text, /Past (goed|redelijk|een beetje|weinig) \(\d+ van 100\)/, 'the fit in words');
  assert.match(text, /van wat de bewoner zoekt, zit in dit voorstel/, 'what the number means');
  assert.doesNotMatch(text, /Past voor \d+%/);
  assert.ok((await first.locator('.components .part-fit').count()) >= 1, 'each part says how well it fits');
  await first.screenshot({ path: join(SHOTS, 'desk-proposal-box.png') });
  // The announcement counts right: "1 voorstel gemaakt" / "2 voorstellen gemaakt".
  const made = await page.locator('#carving-out .proposal').count();
  await page.waitForFunction((n) => (document.getElementById('live')?.textContent || '') === (n === 1 ? '1 voorstel gemaakt.' : `${n} voorstellen gemaakt.`), made);
  // The chosen proposal goes on the printout (the first, until another is chosen).
  const pick = made > 1 ? 1 : 0;
  await page.locator('#carving-out .pick-proposal').nth(pick).click();
  assert.equal(await page.locator('#carving-out .pick-proposal').nth(pick).getAttribute('aria-pressed'), 'true');
  const parts = await page.locator('#carving-out .proposal').nth(pick).locator('.components li strong').allTextContents();
  await page.emulateMedia({ media: 'print' });
  const onPaper = await page.textContent('#print-proposal');
  for (const part of parts) assert.ok(onPaper.includes(part), `the printout has the chosen proposal's part "${part}"`);
  await page.emulateMedia({ media: 'screen' });

  // Another role clears the proposals; so do wrong hours.
  await page.selectOption('#carving-role', { index: 0 });
  assert.equal(await page.locator('#carving-out > *').count(), 0, 'a new role choice clears the old proposals');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#print-proposal').count(), 0, 'and the printout drops them');
  await page.emulateMedia({ media: 'screen' });
  await page.selectOption('#carving-role', 'gaarde-keukenteam');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-out .proposal');
  await page.fill('#carving-hours', 'veel');
  await page.click('#carving-button');
  await page.waitForSelector('#carving-hours-error:not([hidden])');
  assert.equal(await page.locator('#carving-out > *').count(), 0, 'wrong hours clear the old proposals');
  await page.selectOption('#carving-org', { index: 0 });
  assert.equal(await page.locator('#carving-out > *').count(), 0);
  await chooseRole(page, 'kookcafe-de-gaarde', 'gaarde-keukenteam');

  // Half an hour: nothing fits. The message says what to try.
  await page.fill('#carving-hours', '0,5');
  await page.click('#carving-button');
  await page.waitForSelector('#no-proposals');
  const empty = await page.textContent('#no-proposals');
  assert.match(empty, /Er is geen voorstel dat past/);
  assert.match(empty, /Wat kun je proberen\?/);
  assert.match(empty, /Meer uren/);
  assert.match(empty, /andere rol/);
  // Each part of the role and why it cannot be taken (the API's `uncovered`).
  const why = await page.locator('#uncovered-parts li').allTextContents();
  assert.ok(why.length >= 1, 'the parts that do not fit are listed');
  assert.ok(why.every((x) => /\(.+ uur per week\): \S/.test(x)), `each part with its hours and its reason (got ${JSON.stringify(why)})`);
  await page.locator('#no-proposals').screenshot({ path: join(SHOTS, 'desk-no-proposals-box.png') });

  // Only what would help: a part that is too far away asks for distance, not for hours.
  await page.route(
    '**/v1/carvings',
    (route) =>
      route.fulfill({
        json: {
          budget_hours: 8,
          proposals: [],
          uncovered: [
            { id: 'a', title: 'Bediening tijdens het diner', hours_per_week: 3, essential: true, reason: 'te ver weg' },
            { id: 'b', title: 'Afwassen', hours_per_week: 2, essential: false, reason: 'niet op jouw momenten' },
          ],
        },
      }),
    { times: 1 },
  );
  await page.fill('#carving-hours', '8');
  await page.click('#carving-button');
  // The role's real parts include "Afwassen en de keuken schoonmaken" too: wait for the stub's own reason.
  await page.waitForFunction(() => /diner \(3 uur per week\): te ver weg/.test(document.getElementById('uncovered-parts')?.textContent || ''));
  const tries = await page.textContent('#no-proposals .tries');
  assert.match(tries, /grotere afstand/, 'distance, because a part is too far away');
  assert.match(tries, /Andere dagdelen/, 'moments, because a part is not at the resident’s moments');
  assert.doesNotMatch(tries, /Meer uren/, 'no "more hours" when no reason is about hours');
  assert.match(await page.textContent('#uncovered-parts'), /Bediening tijdens het diner \(3 uur per week\): te ver weg/);
  // The badge is a word of its own for a screen reader: a space before it.
  assert.match(await page.textContent('#uncovered-parts li:first-child'), /te ver weg belangrijk onderdeel van de rol$/);
  await runAxe(page, '/balie (carving, no proposal)');
  await shots(page, 'desk-carving');
  await closePage(page);
});

test('7. a search word that matches nothing says so', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  await openScan(page, id);
  await page.fill('#f-q', 'xyzzyq');
  await applyWhatIf(page);
  await page.waitForSelector('#q-no-match');
  assert.match(await page.textContent('#q-no-match'), /Geen taken gevonden met 'xyzzyq'\. Probeer een ander woord of haal het woord weg\./);
  await page.waitForFunction(() => /Geen taken gevonden/.test(document.getElementById('live')?.textContent || ''));
  await page.locator('#q-no-match').screenshot({ path: join(SHOTS, 'desk-no-match-box.png') });
  await runAxe(page, '/balie (search word without tasks)');
  await shots(page, 'desk-no-match');

  // With fewer hours than the resident's own: the message names that limit and what to widen.
  await page.selectOption('#f-hours', '1');
  await applyWhatIf(page);
  await page.waitForSelector('#q-no-match');
  assert.equal(
    await page.textContent('#q-no-match .q-no-match-text'),
    "Geen taken met 'xyzzyq' binnen je filters (1 uur per week). Probeer meer uren of haal het woord weg.",
  );
  await page.click('#reset-filters');
  await page.waitForFunction(() => !document.getElementById('f-q')?.value);

  // A word that is found: no message.
  await page.fill('#f-q', 'koffie');
  await applyWhatIf(page);
  assert.equal(await page.locator('#q-no-match').count(), 0, 'no message when the word is found');

  // English.
  await page.fill('#f-q', 'xyzzyq');
  await applyWhatIf(page);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.fill('#f-q', 'xyzzyq');
  await applyWhatIf(page);
  await page.waitForSelector('#q-no-match');
  assert.match(await page.textContent('#q-no-match'), /No tasks found with 'xyzzyq'\. Try another word or remove the word\./);
  await closePage(page);
});

test('8. the printout after a what-if: what changed, each task with reasons, the agreed next step, only the summary', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  await openScan(page, id);

  // Before any change: the printout says nothing was changed.
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.textContent('#print-changes'), /Niets veranderd/);
  await page.emulateMedia({ media: 'screen' });

  await page.selectOption('#f-radius', '8');
  await page.check('input[name="f-slot"][value="mon-morning"]');
  await page.uncheck('input[name="f-slot"][value="sat-morning"]');
  await page.selectOption('#f-hours', '4');
  await page.fill('#f-q', 'koffie');
  await applyWhatIf(page);
  const step = 'Bewoner belt dinsdag met Naima van Kookcafé De Gaarde.\nKennismaking op 12 januari.';
  await page.fill('#agreed-step', step);
  await shots(page, 'desk-print-panel');
  await page.locator('#print-panel').screenshot({ path: join(SHOTS, 'desk-print-panel-box.png') });

  await page.emulateMedia({ media: 'print' });
  const summary = await page.textContent('#print-summary');
  const changes = await page.textContent('#print-changes');
  assert.match(changes, /Afstand: tot 8 km \(eigen antwoord: tot 3 km\)/);
  assert.match(changes, /Dagdelen erbij: maandagochtend/);
  assert.match(changes, /Dagdelen eraf: zaterdagochtend/);
  assert.match(changes, /Uren: 4 uur per week \(eigen antwoord: [\d,]+ uur per week\)/);
  assert.match(changes, /Zoekwoorden: 'koffie' \(taken met dit woord staan bovenaan\)/, 'the search word lifts tasks, it does not filter');
  const tasks = await page.locator('#print-summary .print-tasks > li').count();
  assert.ok(tasks >= 3, `tasks on paper (${tasks})`);
  assert.equal(await page.locator('#print-summary .print-tasks > li .print-why').count(), tasks, 'every task has its reasons');
  assert.match(summary, /Afgesproken volgende stap/);
  assert.equal(await page.textContent('#print-agreed-text'), step, 'the agreed next step is printed as typed');
  assert.equal(await page.isVisible('#agreed-step'), false, 'the text field itself is not printed');

  // Nothing but the summary is on paper: no buttons, fields, advice or panels.
  const outside = await page.evaluate(() => {
    const summaryEl = document.getElementById('print-summary');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || summaryEl.contains(n)) continue;
      const el = n.parentElement;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width > 1 && r.height > 1 && cs.visibility !== 'hidden' && cs.display !== 'none') out.push(`${el.tagName}#${el.id}.${el.className}: ${n.textContent.trim().slice(0, 60)}`);
    }
    for (const el of document.querySelectorAll('button, input, select, textarea')) {
      const r = el.getBoundingClientRect();
      if (r.width > 1 && r.height > 1) out.push(`${el.tagName}#${el.id}`);
    }
    return out;
  });
  assert.deepEqual(outside, [], 'only the summary is printed');
  const pdf = await page.pdf({ path: join(SHOTS, 'desk-summary.pdf'), format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the summary fits on one A4 page');
  await page.screenshot({ path: join(SHOTS, 'desk-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Back to the resident's own answers: the printout says so again.
  await page.click('#reset-filters');
  await page.waitForFunction(() => /Niets veranderd/.test(document.getElementById('print-changes')?.textContent || ''));
  await runAxe(page, '/balie (print panel)');
  await closePage(page);
});

test('9. a scan with parts nobody asked about: "niet gevraagd", no archetype, on screen and on paper', async () => {
  // Only a place, moments and an interest: as the API then says, no archetype and the four
  // parts in `unknown`.
  const id = await storeScan({ woonplek: '2532', tijden: ['tue-morning', 'thu-morning'], interesses: ['eten-koken'] });
  const page = await newPage(DESKTOP);
  await page.route(`**/v1/scans/${id}`, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    delete body.archetype;
    body.unknown = ['kkwz.kennen', 'kkwz.kunnen', 'kkwz.willen', 'kkwz.zijn'];
    await route.fulfill({ response: res, json: body });
  });
  await openScan(page, id);
  assert.equal(await page.locator('#archetype-title').count(), 0, 'no "Jij bent …"');
  await page.click('#kkwz-details summary');
  const rows = await page.locator('#kkwz-details .kkwz-text dt').allTextContents();
  for (const r of rows) assert.match(r, /^(Kennen|Kunnen|Willen|Zijn): niet gevraagd/, `"niet gevraagd", not a score (got "${r}")`);
  assert.doesNotMatch(await page.textContent('#kkwz-details'), /\d+ \/ 100|50 van 100/);
  // Nothing answered about distance or hours: no limit, and the box says so.
  assert.equal(await page.$eval('#f-radius', (s) => s.selectedOptions[0].textContent), 'Geen grens (niet ingevuld)');
  assert.equal(await page.$eval('#f-hours', (s) => s.selectedOptions[0].textContent), 'Geen grens (niet ingevuld)');
  await runAxe(page, '/balie (parts nobody asked about)');
  await page.emulateMedia({ media: 'print' });
  const paper = await page.textContent('#print-summary');
  assert.doesNotMatch(paper, /Jij bent/);
  assert.match(paper, /Kennen: niet gevraagd/);
  assert.doesNotMatch(paper, /Kennen \d+\/100/);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(DESKTOP);
  await viewShot(page, 'desk-top-1280');
  await closePage(page);
});

test('10. desk cards keep their text at 1280 and 1024 px; the moments fit; a search word lifts tasks; courses on paper only for the printed tasks', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  // The API will name the search word's reason `search` instead of `text`: the page reads both.
  await page.route('**/v1/matches', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    for (const x of body.tasks || []) for (const r of x.reasons || []) if (r.code === 'text') r.code = 'search';
    await route.fulfill({ response: res, json: body });
  });
  await openScan(page, id);
  for (const size of [DESKTOP, { width: 1024, height: 768 }]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    assert.deepEqual(await cardOverflow(page), [], `at ${size.width} px no element inside a task card is wider than the card`);
    const days = await page.evaluate(() => {
      const box = document.getElementById('f-days').getBoundingClientRect();
      const cells = [...document.querySelectorAll('#f-days tr > :last-child')].map((c) => c.getBoundingClientRect().right);
      return { right: box.right, last: Math.max(...cells), head: document.querySelector('#f-days thead th:last-child').textContent.trim() };
    });
    assert.equal(days.head, 'avond');
    assert.ok(days.last <= days.right + 1, `at ${size.width} px the "avond" column is inside the moments box (${Math.round(days.last)} ≤ ${Math.round(days.right)})`);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= size.width, `nothing scrolls sideways at ${size.width} px (${w})`);
    await page.locator('#task-list > li').first().scrollIntoViewIfNeeded();
    await viewShot(page, `desk-cards-${size.width}`);
    await page.locator('#f-days').scrollIntoViewIfNeeded();
    await viewShot(page, `desk-moments-${size.width}`);
  }
  await page.setViewportSize(DESKTOP);

  // The search word re-ranks, it does not filter: say so.
  await page.fill('#f-q', 'ontbijt');
  await applyWhatIf(page);
  await page.waitForSelector('#q-on-top');
  assert.equal(await page.textContent('#q-on-top'), 'Taken met ‘ontbijt’ staan bovenaan. Daaronder staan de andere taken die passen.');
  assert.equal(await page.locator('#q-no-match').count(), 0, 'a word that is found (reason code "search") gives no "not found"');
  assert.match(await page.textContent('#f-q-help'), /Taken met dit woord komen bovenaan/);
  await page.locator('#task-count').scrollIntoViewIfNeeded();
  await viewShot(page, 'desk-search-on-top');

  // On paper: only courses for the printed tasks (no learning goals here), each with why.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('#print-summary .print-tasks > li > strong').allTextContents();
  const courses = await page.$$eval('#print-trainings > li', (ls) => ls.map((l) => l.querySelector('.print-course-why')?.textContent || ''));
  assert.ok(courses.length >= 1, 'the sample has a course for a printed task');
  for (const why of courses) {
    assert.match(why, /^Waarom: (Nodig|Handig) voor: /, `each course with its first reason (got "${why}")`);
    assert.ok(printed.some((title) => why.includes(title)), `"${why}" is for a printed task`);
  }
  const pdf = await page.pdf({ path: join(SHOTS, 'desk-summary-courses.pdf'), format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the summary still fits on one A4 page');
  await page.emulateMedia({ media: 'screen' });
  await runAxe(page, '/balie (search word on top)');
  await closePage(page);
});

// ------------------------------------------------------------------ closing the loop at the desk

/** On /balie: only the questions that are needed (place, moments, an interest), then the advice. */
async function deskRequiredOnly(page, { postcode = '2543', slots = ['tue-afternoon', 'tue-evening', 'wed-morning', 'sat-morning'], interests = ['eten-koken'], open = true } = {}) {
  const step = (n) =>
    page.waitForFunction((w) => document.querySelector('.step-progress .denhaag-form-progress__label')?.textContent.trim() === w, `Stap ${n} van 6`);
  if (open) await page.goto(`${BASE}/balie`);
  await step(1);
  await page.fill('#q-woonplek', postcode);
  for (const s of slots) await page.check(`input[name="q-tijden"][value="${s}"]`);
  await page.click('#next-step');
  await step(2);
  for (const i of interests) await page.check(`input[name="q-interesses"][value="${i}"]`);
  for (let n = 3; n <= 6; n += 1) {
    while (await page.$('#next-question')) await page.click('#next-question');
    await page.click('#next-step');
    await step(n);
  }
  // Only the desk stores a scan, so only the desk asks about a message for a course nearby
  // (an optional question, right above the consent to store).
  const course = page.locator('[data-item="cursus-bericht"]');
  assert.equal(await course.count(), 1, 'the desk asks cursus-bericht');
  assert.match(await course.locator('legend').textContent(), /^Wil je een bericht als er een cursus bij jou in de buurt komt\?/);
  await page.click('#finish-scan');
  await page.waitForSelector('#task-list > li');
}

test('11. "Ik wil dit proberen" at the desk: the form speaks to the employee, recorded_by desk, sent and erased', async () => {
  const page = await newPage(DESKTOP);
  const posted = [];
  const matchIds = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/responses') posted.push(r.postDataJSON());
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/v1/matches' && r.ok()) matchIds.push((await r.json().catch(() => ({}))).match_id);
  });
  await deskRequiredOnly(page);
  const card = page.locator('#task-list > li').first();
  const taskId = await card.getAttribute('data-task-id');
  const org = (await card.locator('.card-org').textContent()).trim();
  assert.ok((await card.locator('.respond-lead').textContent()).includes(`Liever dat ${org} de bewoner belt of mailt?`));
  // "Annuleer" closes the form and goes back to the button.
  await card.locator('.respond-open').click();
  await card.locator('.respond-cancel').click();
  assert.equal(await card.locator('.respond-form').isVisible(), false);
  assert.equal(await card.locator('.respond-open').getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('respond-open')), true, 'focus back on the button');
  await card.locator('.respond-open').click();
  const form = card.locator('.respond-form');
  await form.waitFor();
  assert.equal(await form.locator('label[for$="-name"]').textContent(), 'Naam van de bewoner (nodig)');
  const consent = await form.locator('.respond-consent').textContent();
  assert.ok(consent.includes(`De bewoner geeft toestemming dat ${org} de naam en contactgegevens van de bewoner krijgt om contact op te nemen.`), consent);
  assert.match(consent, /Vraag het de bewoner eerst\. De Talent Scan bewaart de gegevens 30 dagen/);
  // The employee types someone else's details: the browser does not fill in earlier ones.
  for (const name of ['name', 'email', 'phone']) assert.equal(await form.locator(`input[name="${name}"]`).getAttribute('autocomplete'), 'off', `${name}: no autofill at the desk`);

  // Sent empty: the problems in words for the employee, focus on the first.
  await form.locator('.respond-submit').click();
  await form.locator('[data-field="name"] > .utrecht-form-field-error-message:not([hidden])').waitFor();
  assert.equal(await form.locator('[data-field="name"] > .utrecht-form-field-error-message').textContent(), 'Vul de naam van de bewoner in.');
  assert.equal(await form.locator('[data-field="contact"] > .utrecht-form-field-error-message').textContent(), 'Er is nog geen e-mailadres of telefoonnummer van de bewoner ingevuld.');
  assert.match(await form.locator('[data-field="consent"] > .utrecht-form-field-error-message').textContent(), /^Zet alleen een vinkje als de bewoner dit goed vindt/);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'name');
  assert.equal(posted.length, 0);
  await runAxe(page, '/balie ("Ik wil dit proberen" with errors)');
  await form.screenshot({ path: join(SHOTS, 'desk-respond-form-errors.png') });

  // A phone number the API refuses, then a good one: only a phone, no e-mail.
  await form.locator('input[name="name"]').fill('Bewoner Balie');
  await form.locator('input[name="phone"]').fill('12');
  await form.locator('input[name="consent"]').check();
  await form.locator('.respond-submit').click();
  await form.locator('[data-field="phone"] > .utrecht-form-field-error-message:not([hidden])').waitFor();
  assert.match(await form.locator('[data-field="phone"] > .utrecht-form-field-error-message').textContent(), /^Dit telefoonnummer klopt niet/);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'phone');
  await form.locator('input[name="phone"]').fill('070 123 45 67');
  await form.locator('.respond-submit').click();
  const sent = card.locator('.respond-sent');
  await sent.waitFor();
  const body = posted.at(-1);
  assert.equal(body.recorded_by, 'desk', 'the desk says it entered the response');
  assert.equal(body.match_id, matchIds.at(-1));
  assert.equal(body.task_id, taskId);
  assert.deepEqual(body.contact, { name: 'Bewoner Balie', phone: '070 123 45 67' });
  assert.ok((await sent.textContent()).includes(`De gegevens zijn verstuurd naar ${org}.`));
  assert.ok((await sent.textContent()).includes(`${org} neemt contact op met de bewoner.`));
  // The desk keeps the erase token in the page's memory only.
  assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie]), [0, 0, '']);
  await runAxe(page, '/balie (response sent)');
  await card.scrollIntoViewIfNeeded();
  await sent.screenshot({ path: join(SHOTS, 'desk-respond-sent.png') });

  // A what-if re-ranks the list: the card still knows it was sent.
  await page.selectOption('#f-radius', '8');
  await applyWhatIf(page);
  const still = page.locator(`#task-list > li[data-task-id="${taskId}"] .respond-sent`);
  assert.equal(await still.count(), 1, 'the confirmation stays on the card after a what-if');

  // Erase for the resident.
  await still.locator('.respond-erase').click();
  await page.locator(`#task-list > li[data-task-id="${taskId}"] .respond-erased`).waitFor();
  assert.ok((await page.textContent(`#task-list > li[data-task-id="${taskId}"] .respond-erased`)).includes(`De gegevens zijn gewist. ${org} kan ze niet meer zien`));
  await closePage(page);
});

test('12. "Opnieuw" for the next resident keeps the last resident’s stored scan', async () => {
  const id = await storeScan();
  const page = await newPage(DESKTOP);
  await openScan(page, id);
  await page.click('#restart');
  // The next resident, without consent to store: the last resident's scan is not theirs to erase.
  await deskRequiredOnly(page, { open: false });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#stored-box:not([hidden])').count(), 0, 'nothing stored for this resident');
  assert.equal((await fetch(`${BASE}/v1/scans/${id}`)).status, 200, 'the last resident’s stored scan is still there');
  await closePage(page);
});
