// Real-browser tests of the insight page (/inzicht): signing in with an insight key (a wrong
// key and an organisation's key in plain words), the last month that is over by default,
// the map of the 44 wijken and the same figures in a table (a suppressed figure as
// "minder dan 10", never 0), recolouring by another figure, needs against offer for a wijk
// and for the city, the CSV files, another month, English and signing out; the unmet demand
// (city and wijk), and the training groups: a proposal from the seeded stored scans,
// announced (the desk then sees the course for a stored scan), withdrawn, as CSV, and the
// empty list.
//
//   TALENTSCAN_INSIGHT_URL=http://127.0.0.1:18301 TALENTSCAN_INSIGHT_KEY=ts_… \
//   TALENTSCAN_INSIGHT_ORG_KEY=ts_… TALENTSCAN_INSIGHT_MONTH=2026-11 \
//   node --test --test-reporter=spec inzicht.mjs
//
// tools/browser-tests.sh runs it against a server of its own: scans with "meetellen: ja"
// posted (tests/browser/seed-insight.mjs) while the server's clock said October and
// November 2026, then the server started with its clock in December 2026, so that
// November 2026 is the last month that is over. Every figure the test expects is read from
// the API with the same key; the seeds only make sure there are shown and hidden ones (and
// unmet demand in Ypenburg, and 8 stored scans that make one training group in Moerwijk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, PHONE, DESKTOP, useBrowser, newPage, closePage, shots, runAxe } from './lib.mjs';

const BASE = (process.env.TALENTSCAN_INSIGHT_URL || process.env.TALENTSCAN_URL || 'http://127.0.0.1:18300').replace(/\/$/, '');
const KEY = process.env.TALENTSCAN_INSIGHT_KEY || '';
const ORG_KEY = process.env.TALENTSCAN_INSIGHT_ORG_KEY || '';
const MONTH = process.env.TALENTSCAN_INSIGHT_MONTH || '';
const skip = KEY ? false : 'needs TALENTSCAN_INSIGHT_KEY and a seeded server (tools/browser-tests.sh makes both)';

const MOERWIJK = 'WK051836';
const MORGENSTOND = 'WK051834';
const LAAK = 'WK051838';
const YPENBURG = 'WK051842';
/** The kinds of figure the page names (hours and Dutch level are not shown). */
const FIGURE_KINDS = ['interest', 'slot', 'learn', 'work_goal', 'need'];
const STORE = 'talentscan.insight.v1';

useBrowser('axe-core results on the insight page (violations by impact):');

// ------------------------------------------------------------------ helpers

async function needs(month = null, key = KEY) {
  const res = await fetch(`${BASE}/v1/insight/needs${month ? `?month=${month}` : ''}`, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
}

let taxonomies = null;
async function tax() {
  taxonomies ||= await (await fetch(`${BASE}/v1/taxonomies`)).json();
  return taxonomies;
}

const fewer = (k, en = false) => (en ? `fewer than ${k}` : `minder dan ${k}`);
/** The page's text for a figure: the number, or "minder dan k" — never 0. */
const shown = (n, k, en = false) => (n === null || n === undefined ? fewer(k, en) : String(n));
const wijkOf = (report, code) => report.wijken.find((w) => w.code === code);
const askingOf = (w, dim) => (dim === 'residents' ? w.residents : w.needs.find((n) => n.dimension === dim)?.asking ?? null);
const offerOf = (w, dim) => w.needs.find((n) => n.dimension === dim)?.offer ?? null;

async function signIn(page, key) {
  await page.waitForSelector('#insight-signin');
  await page.fill('#insight-key', key);
  await page.click('#insight-signin-button');
}

async function signedIn(page) {
  await page.goto(`${BASE}/inzicht`);
  await signIn(page, KEY);
  await page.waitForSelector('#insight-map');
}

/** The map table as {code: {col: text}}. */
function mapTable(page) {
  return page.$$eval('#insight-map-table tbody tr', (trs) =>
    Object.fromEntries(trs.map((tr) => [tr.dataset.code, Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent]))])),
  );
}

/** The needs table as {dimension: {col: text}} and its row order. */
function needsTable(page) {
  return page.$$eval('#insight-needs-table tbody tr', (trs) => ({
    order: trs.map((tr) => tr.dataset.dimension),
    rows: Object.fromEntries(trs.map((tr) => [tr.dataset.dimension, { label: tr.querySelector('th').textContent, ...Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent]))}])),
  }));
}

async function choose(page, selector, value) {
  await page.selectOption(selector, value);
}

/** Clicks a CSV button and returns the file's name and its rows (split on ";"). */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const text = readFileSync(await dl.path(), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM, so Excel reads UTF-8');
  const rows = text.slice(1).split('\r\n').filter(Boolean).map((line) => line.split(';'));
  return { name: dl.suggestedFilename(), rows };
}

/** GET /v1/insight/training-groups with the insight key. */
async function trainingGroups() {
  const res = await fetch(`${BASE}/v1/insight/training-groups`, { headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json' } });
  assert.equal(res.status, 200);
  return res.json();
}

/** A taxonomy label as the page writes it (capital first). */
async function taxLabel(list, id, en = false) {
  const x = (await tax())[list].find((c) => c.id === id);
  const s = en ? x.en : x.nl;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The unmet-demand table as {dimension: {label, city, wijk?}} and its row order. */
function unmetTable(page) {
  return page.$$eval('#insight-unmet-table tbody tr', (trs) => ({
    order: trs.map((tr) => tr.dataset.dimension),
    rows: Object.fromEntries(trs.map((tr) => [tr.dataset.dimension, { label: tr.querySelector('th').textContent, ...Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.col, td.textContent]))}])),
  }));
}

