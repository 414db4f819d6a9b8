// Real-browser tests of the organisations' page (/organisatie): signing in with the
// organisation's key (wrong key, another organisation's key), the responses to its tasks
// with their contact details, reporting what came of one in the order the API allows (and
// its refusal of "still active" before three months), and the figures per task.
//
//   TALENTSCAN_URL=http://127.0.0.1:18300 TALENTSCAN_ORG_ID=kookcafe-de-gaarde \
//   TALENTSCAN_ORG_KEY=ts_… TALENTSCAN_OTHER_ORG_KEY=ts_… node --test --test-reporter=spec organisatie.mjs
//
// tools/browser-tests.sh makes both keys with `talentscan keys create --scope organisation:ID`
// on the server's data dir before the server starts. The responses are made through the API
// (POST /v1/matches, then /v1/responses and /v1/click-throughs), as a resident's page would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, PHONE, DESKTOP, useBrowser, newPage, closePage, shots, viewShot, runAxe } from './lib.mjs';

const ORG = process.env.TALENTSCAN_ORG_ID || 'kookcafe-de-gaarde';
const KEY = process.env.TALENTSCAN_ORG_KEY || '';
const OTHER_KEY = process.env.TALENTSCAN_OTHER_ORG_KEY || '';
const skip = KEY && OTHER_KEY ? false : 'needs TALENTSCAN_ORG_KEY and TALENTSCAN_OTHER_ORG_KEY (tools/browser-tests.sh makes them)';

useBrowser('axe-core results on the organisations’ page (violations by impact):');

// ------------------------------------------------------------------ helpers