const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

// ------------------------------------------------------------------ tests

test('1. sign in: a wrong key and an organisation’s key in plain words; then the last month, the map of 44 wijken and its table', { skip }, async () => {
  const report = (await needs()).body;
  const k = report.k;
  if (MONTH) assert.equal(report.month, MONTH, 'the server’s last month that is over');
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/inzicht`);
  await page.waitForSelector('#insight-signin');
  assert.equal(await page.title(), 'Cijfers per wijk – Talent Scan Den Haag');
  assert.equal(await page.textContent('h1'), 'Cijfers per wijk');
  assert.equal(await page.getAttribute('#insight-key', 'type'), 'password');
  assert.equal(await page.getAttribute('#insight-key', 'autocomplete'), 'off');
  await runAxe(page, '/inzicht (sign in)', { all: true });

  // Nothing filled in.
  await page.click('#insight-signin-button');
  await page.waitForSelector('#insight-key-error:not([hidden])');
  assert.equal(await page.textContent('#insight-key-error'), 'Vul de sleutel in.');

  // A key that is not valid: 401.
  await signIn(page, 'ts_0000000000000000000000000000000000000000000000000000000000000000');
  await page.waitForFunction(() => /klopt niet/.test(document.querySelector('#insight-key-error')?.textContent || ''));
  assert.match(await page.textContent('#insight-key-error'), /^Deze sleutel klopt niet\. Kijk of je de hele sleutel hebt overgenomen\./);
  assert.equal(await page.getAttribute('#insight-key', 'aria-invalid'), 'true');
  assert.ok((await page.getAttribute('#insight-key', 'aria-describedby')).split(' ').includes('insight-key-error'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'insight-key', 'focus on the key');
  await runAxe(page, '/inzicht (wrong key)', { all: true });

  // An organisation's key: 403.
  if (ORG_KEY) {
    assert.equal((await needs(null, ORG_KEY)).status, 403);
    await signIn(page, ORG_KEY);
    await page.waitForFunction(() => /niet zien/.test(document.querySelector('#insight-key-error')?.textContent || ''));
    assert.match(await page.textContent('#insight-key-error'), /^Met deze sleutel kun je de cijfers per wijk niet zien\. Het is bijvoorbeeld de sleutel van een organisatie\./);
  }
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'nothing is kept after a refused sign-in');

  // The insight key.
  await signIn(page, KEY);
  await page.waitForSelector('#insight-map');
  const kept = await page.evaluate((store) => ({ session: JSON.parse(sessionStorage.getItem(store)), local: localStorage.length, cookie: document.cookie }), STORE);
  assert.deepEqual(kept.session, { key: KEY }, 'the key is in sessionStorage (this tab)');
  assert.equal(kept.local, 0, 'not in localStorage');
  assert.equal(kept.cookie, '');

  // The month: the last one that is over, chosen; only months that are over to choose from.
  assert.equal(await page.inputValue('#insight-month'), report.month);
  const months = await page.$$eval('#insight-month option', (os) => os.map((o) => o.value));
  assert.equal(months[0], report.month, 'the newest month first');
  assert.equal(months.length, 12);
  assert.ok(months.every((m) => m <= report.month), 'no running or future month');
  if (report.month === '2026-11') assert.equal(await page.textContent('#insight-month option:checked'), 'november 2026');
  assert.equal(await page.inputValue('#insight-figure'), 'residents');
  const city = report.city.find((c) => c.dimension === 'residents').asking;
  assert.match(await page.textContent('#insight-summary'), new RegExp(`tellen in heel Den Haag ${shown(city, k)} bewoners mee`));

  // The map: 44 wijken, each focusable and named with its figure.
  const paths = await page.$$eval('#insight-map path.insight-wijk', (ps) => ps.map((p) => ({ code: p.dataset.code, label: p.getAttribute('aria-label'), title: p.querySelector('title')?.textContent, tabindex: p.getAttribute('tabindex'), fill: p.getAttribute('fill') })));
  assert.equal(paths.length, 44, 'the 44 wijken of Den Haag');
  assert.equal(new Set(paths.map((p) => p.code)).size, 44);
  for (const p of paths) {
    const w = wijkOf(report, p.code);
    assert.ok(w, `${p.code} is in the API's answer`);
    assert.equal(p.tabindex, '0');
    assert.equal(p.label, `${w.name}: ${shown(w.residents, k)} bewoners tellen mee`);
    assert.equal(p.title, `${w.name}: ${shown(w.residents, k)}`);
    if (w.residents === null) assert.equal(p.fill, 'url(#insight-hatch)', `${w.name}: hatched`);
    else assert.match(p.fill, /^#[0-9a-f]{6}$/, `${w.name}: a colour`);
  }
  // A wijk with at least k shows its number; a suppressed one says "minder dan 10", never 0.
  const moerwijk = wijkOf(report, MOERWIJK);
  assert.ok(moerwijk.residents >= k, 'the seeded Moerwijk is shown');
  assert.equal(paths.find((p) => p.code === MOERWIJK).label, `Moerwijk: ${moerwijk.residents} bewoners tellen mee`);
  const labels = await page.$$eval('#insight-map-labels text', (ts) => ts.map((x) => x.textContent));
  assert.ok(labels.includes(String(moerwijk.residents)), 'Moerwijk’s number on the map');
  assert.equal(labels.length, report.wijken.filter((w) => w.residents !== null).length, 'a number on every wijk with a figure, and only there');
  assert.equal(wijkOf(report, LAAK).residents, null, 'the seeded Laakkwartier (4) is hidden');
  assert.equal(paths.find((p) => p.code === LAAK).label, 'Laakkwartier en Spoorwijk: minder dan 10 bewoners tellen mee');
  assert.match(await page.textContent('#insight-legend'), /Gestreept: minder dan 10, of verborgen/);
  assert.equal(await page.textContent('#insight-source'), 'Bron: CBS / PDOK (Wijk- en Buurtkaart), CC-BY 4.0');

  // The table: the same figures as the API, highest first, "minder dan 10" and never 0.
  const table = await mapTable(page);
  assert.equal(Object.keys(table).length, 44);
  for (const w of report.wijken) assert.deepEqual(table[w.code], { residents: shown(w.residents, k) }, `the row of ${w.name}`);
  assert.ok(Object.values(table).every((r) => r.residents !== '0'), 'never 0');
  const order = await page.$$eval('#insight-map-table tbody tr', (trs) => trs.map((tr) => tr.dataset.code));
  const top = [...report.wijken].filter((w) => w.residents !== null).sort((a, b) => b.residents - a.residents).map((w) => w.code);
  assert.deepEqual(order.slice(0, top.length), top, 'the highest first');
  assert.equal(await page.textContent('#insight-map-table-box caption'), `Bewoners die meetellen per wijk, ${await page.textContent('#insight-month option:checked')}. De hoogste staan bovenaan.`);

  // The table is folded under the map on a phone, open beside it on a wide screen; the
  // reader's own choice is kept.
  const tableOpen = () => page.$eval('#insight-map-table-details', (d) => d.open);
  assert.equal(await tableOpen(), false, 'folded on a phone');
  await page.setViewportSize(DESKTOP);
  await page.waitForFunction(() => document.getElementById('insight-map-table-details').open);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => !document.getElementById('insight-map-table-details').open);
  await page.click('#insight-map-table-details summary');
  assert.equal(await tableOpen(), true, 'opened by the reader');
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.setViewportSize(PHONE);
  assert.equal(await tableOpen(), true, 'and kept open');
  await page.click('#insight-map-table-details summary');

  // Phone: nothing scrolls sideways, at 390 and at 320 px.
  assert.ok(await noSideways(page), 'no sideways scrolling at 390 px');
  await page.setViewportSize({ width: 320, height: 720 });
  await page.waitForTimeout(100);
  assert.ok(await noSideways(page), 'no sideways scrolling at 320 px');
  await page.setViewportSize(PHONE);
  await runAxe(page, '/inzicht (the map, phone)', { all: true });
  await shots(page, 'inzicht');
  await closePage(page);
});

test('2. another figure recolours the map; needs against offer for a wijk (map click, keyboard) and the city; CSV', { skip }, async () => {
  const report = (await needs()).body;
  const k = report.k;
  const t = await tax();
  const label = (dim) => {
    const [kind, id] = dim.split(':');
    const list = { interest: t.categories, slot: t.slots, learn: t.skills }[kind];
    const s = list.find((x) => x.id === id).nl;
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const page = await newPage(DESKTOP);
  await signedIn(page);
  const fills = () => page.$$eval('#insight-map path.insight-wijk', (ps) => Object.fromEntries(ps.map((p) => [p.dataset.code, p.getAttribute('fill')])));
  const before = await fills();

  // Children and young people: the map shows how many ask for it.
  const dim = 'interest:jeugd';
  await choose(page, '#insight-figure', dim);
  await page.waitForFunction(() => /Kinderen en jongeren/.test(document.querySelector('#insight-map-title')?.textContent || ''));
  assert.equal(await page.textContent('#insight-map-title'), 'Kaart – Interesse: Kinderen en jongeren');
  const after = await fills();
  assert.notDeepEqual(after, before, 'the map is coloured anew');
  for (const w of report.wijken) {
    const v = askingOf(w, dim);
    if (v === null) assert.equal(after[w.code], 'url(#insight-hatch)', `${w.name}: hatched`);
    else assert.notEqual(after[w.code], 'url(#insight-hatch)', `${w.name}: coloured`);
  }
  const moer = wijkOf(report, MOERWIJK);
  const morg = wijkOf(report, MORGENSTOND);
  assert.ok(askingOf(moer, dim) > askingOf(morg, dim), 'seeded: more in Moerwijk');
  assert.notEqual(after[MOERWIJK], after[MORGENSTOND], 'a different figure, a different colour');
  assert.equal(await page.getAttribute(`#insight-wijk-${MOERWIJK}`, 'aria-label'), `Moerwijk: ${askingOf(moer, dim)} bewoners vragen erom`);
  const table = await mapTable(page);
  for (const w of report.wijken) {
    assert.deepEqual(table[w.code], { residents: shown(w.residents, k), asking: shown(askingOf(w, dim), k), offer: String(offerOf(w, dim)) }, `the row of ${w.name}`);
  }
  assert.deepEqual(await page.$$eval('#insight-map-table thead th', (ths) => ths.map((x) => x.textContent)), ['Wijk', 'Bewoners die meetellen', 'Bewoners die erom vragen', `Taken binnen ${report.reach_km} km`]);

  // The map table as CSV: the same rows, "<10" for a hidden figure.
  const csv = await download(page, '#insight-map-csv');
  assert.equal(csv.name, `talentscan-wijken-${report.month}-interest-jeugd.csv`);
  assert.deepEqual(csv.rows[0], ['Maand', 'Wijkcode (CBS)', 'Wijk', 'Stadsdeel', 'Bewoners die meetellen', 'Bewoners die erom vragen', `Taken binnen ${report.reach_km} km`]);
  assert.equal(csv.rows.length, 45);
  const csvFig = (n) => (n === null ? `<${k}` : String(n));
  for (const w of report.wijken) {
    const row = csv.rows.find((r) => r[1] === w.code);
    const stadsdeel = t.wijken.find((x) => x.code === w.code)?.stadsdeel || '';
    assert.deepEqual(row, [report.month, w.code, w.name, stadsdeel, csvFig(w.residents), csvFig(askingOf(w, dim)), String(offerOf(w, dim))], `CSV row of ${w.name}`);
  }

  // Choosing Moerwijk on the map: needs against offer there.
  await page.click(`#insight-wijk-${MOERWIJK}`);
  await page.waitForFunction(() => /Moerwijk/.test(document.querySelector('#insight-needs-place')?.textContent || ''));
  assert.equal(await page.inputValue('#insight-wijk'), MOERWIJK);
  assert.equal(await page.textContent('#insight-needs-place'), `Vraag en aanbod in Moerwijk, ${await page.textContent('#insight-month option:checked')}`);
  assert.match(await page.textContent('#insight-chosen'), /^Gekozen: Moerwijk\./);
  assert.ok((await page.getAttribute(`#insight-wijk-${MOERWIJK}`, 'aria-label')).endsWith('(gekozen)'));
  assert.equal(await page.getAttribute('#insight-chosen-outline', 'd'), await page.getAttribute(`#insight-wijk-${MOERWIJK}`, 'd'), 'the chosen wijk is outlined');
  assert.match(await page.textContent('#insight-needs-residents'), new RegExp(`In deze wijk tellen ${shown(moer.residents, k)} bewoners mee\\.`));

  // Each group: the rows the API has, with asking and offer; "Veel vraag, weinig aanbod"
  // exactly where at least k ask and fewer tasks are within reach.
  for (const kind of ['interest', 'slot', 'learn']) {
    await choose(page, '#insight-kind', kind);
    await page.waitForFunction((kd) => document.querySelector('#insight-needs-table tbody tr')?.dataset.dimension.startsWith(`${kd}:`), kind);
    const { rows, order } = await needsTable(page);
    const expected = moer.needs.filter((n) => n.dimension.startsWith(`${kind}:`));
    assert.deepEqual(Object.keys(rows).sort(), expected.map((n) => n.dimension).sort(), `${kind}: the API's dimensions`);
    for (const n of expected) {
      const flagged = n.asking !== null && n.asking >= k && n.offer < n.asking;
      assert.deepEqual(rows[n.dimension], { label: label(n.dimension), asking: shown(n.asking, k), offer: String(n.offer), note: flagged ? 'Veel vraag, weinig aanbod' : '' }, `${kind}: ${n.dimension}`);
    }
    const shownFirst = order.map((d) => moer.needs.find((n) => n.dimension === d).asking);
    const firstHidden = shownFirst.indexOf(null);
    assert.ok(firstHidden === -1 || shownFirst.slice(firstHidden).every((v) => v === null), `${kind}: the figures first, the hidden ones after`);
    assert.equal(await page.locator('#insight-chart .insight-chart-row').count(), expected.length, `${kind}: one bar pair per row`);
    assert.equal(await page.locator('#insight-chart .insight-chart-row--flagged').count(), expected.filter((n) => n.asking !== null && n.asking >= k && n.offer < n.asking).length);
  }
  // Learning Dutch in Moerwijk: 11 ask, 2 tasks (the seeds and the sample catalog).
  const dutch = moer.needs.find((n) => n.dimension === 'learn:nederlandse-taal');
  assert.ok(dutch.asking >= k && dutch.offer < dutch.asking, 'seeded: much asked, little offered');
  await choose(page, '#insight-kind', 'learn');
  await page.waitForSelector('#insight-needs-table tr[data-dimension="learn:nederlandse-taal"]');
  assert.equal(await page.textContent('#insight-flags .insight-flags-title'), 'Veel vraag, weinig aanbod:');
  assert.equal(await page.textContent('#insight-flags li[data-dimension="learn:nederlandse-taal"]'), `${label('learn:nederlandse-taal')}: ${dutch.asking} bewoners vragen erom, ${dutch.offer} taken binnen bereik`);
  assert.match(await page.textContent('#insight-flags .insight-flags-rule'), /10 of meer bewoners vragen erom, en er zijn minder taken binnen 3 km dan bewoners die erom vragen/);
  assert.match(await page.textContent('#insight-chart title'), /^Staafdiagram: vraag en aanbod in Moerwijk/);
  assert.equal(await page.getAttribute('#insight-chart', 'role'), 'img');

  // The needs table as CSV.
  const csv2 = await download(page, '#insight-needs-csv');
  assert.equal(csv2.name, `talentscan-vraag-aanbod-${report.month}-moerwijk-learn.csv`);
  assert.deepEqual(csv2.rows[0], ['Maand', 'Waar', 'Wat', 'Bewoners die erom vragen', `Taken binnen ${report.reach_km} km`, 'Opvallend']);
  const { order: learnOrder } = await needsTable(page);
  assert.deepEqual(
    csv2.rows.slice(1),
    learnOrder.map((d) => {
      const n = moer.needs.find((x) => x.dimension === d);
      return [report.month, 'Moerwijk', label(d), csvFig(n.asking), String(n.offer), n.asking !== null && n.asking >= k && n.offer < n.asking ? 'Veel vraag, weinig aanbod' : ''];
    }),
  );
  await runAxe(page, '/inzicht (needs against offer in Moerwijk)', { all: true });
  await page.locator('#insight-needs').screenshot({ path: join(SHOTS, 'inzicht-needs-moerwijk-1280.png') });
  await page.evaluate(() => window.scrollTo(0, 0)); // the map is sticky: from the top
  await shots(page, 'inzicht-moerwijk');
  assert.equal(await page.$eval('#insight-map-table-details', (d) => d.open), true, 'the table beside the map again');

  // Work and what residents need: no offer column.
  await choose(page, '#insight-kind', 'other');
  await page.waitForSelector('#insight-needs-table tr[data-dimension^="work_goal:"]');
  assert.deepEqual(await page.$$eval('#insight-needs-table thead th', (ths) => ths.map((x) => x.textContent)), ['Wat', 'Bewoners die erom vragen']);
  assert.match(await page.textContent('#insight-needs-body'), /Wie de vraag over betaald werk oversloeg, telt mee bij ‘nu even niet’/);

  // With the keyboard: Tab to a wijk on the map, Enter chooses it; focus stays there.
  await choose(page, '#insight-kind', 'interest');
  await page.focus(`#insight-wijk-${MORGENSTOND}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Morgenstond/.test(document.querySelector('#insight-needs-place')?.textContent || ''));
  assert.equal(await page.inputValue('#insight-wijk'), MORGENSTOND);
  assert.equal(await page.evaluate(() => document.activeElement?.id), `insight-wijk-${MORGENSTOND}`, 'focus stays on the wijk');
  assert.equal(await page.getAttribute('#insight-focus-outline', 'd'), await page.getAttribute(`#insight-wijk-${MORGENSTOND}`, 'd'), 'the focused wijk is outlined');

  // The whole city: what is asked (no offer per city), and where much is asked and little offered.
  await choose(page, '#insight-wijk', '');
  await page.waitForFunction(() => /heel Den Haag/.test(document.querySelector('#insight-needs-place')?.textContent || ''));
  assert.deepEqual(await page.$$eval('#insight-needs-table thead th', (ths) => ths.map((x) => x.textContent)), ['Wat', 'Bewoners die erom vragen']);
  const { rows: cityRows } = await needsTable(page);
  for (const c of report.city.filter((x) => x.dimension.startsWith('interest:'))) {
    assert.deepEqual(cityRows[c.dimension], { label: label(c.dimension), asking: shown(c.asking, k) }, `the city: ${c.dimension}`);
  }
  await choose(page, '#insight-kind', 'learn');
  await page.waitForSelector(`#insight-flags li[data-code="${MOERWIJK}"][data-dimension="learn:nederlandse-taal"]`);
  assert.match(await page.textContent('#insight-flags'), /^Hier is veel vraag en weinig aanbod:/);
  assert.equal(await page.getAttribute('#insight-chosen-outline', 'd'), null, 'no wijk outlined');

  // A moment on the map: "Vraag en aanbod" compares the moments too.
  await choose(page, '#insight-figure', 'slot:thu-afternoon');
  await page.waitForSelector('#insight-needs-table tr[data-dimension="slot:thu-afternoon"]');
  assert.equal(await page.inputValue('#insight-kind'), 'slot');
  await closePage(page);
});

test('3. another month, a month without figures, English, signing out', { skip }, async () => {
  const report = (await needs()).body;
  const k = report.k;
  const page = await newPage(PHONE);
  await signedIn(page);

  // October: its own figures.
  const months = await page.$$eval('#insight-month option', (os) => os.map((o) => o.value));
  const [, previous, older] = months;
  const oct = (await needs(previous)).body;
  await choose(page, '#insight-month', previous);
  await page.waitForFunction((m) => document.querySelector('#insight-map-table-box caption')?.textContent.includes(m), await page.$eval(`#insight-month option[value="${previous}"]`, (o) => o.textContent));
  assert.equal(await page.inputValue('#insight-month'), previous);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'insight-month', 'focus stays on the month');
  const table = await mapTable(page);
  for (const w of oct.wijken) assert.equal(table[w.code].residents, shown(w.residents, k), `${previous}: ${w.name}`);
  assert.match(await page.textContent('#insight-status'), /^De cijfers van \w+ \d{4} staan klaar\.$/);

  // A month nobody counted in: no figures, the whole map hatched.
  const empty = (await needs(older)).body;
  assert.ok(empty.wijken.every((w) => w.residents === null), `${older} has no figures`);
  await choose(page, '#insight-month', older);
  await page.waitForFunction(() => /zijn er geen cijfers/.test(document.querySelector('#insight-summary')?.textContent || ''));
  assert.equal(await page.locator('#insight-map path.insight-wijk[fill="url(#insight-hatch)"]').count(), 44);
  assert.match(await page.textContent('#insight-legend'), /Geen enkele wijk heeft deze maand 10 of meer/);
  assert.equal(await page.textContent('#insight-needs-empty'), 'Hierover zijn er deze maand geen cijfers.');
  assert.equal(await page.textContent('#insight-unmet-empty'), `Hierover zijn er in ${await page.textContent('#insight-month option:checked')} geen cijfers.`);
  await page.waitForSelector('#insight-groups-table'); // the training groups do not depend on the month
  await runAxe(page, '/inzicht (a month without figures)', { all: true });

  // Back to the last month, in English.
  await choose(page, '#insight-month', report.month);
  await page.waitForFunction(() => !/geen cijfers/.test(document.querySelector('#insight-summary')?.textContent || ''));
  await choose(page, '#insight-figure', 'interest:jeugd');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('h1'), 'Figures per neighbourhood');
  assert.equal(await page.title(), 'Figures per neighbourhood – Talent Scan The Hague');
  assert.equal(await page.inputValue('#insight-figure'), 'interest:jeugd', 'the figure is kept');
  assert.equal(await page.textContent('#insight-map-title'), 'Map – Interest: Children and young people');
  assert.equal(await page.getAttribute(`#insight-wijk-${LAAK}`, 'aria-label'), `Laakkwartier en Spoorwijk: ${fewer(k, true)} residents ask for it`);
  assert.equal(await page.getAttribute(`#insight-map-table tr[data-code="${MOERWIJK}"] th`, 'lang'), 'nl', 'a wijk’s name is Dutch');
  assert.equal(await page.getAttribute(`#insight-wijk option[value="${MOERWIJK}"]`, 'lang'), 'nl');
  assert.equal(await page.textContent(`#insight-map-table tr[data-code="${LAAK}"] td[data-col="asking"]`), fewer(k, true));
  assert.equal(await page.textContent('#insight-source'), 'Source: CBS / PDOK (Wijk- en Buurtkaart), CC-BY 4.0');
  assert.doesNotMatch(await page.textContent('#insight-view'), /minder dan|Bewoners|Kaart|Vraag en aanbod/, 'no Dutch page texts');
  await page.click(`#insight-wijk-${MOERWIJK}`);
  await page.waitForFunction(() => /Moerwijk/.test(document.querySelector('#insight-needs-place')?.textContent || ''));
  assert.match(await page.textContent('#insight-needs-place'), /^Needs and offer in Moerwijk, November 2026$|^Needs and offer in Moerwijk, \w+ \d{4}$/);
  assert.equal(await page.textContent('#insight-needs-table thead th:nth-child(3)'), `Tasks within ${report.reach_km} km`);
  assert.ok(await noSideways(page), 'no sideways scrolling in English at 390 px');
  await runAxe(page, '/inzicht (English, phone)', { all: true });
  await page.locator('#insight-needs').screenshot({ path: join(SHOTS, 'inzicht-needs-en-390.png') });
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');

  // Sign out: the key leaves the tab.
  await page.click('#insight-signout');
  await page.waitForSelector('#insight-signin');
  assert.equal(await page.textContent('#insight-notice'), 'Je bent afgemeld. De sleutel is uit dit tabblad gewist.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'insight-notice');
  assert.equal(await page.evaluate((store) => sessionStorage.getItem(store), STORE), null);
  await page.reload();
  await page.waitForSelector('#insight-signin');
  assert.equal(await page.locator('#insight-map').count(), 0, 'still signed out after a reload');

  // A key that no longer works signs out in plain words.
  await page.evaluate((store) => sessionStorage.setItem(store, JSON.stringify({ key: 'ts_revoked' })), STORE);
  await page.reload();
  await page.waitForSelector('#insight-signin');
  assert.match(await page.textContent('#insight-notice'), /^Je bent afgemeld, want de sleutel werkt niet meer/);
  assert.equal(await page.evaluate((store) => sessionStorage.getItem(store), STORE), null);
  await closePage(page);
});

test('4. every page links the insight page from its footer; the accessibility statement names it', async () => {
  for (const path of ['/', '/balie', '/organisatie', '/inzicht', '/toegankelijkheid']) {
    const p = await newPage(PHONE);
    await p.goto(`${BASE}${path}`);
    assert.equal(await p.locator('footer a[href="/inzicht"]').count(), 1, `${path} links /inzicht in the footer`);
    if (path === '/toegankelijkheid') {
      assert.equal(await p.locator('main a[href="/inzicht"]').count(), 1, 'the statement names the page');
      await runAxe(p, '/toegankelijkheid', { all: true });
    }
    await closePage(p);
  }
});

test('5. unmet demand for the city and a wijk; training groups: announce (the desk then sees the course), withdraw, CSV, none', { skip }, async () => {
  const report = (await needs()).body;
  const k = report.k;
  const page = await newPage(DESKTOP);
  await signedIn(page);

  // ---- Unmet demand: the `unmet:` figures of the month, the residents first; hidden ones as
  // "minder dan 10"; only the kinds the page names.
  await page.waitForSelector('#insight-unmet-table');
  assert.equal(await page.textContent('#insight-unmet-title'), 'Wat bewoners vragen die weinig passends vonden');
  const unmetDim = (d) => d.slice('unmet:'.length);
  const named = (d) => d === 'residents' || FIGURE_KINDS.includes(d.split(':')[0]);
  const cityUnmet = report.city.filter((c) => c.dimension.startsWith('unmet:') && named(unmetDim(c.dimension)));
  assert.ok(cityUnmet.some((c) => c.dimension === 'unmet:residents' && c.asking >= k), 'seeded: residents who found little that fits');
  assert.ok(cityUnmet.some((c) => c.asking === null), 'seeded: a hidden unmet figure');
  const groupLabel = (d) => {
    if (d === 'residents') return 'Bewoners die weinig passends vonden';
    const [kind, id] = d.split(':');
    const list = { interest: taxonomies.categories, slot: taxonomies.slots, learn: taxonomies.skills }[kind];
    const word = { interest: 'Interesse', slot: 'Moment', learn: 'Wil leren' }[kind];
    return list ? `${word}: ${list.find((x) => x.id === id).nl}` : null;
  };
  await tax();
  let unmet = await unmetTable(page);
  assert.equal(unmet.order[0], 'residents', 'how many first');
  assert.deepEqual([...unmet.order].sort(), cityUnmet.map((c) => unmetDim(c.dimension)).sort(), 'the API’s unmet dimensions');
  for (const c of cityUnmet) {
    const d = unmetDim(c.dimension);
    assert.equal(unmet.rows[d].city, shown(c.asking, k), `the city: ${d}`);
    if (groupLabel(d)) assert.equal(unmet.rows[d].label, groupLabel(d));
  }
  assert.deepEqual(await page.$$eval('#insight-unmet-table thead th', (ths) => ths.map((x) => x.textContent)), ['Wat', 'Heel Den Haag']);
  assert.match(await page.textContent('#insight-unmet-table caption'), /^Wat bewoners vroegen die weinig passends vonden, \w+ \d{4}$/);
  assert.equal(await page.locator('#insight-figure option[value^="unmet:"]').count(), 0, 'not a figure for the map');
  assert.equal(await page.locator('#insight-needs-table tr[data-dimension^="unmet:"]').count(), 0, 'nor a row of needs against offer');

  // A wijk chosen: its column beside the city's.
  const ypenburg = wijkOf(report, YPENBURG);
  await choose(page, '#insight-wijk', YPENBURG);
  await page.waitForFunction(() => document.querySelector('#insight-unmet-table thead th:nth-child(3)')?.textContent === 'Ypenburg');
  unmet = await unmetTable(page);
  for (const u of ypenburg.unmet.filter((x) => named(unmetDim(x.dimension)))) {
    assert.equal(unmet.rows[unmetDim(u.dimension)].wijk, shown(u.asking, k), `Ypenburg: ${u.dimension}`);
  }
  assert.equal(unmet.rows['interest:vervoer'].wijk, '12', 'seeded: 12 in Ypenburg ask for transport and errands');
  assert.equal(unmet.rows['interest:geld-armoede'].wijk, fewer(k), 'seeded: 4 ask for money matters (hidden)');
  await runAxe(page, '/inzicht (unmet demand in Ypenburg)', { all: true });
  await page.locator('#insight-unmet').screenshot({ path: join(SHOTS, 'inzicht-unmet-ypenburg-1280.png') });

  // ---- Training groups: the seeded stored scans make one proposal, with labels from the
  // taxonomies and the place's name; not announced yet.
  const groups = await trainingGroups();
  assert.equal(groups.announcements.length, 0, 'nothing announced before this test');
  const proposal = groups.proposals.find((x) => x.topic === 'computer' && x.slot === 'tue-morning');
  assert.ok(proposal && proposal.size >= 7, `seeded: a group of the stored scans (${JSON.stringify(groups.proposals)})`);
  await page.waitForSelector('#insight-groups-table');
  assert.equal(await page.textContent('#insight-groups-title'), 'Cursusgroepen');
  const intro = await page.textContent('#insight-groups');
  assert.match(intro, new RegExp(`Een groep is ${groups.min_group} tot ${groups.max_group} bewoners die hetzelfde willen leren`));
  assert.match(intro, /Je ziet nooit namen/);
  assert.match(intro, /Het bericht blijft 90 dagen staan/);
  assert.equal(await page.textContent('#insight-groups-residents'), `Bewoners die nu een bericht over een cursus willen: ${shown(groups.residents, k)}.`);
  assert.equal(await page.textContent('#insight-groups-table caption'), 'Voorstellen voor cursusgroepen');
  assert.deepEqual(await page.$$eval('#insight-groups-table thead th', (ths) => ths.map((x) => x.textContent)), ['Onderwerp', 'Moment', 'Plek', 'Aantal bewoners', 'Bericht aan bewoners']);
  assert.equal(await page.locator('#insight-groups-table tbody tr').count(), groups.proposals.length);
  const topic = await taxLabel('skills', 'computer');
  const slot = await taxLabel('slots', 'tue-morning');
  const row = page.locator(`#insight-groups-table tbody tr[data-proposal="${proposal.id}"]`);
  const rowText = async () => ({
    topic: await row.locator('th').textContent(),
    ...Object.fromEntries(await row.locator('td').evaluateAll((tds) => tds.map((td) => [td.dataset.col, td.textContent]))),
  });
  assert.deepEqual(await rowText(), { topic, slot, venue: proposal.venue_name, size: String(proposal.size), action: 'Aankondigen' });
  assert.equal(topic, 'Werken met de computer');
  assert.equal(await row.locator('.insight-announce').getAttribute('aria-label'), `Aankondigen: ${topic}, ${slot.toLowerCase()}, ${proposal.venue_name}`);
  await page.locator('#insight-groups').screenshot({ path: join(SHOTS, 'inzicht-groups-1280.png') });

  // The proposals as CSV.
  const csv = await download(page, '#insight-groups-csv');
  assert.match(csv.name, /^talentscan-cursusgroepen-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual(csv.rows[0], ['Onderwerp', 'Moment', 'Plek', 'Aantal bewoners', 'Aangekondigd tot']);
  assert.deepEqual(csv.rows.find((r) => r[0] === topic && r[1] === slot), [topic, slot, proposal.venue_name, String(proposal.size), '']);
  assert.equal(csv.rows.length, groups.proposals.length + 1);

  // Announce: the row says so and offers "Intrekken"; focus goes there, the live region tells.
  await row.locator('.insight-announce').click();
  await row.locator('.insight-withdraw').waitFor();
  const announced = (await trainingGroups()).announcements;
  assert.equal(announced.length, 1, 'one announcement');
  assert.deepEqual([announced[0].topic, announced[0].slot, announced[0].venue_id], [proposal.topic, proposal.slot, proposal.venue_id]);
  assert.match(await row.locator('.insight-announced-text').textContent(), /^Aangekondigd tot \d{1,2} \w+ \d{4}$/);
  assert.equal(await row.getAttribute('data-announcement'), announced[0].id);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('insight-withdraw')), true, 'focus on "Intrekken" of the same row');
  assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.group), `${proposal.topic}|${proposal.slot}|${proposal.venue_id}`);
  const said = `Aangekondigd: ${topic}, ${slot.toLowerCase()}, bij ${proposal.venue_name}. Deze bewoners zien nu een bericht.`;
  await page.waitForFunction((s) => document.getElementById('live')?.textContent === s, said);
  assert.equal(await page.getAttribute('#live', 'aria-live'), 'polite');
  assert.equal(await page.textContent('#insight-groups-status'), said);
  const csv2 = await download(page, '#insight-groups-csv');
  assert.equal(csv2.rows.find((r) => r[0] === topic && r[1] === slot)[4], announced[0].expires_at.slice(0, 10));
  await runAxe(page, '/inzicht (training group announced)', { all: true });
  await page.locator('#insight-groups').screenshot({ path: join(SHOTS, 'inzicht-groups-announced-1280.png') });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(100);
  assert.ok(await noSideways(page), 'no sideways scrolling at 390 px with the new sections');
  await page.setViewportSize({ width: 320, height: 720 });
  await page.waitForTimeout(100);
  assert.ok(await noSideways(page), 'no sideways scrolling at 320 px with the new sections');
  await page.setViewportSize(PHONE);
  await runAxe(page, '/inzicht (training group announced, phone)', { all: true });
  await page.locator('#insight-groups').screenshot({ path: join(SHOTS, 'inzicht-groups-announced-390.png') });
  await page.locator('#insight-unmet').screenshot({ path: join(SHOTS, 'inzicht-unmet-ypenburg-390.png') });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shots(page, 'inzicht-groups');
  await page.setViewportSize(DESKTOP);

  // The desk: a stored scan whose wish the announced group fits is matched by its number
  // (scan_id, not the persona), so the course reaches the desk as a notice.
  const res = await fetch(`${BASE}/v1/scans`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ questionnaire: 'talentscan', store: true, answers: { woonplek: '2532', tijden: ['tue-morning'], interesses: ['digitaal'], leren: ['computer'], 'cursus-bericht': 'ja' } }),
  });
  const scanId = (await res.json()).scan_id;
  assert.equal(res.status, 201, 'a stored scan');
  const desk = await newPage(DESKTOP);
  const bodies = [];
  desk.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/matches') bodies.push(r.postDataJSON());
  });
  await desk.goto(`${BASE}/balie`);
  await desk.click('details.resume summary');
  await desk.fill('#resume-id', scanId);
  await desk.click('#resume-button');
  await desk.waitForSelector('#task-list > li');
  const notice = desk.locator('.notice[data-code="course_nearby"]');
  await notice.waitFor();
  assert.ok((await notice.textContent()).includes(proposal.venue_name), 'the notice names the place');
  assert.ok(bodies.length >= 1 && bodies.every((b) => b.scan_id === scanId && !('persona' in b)), 'matched by the stored scan’s id');
  await closePage(desk);
  assert.ok((await fetch(`${BASE}/v1/scans/${scanId}`, { method: 'DELETE' })).ok, 'the scan erased again');

  // Withdraw: back to "Aankondigen", focus there, said in the live region.
  await row.locator('.insight-withdraw').click();
  await row.locator('.insight-announce').waitFor();
  assert.equal((await trainingGroups()).announcements.length, 0, 'withdrawn');
  assert.equal(await row.locator('td[data-col="action"]').textContent(), 'Aankondigen');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('insight-announce')), true, 'focus on "Aankondigen" of the same row');
  const withdrawn = `Ingetrokken: ${topic}, ${slot.toLowerCase()}, bij ${proposal.venue_name}. Bewoners zien het bericht niet meer.`;
  await page.waitForFunction((s) => document.getElementById('live')?.textContent === s, withdrawn);

  // English: the same sections in English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('#insight-groups-title'), 'Training groups');
  assert.equal(await page.textContent('#insight-unmet-title'), 'Unmet demand');
  assert.equal(await row.locator('th').textContent(), await taxLabel('skills', 'computer', true));
  assert.equal(await row.locator('td[data-col="slot"]').textContent(), await taxLabel('slots', 'tue-morning', true));
  assert.equal(await row.locator('td[data-col="venue"] span').getAttribute('lang'), 'nl', 'the place’s name is Dutch');
  assert.equal(await row.locator('.insight-announce').textContent(), 'Announce');
  assert.equal(await page.locator('#insight-unmet-table thead th:nth-child(3)').getAttribute('lang'), 'nl');
  assert.doesNotMatch(await page.textContent('#insight-groups'), /Bewoners|Cursus|Aankondigen|minder dan/, 'no Dutch page texts');
  await runAxe(page, '/inzicht (training groups, English)', { all: true });
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');

  // No proposals: said in words (the answer of the API replaced in the page).
  await page.route('**/v1/insight/training-groups', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ residents: null, min_group: 6, max_group: 12, proposals: [], announcements: [] }) }));
  await page.reload();
  await page.waitForSelector('#insight-groups-empty');
  assert.equal(await page.textContent('#insight-groups-empty'), 'Er zijn nu geen voorstellen. Er zijn nog geen 6 bewoners die hetzelfde willen leren, op hetzelfde moment tijd hebben en dicht bij dezelfde plek wonen.');
  assert.equal(await page.locator('#insight-groups-table').count(), 0);
  assert.equal(await page.locator('#insight-groups-csv').count(), 0);
  await runAxe(page, '/inzicht (no training groups)', { all: true });
  await page.unroute('**/v1/insight/training-groups');
  await closePage(page);
});