async function call(method, path, body, headers = {}) {
  const res = await fetch(`${BASE}/v1${path}`, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const figures = async () => (await call('GET', `/organisations/${ORG}/responses`, undefined, { Authorization: `Bearer ${KEY}` })).body;

/**
 * A resident near the kookcafé gets an advice with two of its tasks: responds to the first
 * (by themselves), follows the second one's own link, and at the desk responds to the second.
 */
async function residentResponds() {
  const m = await call('POST', '/matches', {
    persona: {
      travel: { origin: { postcode: '2543' }, radius_km: 3, mode: 'bike' },
      availability: { slots: ['tue-afternoon', 'tue-evening', 'wed-morning', 'sat-morning'] },
      interests: { 'eten-koken': 1.0 },
    },
    limit: { tasks: 15, trainings: 0 },
  });
  assert.equal(m.status, 200);
  assert.match(m.body.match_id, /^[0-9a-f]{32}$/);
  const tasks = m.body.tasks.filter((x) => x.organisation?.id === ORG);
  assert.ok(tasks.length >= 2, `the advice shows two tasks of ${ORG} (got ${tasks.length})`);
  const stamp = Date.now().toString(36);
  const name = `Test Bewoner ${stamp}`;
  const mine = await call('POST', '/responses', {
    match_id: m.body.match_id,
    task_id: tasks[0].id,
    contact: { name, email: `bewoner.${stamp}@voorbeeld.nl`, phone: '06 98765432' },
    message: 'Ik kan op dinsdag.\nBel me gerust.',
    consent: true,
  });
  assert.equal(mine.status, 201, JSON.stringify(mine.body));
  const click = await call('POST', '/click-throughs', { match_id: m.body.match_id, task_id: tasks[1].id });
  assert.equal(click.status, 204);
  const deskName = `Balie Bewoner ${stamp}`;
  const desk = await call('POST', '/responses', {
    match_id: m.body.match_id,
    task_id: tasks[1].id,
    contact: { name: deskName, phone: '070 765 43 21' },
    consent: true,
    recorded_by: 'desk',
  });
  assert.equal(desk.status, 201, JSON.stringify(desk.body));
  return { name, deskName, stamp, task: tasks[0], other: tasks[1], id: mine.body.id, deskId: desk.body.id };
}

async function signIn(page, org, key) {
  await page.waitForSelector('#org-signin');
  await page.selectOption('#org-id', org);
  await page.fill('#org-key', key);
  await page.click('#org-signin-button');
}

const cardFor = (page, id) => page.locator(`.response-card[data-response-id="${id}"]`);

/** Chooses a next step on a card and saves; waits until the page shows the new status. */
async function setStatus(page, id, status, { reason = null, expect = status } = {}) {
  const card = cardFor(page, id);
  await card.locator(`input[type="radio"][value="${status}"]`).check();
  if (reason) await card.locator('select[name="reason"]').selectOption(reason);
  await card.locator('.outcome-save').click();
  if (expect) await page.waitForSelector(`.response-card[data-response-id="${id}"][data-status="${expect}"]`);
}

const nextOptions = (page, id) => cardFor(page, id).locator('input[type="radio"]').evaluateAll((els) => els.map((e) => e.value));

// ------------------------------------------------------------------ tests

test('1. sign in: wrong key and another organisation’s key in plain words, then the responses, newest first', { skip }, async () => {
  const before = await figures();
  const r = await residentResponds();
  const page = await newPage(PHONE);
  let loaded = null;
  page.on('response', async (res) => {
    if (res.request().method() === 'GET' && new URL(res.url()).pathname === `/v1/organisations/${ORG}/responses` && res.ok()) loaded = await res.json();
  });
  await page.goto(`${BASE}/organisatie`);
  await page.waitForSelector('#org-signin');
  assert.equal(await page.title(), 'Voor organisaties – Talent Scan Den Haag');
  assert.equal(await page.textContent('h1'), 'Reacties via de Talent Scan');
  assert.equal(await page.getAttribute('#org-key', 'type'), 'password');
  assert.equal(await page.getAttribute('#org-key', 'autocomplete'), 'off');
  await runAxe(page, '/organisatie (sign in)');

  // Nothing filled in.
  await page.click('#org-signin-button');
  await page.waitForSelector('#org-id-error:not([hidden])');
  assert.equal(await page.textContent('#org-id-error'), 'Kies je organisatie.');
  assert.equal(await page.textContent('#org-key-error'), 'Vul de sleutel in.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-id');

  // A key that is not valid: 401, said at the key.
  await signIn(page, ORG, 'ts_0000000000000000000000000000000000000000000000000000000000000000');
  // The key's error is still shown from the empty form: wait for the API's answer.
  await page.waitForFunction(() => /klopt niet/.test(document.querySelector('#org-key-error')?.textContent || ''));
  assert.match(await page.textContent('#org-key-error'), /^Deze sleutel klopt niet\. Kijk of je de hele sleutel hebt overgenomen\./);
  assert.equal(await page.isVisible('#org-id-error'), false);
  assert.equal(await page.getAttribute('#org-key', 'aria-invalid'), 'true');
  assert.ok((await page.getAttribute('#org-key', 'aria-describedby')).split(' ').includes('org-key-error'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-key', 'focus on the key');
  await runAxe(page, '/organisatie (wrong key)');
  await viewShot(page, 'org-signin-401-390');

  // Another organisation's key: 403, said at the organisation.
  await signIn(page, ORG, OTHER_KEY);
  await page.waitForSelector('#org-id-error:not([hidden])');
  assert.match(await page.textContent('#org-id-error'), /^Deze sleutel hoort bij een andere organisatie\./);
  assert.equal(await page.isVisible('#org-key-error'), false);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'nothing is kept after a refused sign-in');

  // The right key.
  await signIn(page, ORG, KEY);
  await page.waitForSelector('#response-list');
  assert.match(await page.textContent('#org-who'), /^Aangemeld als Kookcafé De Gaarde$/);
  const kept = await page.evaluate(() => ({ session: JSON.parse(sessionStorage.getItem('talentscan.organisation.v1')), local: localStorage.length, cookie: document.cookie }));
  assert.deepEqual(kept.session, { org: ORG, key: KEY }, 'the key is in sessionStorage (this tab)');
  assert.equal(kept.local, 0, 'not in localStorage');
  assert.equal(kept.cookie, '');
  assert.deepEqual(await page.context().cookies(), []);

  // The resident's response: the task, name, mailto and tel links, the message, the dates.
  const card = cardFor(page, r.id);
  assert.equal(await card.count(), 1, 'the response made through the API is listed');
  const text = await card.textContent();
  assert.equal((await card.locator('h3').textContent()).trim(), r.task.title);
  assert.ok(text.includes(r.name));
  assert.equal(await card.locator('a[href^="mailto:"]').getAttribute('href'), `mailto:bewoner.${r.stamp}@voorbeeld.nl`);
  assert.equal(await card.locator('a[href^="tel:"]').getAttribute('href'), 'tel:0698765432');
  assert.equal(await card.locator('.response-message').textContent(), 'Ik kan op dinsdag.\nBel me gerust.');
  assert.match(text, /Ontvangen op \d{1,2} \w+ \d{4} om \d{2}:\d{2}/);
  assert.match(text, /Bewaard tot\d{1,2} \w+ \d{4}/);
  assert.match(text, /Ingevuld doorde bewoner zelf/);
  assert.equal(await card.locator('.status-tag').textContent(), 'Nieuw');
  assert.deepEqual(await nextOptions(page, r.id), ['contacted'], 'from "new" only "contacted" may follow');

  // The desk's response for the same resident is newer: it comes first.
  const desk = cardFor(page, r.deskId);
  assert.match(await desk.textContent(), /Ingevuld doorServicepunt XL, samen met de bewoner/);
  const order = await page.$$eval('.response-card', (cs) => cs.map((c) => c.dataset.responseId));
  assert.ok(order.indexOf(r.deskId) < order.indexOf(r.id), 'newest first');
  assert.match(await page.textContent('#org-count'), /^Er zijn \d+ reacties\. De nieuwste staan bovenaan\.$/);

  // Figures per task: as the API gave them, and this advice counted in them.
  assert.ok(loaded, 'the page read the responses');
  for (const x of loaded.tasks) {
    const cells = await page.$$eval(`#task-figures tr[data-task-id="${x.task_id}"] td`, (tds) => Object.fromEntries(tds.map((td) => [td.dataset.col, Number(td.textContent)])));
    assert.deepEqual(cells, { shown: x.shown, clicked: x.clicked, responded: x.responded, started: x.started, still_active: x.still_active }, `the row of ${x.task_id}`);
  }
  const was = (id) => before.tasks.find((x) => x.task_id === id) || { shown: 0, clicked: 0, responded: 0 };
  const now = (id) => loaded.tasks.find((x) => x.task_id === id);
  assert.ok(now(r.task.id).shown >= was(r.task.id).shown + 1, 'shown counts the advice');
  assert.ok(now(r.task.id).responded >= was(r.task.id).responded + 1, 'responded counts the response');
  assert.ok(now(r.other.id).clicked >= was(r.other.id).clicked + 1, 'clicked counts the click-through');
  const heads = await page.$$eval('#task-figures thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(heads, ['Taak', 'In een advies', 'Naar de website', 'Reacties', 'Begonnen', 'Na 3 maanden nog actief']);
  // On a phone each task is a block with its figures: nothing scrolls sideways.
  const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, table: document.querySelector('.org-table-scroll').scrollWidth, box: document.querySelector('.org-table-scroll').clientWidth }));
  assert.ok(wide.page <= PHONE.width && wide.table <= wide.box + 1, `nothing wider than the phone (${JSON.stringify(wide)})`);
  await runAxe(page, '/organisatie (responses, phone)');
  await page.locator('#org-tasks').screenshot({ path: join(SHOTS, 'org-figures-390.png') });
  await card.screenshot({ path: join(SHOTS, 'org-response-new-390.png') });

  // A reload keeps the sign-in (this tab); a key that no longer works signs out in plain words.
  await page.reload();
  await page.waitForSelector('#response-list');
  await page.evaluate(() => sessionStorage.setItem('talentscan.organisation.v1', JSON.stringify({ org: 'kookcafe-de-gaarde', key: 'ts_revoked' })));
  await page.reload();
  await page.waitForSelector('#org-signin');
  assert.match(await page.textContent('#org-notice'), /Je bent afgemeld, want de sleutel werkt niet meer/);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('talentscan.organisation.v1')), null);
  await closePage(page);
});

test('2. what came of it: contacted → started, a refused "still active" before three months, a reason for "not a fit"; English; sign out', { skip }, async () => {
  const r = await residentResponds();
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/organisatie`);
  await signIn(page, ORG, KEY);
  await page.waitForSelector('#response-list');
  const startedBefore = (await figures()).tasks.find((x) => x.task_id === r.task.id).started;

  // new → contacted (the only choice, chosen already).
  assert.equal(await cardFor(page, r.id).locator('input[type="radio"]').isChecked(), true, 'a single next step is chosen already');
  await setStatus(page, r.id, 'contacted');
  assert.equal(await cardFor(page, r.id).locator('.status-tag').textContent(), 'Contact gehad');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('status-tag')), true, 'focus on the new status');
  assert.equal(await page.textContent('#org-status'), 'Opgeslagen. Hoe staat het: Contact gehad.');
  assert.deepEqual(await nextOptions(page, r.id), ['started', 'not_a_fit', 'no_reply']);

  // "Past niet" needs a reason: asked on the page, nothing sent without it.
  const card = cardFor(page, r.id);
  await card.locator('input[type="radio"][value="not_a_fit"]').check();
  assert.ok(await card.locator('.outcome-reason').isVisible(), 'the reason is asked for "not a fit"');
  const outcomes = [];
  page.on('request', (q) => q.method() === 'POST' && /\/outcomes$/.test(new URL(q.url()).pathname) && outcomes.push(q.postDataJSON()));
  await card.locator('.outcome-save').click();
  await card.locator('.outcome-reason .utrecht-form-field-error-message:not([hidden])').waitFor();
  assert.equal(await card.locator('.outcome-reason .utrecht-form-field-error-message').textContent(), 'Kies waarom het niet past.');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'reason');
  assert.equal(outcomes.length, 0);

  // contacted → started.
  await card.locator('input[type="radio"][value="started"]').check();
  assert.equal(await card.locator('.outcome-reason').isVisible(), false);
  await setStatus(page, r.id, 'started');
  assert.equal(await cardFor(page, r.id).locator('.status-tag').textContent(), 'Begonnen');
  assert.deepEqual(await nextOptions(page, r.id), ['still_active', 'stopped']);
  const history = await cardFor(page, r.id).locator('.history li').evaluateAll((ls) => ls.map((l) => l.dataset.status));
  assert.deepEqual(history, ['new', 'contacted', 'started'], 'the history, oldest first');

  // Still active the same day: the API refuses (from three months after the start); the
  // page says from which day, at the choice, and the status stays.
  await setStatus(page, r.id, 'still_active', { expect: null });
  const err = cardFor(page, r.id).locator('.outcome-next .utrecht-form-field-error-message');
  await err.waitFor({ state: 'visible' });
  assert.match(await err.textContent(), /^‘Doet na 3 maanden nog mee’ kun je pas kiezen vanaf \d{1,2} \w+ \d{4}\. Dat is 3 maanden na de start\.$/);
  assert.doesNotMatch(await cardFor(page, r.id).textContent(), /reported three months|still_active/, 'no raw API English');
  assert.equal(await cardFor(page, r.id).getAttribute('data-status'), 'started');
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'still_active', 'focus at the choice');
  assert.ok((await cardFor(page, r.id).locator('.outcome-next').getAttribute('aria-describedby')).includes('-next-error'));
  await runAxe(page, '/organisatie ("still active" refused, phone)');
  await cardFor(page, r.id).scrollIntoViewIfNeeded();
  await cardFor(page, r.id).screenshot({ path: join(SHOTS, 'org-still-active-refused-390.png') });

  // The figures count the start.
  const row = page.locator(`#task-figures tr[data-task-id="${r.task.id}"]`);
  assert.ok(Number(await row.locator('td[data-col="started"]').textContent()) >= startedBefore + 1, 'started counts the start');
  assert.equal(await row.locator('td[data-col="started"]').getAttribute('data-label'), 'Begonnen');

  // The desk's response: contacted → not a fit, with a reason; then nothing follows.
  await setStatus(page, r.deskId, 'contacted');
  await setStatus(page, r.deskId, 'not_a_fit', { reason: 'time' });
  const deskCard = cardFor(page, r.deskId);
  assert.equal(await deskCard.locator('.status-tag').textContent(), 'Past niet');
  assert.match(await deskCard.locator('.history').textContent(), /Past niet \(reden: de dagen of tijden passen niet\)/);
  assert.equal(await deskCard.locator('.outcome-form').count(), 0);
  assert.equal(await deskCard.locator('.org-done').textContent(), 'Er is geen volgende stap meer.');
  await shots(page, 'organisatie');

  // English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.textContent('h1'), 'Responses through the Talent Scan');
  assert.equal(await cardFor(page, r.id).locator('.status-tag').textContent(), 'Started');
  assert.equal(await page.textContent('#task-figures thead th:nth-child(2)'), 'In an advice');
  assert.equal(await cardFor(page, r.id).locator('h3').getAttribute('lang'), 'nl', 'the Dutch task title is marked Dutch');
  await runAxe(page, '/organisatie (English)');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');

  // Sign out: the key leaves the tab.
  await page.click('#org-signout');
  await page.waitForSelector('#org-signin');
  assert.equal(await page.textContent('#org-notice'), 'Je bent afgemeld. De sleutel is uit dit tabblad gewist.');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-notice');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('talentscan.organisation.v1')), null);
  await page.reload();
  await page.waitForSelector('#org-signin');
  assert.equal(await page.locator('#response-list').count(), 0, 'still signed out after a reload');
  await page.setViewportSize(DESKTOP);
  await closePage(page);
});

test('3. every page links the organisations’ page from its footer', async () => {
  for (const path of ['/', '/balie', '/organisatie', '/toegankelijkheid']) {
    const p = await newPage(PHONE);
    await p.goto(`${BASE}${path}`);
    assert.equal(await p.locator('footer a[href="/organisatie"]').count(), 1, `${path} links /organisatie in the footer`);
    assert.equal(await p.locator('footer a[href="/toegankelijkheid"]').count(), 1);
    await closePage(p);
  }
});
