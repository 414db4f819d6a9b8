// Real-browser tests of the talentscan pages, against a running server with the sample
// catalog (tools/browser-tests.sh starts one). Chromium from Debian (/usr/bin/chromium)
// through playwright-core; accessibility checks with axe-core.
//
//   TALENTSCAN_URL=http://127.0.0.1:18300 node --test --test-reporter=spec e2e.mjs
//
// Screenshots go to SCREENSHOT_DIR (default ../../target/screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, SHOTS, PHONE, DESKTOP, useBrowser, newPage, closePage, shot, shots, viewShot, runAxe, taskIds, pdfPages, cardOverflow } from './lib.mjs';

useBrowser();

// ------------------------------------------------------------------ helpers

async function stepLabel(page) {
  return (await page.locator('.step-progress .denhaag-form-progress__label').textContent()).trim();
}

/**
 * Waits for step n. After a step change focus is on the step heading; on a fresh page
 * (`first`) focus stays at the top, so the skip link and the language button come first.
 */
async function expectStep(page, n, { total = 6, lang = 'nl', first = false } = {}) {
  const want = lang === 'en' ? `Step ${n} of ${total}` : `Stap ${n} van ${total}`;
  await page.waitForFunction(
    (w) => document.querySelector('.step-progress .denhaag-form-progress__label')?.textContent.trim() === w,
    want,
  );
  const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  if (first) assert.equal(active, 'BODY', `on a fresh page focus does not jump into the form (got ${active})`);
  else assert.equal(active, 'step-heading', `focus is on the step heading at "${want}"`);
}

/** Goes to the next question of a step shown one question at a time. */
async function nextQuestion(page) {
  const before = await page.textContent('#sub-progress');
  await page.click('#next-question');
  await page.waitForFunction((b) => document.getElementById('sub-progress')?.textContent !== b, before);
}

/** From any question of a step to the next step ("Volgende vraag" … "Volgende"). */
async function nextStep(page) {
  while (await page.$('#next-question')) await nextQuestion(page);
  await page.click('#next-step');
}

async function answerWhereWhen(page, { postcode = '2532', travel = 'fiets-wijk', slots, often = 'week-dagdeel' } = {}) {
  await page.fill('#q-woonplek', postcode);
  if (travel) await page.check(`input[name="q-reizen"][value="${travel}"]`);
  for (const s of slots || ['tue-afternoon', 'wed-morning', 'thu-afternoon', 'sat-morning']) {
    await page.check(`input[name="q-tijden"][value="${s}"]`);
  }
  if (often) await page.check(`input[name="q-hoe-vaak"][value="${often}"]`);
}

/** Step 2: on / one question at a time (interests, then skills …); at the desk on one page. */
async function answerLikes(page, { interests = ['buurt', 'eten-koken', 'ouderen'], skills = ['gastvrijheid', 'luisteren'] } = {}) {
  for (const i of interests) await page.check(`input[name="q-interesses"][value="${i}"]`);
  if (await page.$('#next-question')) await nextQuestion(page);
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
  await expectStep(page, 1, { first: true });
  await answerWhereWhen(page, opts);
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page, opts);
  await nextStep(page);
  await expectStep(page, 3);
  await finishScan(page, opts);
}

/** Only what is required: a postcode, moments and interests; every other question skipped. */
async function partialScan(page, { postcode = '2532', slots = ['tue-morning', 'thu-morning'], interests = ['eten-koken'], skills = [], handen = [] } = {}) {
  await expectStep(page, 1, { first: true });
  await page.fill('#q-woonplek', postcode);
  for (const s of slots) await page.check(`input[name="q-tijden"][value="${s}"]`);
  await page.click('#next-step');
  await expectStep(page, 2);
  for (const i of interests) await page.check(`input[name="q-interesses"][value="${i}"]`);
  if (skills.length || handen.length) {
    await nextQuestion(page);
    for (const s of skills) await page.check(`input[name="q-talent-mensen"][value="${s}"]`);
    await nextQuestion(page);
    for (const s of handen) await page.check(`input[name="q-talent-handen"][value="${s}"]`);
  }
  await nextStep(page);
  for (let n = 3; n <= 5; n += 1) {
    await expectStep(page, n);
    await page.click('#next-step');
  }
  await expectStep(page, 6);
  await page.click('#finish-scan');
  await page.waitForSelector('#task-list > li');
}

/** The page's width in CSS pixels against the viewport (WCAG 1.4.10: no sideways scrolling). */
async function sideways(page) {
  return page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
}

// ------------------------------------------------------------------ tests

let resident; // the resident page, shared by the first tests

test('1. resident scan on / : errors shown at the question, then ≥5 task cards with reasons', async () => {
  resident = await newPage(DESKTOP);
  const page = resident;
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
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

  // The place is checked at step 1 against Den Haag's postcodes and wijken.
  await answerWhereWhen(page, { postcode: '1012' });
  await page.click('#next-step');
  await page.waitForSelector('#q-woonplek-error:not([hidden])');
  assert.equal(await stepLabel(page), 'Stap 1 van 6', 'a postcode outside Den Haag stops at step 1');
  assert.match(await page.textContent('#q-woonplek-error'), /1012 is geen postcode in Den Haag/);
  assert.equal(await page.getAttribute('#q-woonplek', 'aria-invalid'), 'true');
  assert.ok(!(await page.isVisible('#q-tijden-error')), 'no error left at a question that is fine');
  await page.fill('#q-woonplek', 'Den Haag');
  await page.click('#next-step');
  await page.waitForFunction(() => /Den Haag is de stad/.test(document.getElementById('q-woonplek-error')?.textContent || ''));
  assert.match(await page.textContent('#q-woonplek-error'), /wijk|postcode/);
  await page.fill('#q-woonplek', 'Moerwyk');
  await page.click('#next-step');
  await page.waitForFunction(() => /Bedoel je Moerwijk\?/.test(document.getElementById('q-woonplek-error')?.textContent || ''));
  await page.click('.place-suggest');
  assert.equal(await page.inputValue('#q-woonplek'), 'Moerwijk', 'one tap takes the suggested wijk');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-woonplek');
  const listed = await page.$$eval('#wijken-list option', (os) => os.map((o) => o.value));
  assert.ok(listed.includes('Moerwijk') && listed.includes('2532'), 'the field suggests wijken and postcodes while typing');

  // When the API still rejects the place (422), the error comes back to the question on step 1.
  await page.route(
    '**/v1/scans',
    (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, errors: [{ pointer: '/answers/woonplek', message: 'unknown postcode or wijk' }] }),
      }),
    { times: 1 },
  );
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page);
  await nextStep(page);
  await expectStep(page, 3);
  await page.click('#next-step');
  await page.click('#next-step');
  await page.click('#next-step');
  await page.waitForSelector('#finish-scan');
  const step6 = await page.textContent('#questionnaire');
  assert.doesNotMatch(step6, /Volunteer Functions Inventory|Clary|IJERPH/, 'the research note is not shown to residents');
  // A message about a course nearby needs a stored scan, and this page never stores one:
  // that question (only_when_stored) is not asked here; the step's other questions are.
  assert.equal(await page.locator('[data-item="meetellen"]').count(), 1, 'the last step asks whether the answers may count');
  assert.equal(await page.locator('[data-item="cursus-bericht"]').count(), 0, 'no question about a course message on /');
  assert.doesNotMatch(step6, /cursus bij jou in de buurt/);
  await page.click('#finish-scan');
  await page.waitForSelector('#q-woonplek-error:not([hidden])');
  assert.equal(await stepLabel(page), 'Stap 1 van 6', 'the API error leads back to step 1');
  assert.equal(await page.getAttribute('#q-woonplek', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#q-woonplek-error'), /postcode/i);

  await page.fill('#q-woonplek', '2532');
  await page.click('#next-step');
  await expectStep(page, 2);
  await nextStep(page);
  await expectStep(page, 3);
  await finishScan(page);

  // Result: the tasks first, then the persona and the profile in words (no marks out of 100).
  assert.match(await page.textContent('#archetype-title'), /^Jij bent De \S+/);
  const firstCardFirst = await page.evaluate(() => {
    const card = document.querySelector('#task-list > li');
    const persona = document.getElementById('archetype-title');
    return Boolean(card && persona && card.compareDocumentPosition(persona) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(firstCardFirst, 'the best tasks come before the persona');
  assert.equal(await page.locator('svg.kkwz-chart').count(), 0, 'no chart with scores for residents');
  assert.equal(await page.locator('.kkwz-text dt').count(), 4, 'the four parts of the profile');
  assert.equal(await page.locator('.kkwz-text dd').filter({ hasText: /\w{3,}/ }).count(), 4, 'the four parts in words');
  const viewText = await page.textContent('#result-view');
  assert.doesNotMatch(viewText, /\d+\s*(\/|van|out of)\s*100/, 'no numbers out of 100 for residents');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no cookies');
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
  assert.match(allText, /uur per week|uur per keer/, 'the time is shown');
  assert.doesNotMatch(allText, /\b1 hours\b|\b0,\d uur per week/, 'no odd time units');
  assert.ok((await page.locator('#task-list a[href^="tel:"], #task-list a[href^="mailto:"]').count()) >= 1, 'contact details are links');
  // One clear next step per card, with what to say.
  for (let i = 0; i < n; i += 1) {
    const card = cards.nth(i);
    const title = (await card.locator('h3').textContent()).trim();
    assert.equal(await card.locator('.next-step a.next-step-action').count(), 1, `card "${title}" has one next step`);
    assert.match(await card.locator('.next-step a.next-step-action').getAttribute('href'), /^(tel:|mailto:|https?:)/);
    assert.ok((await card.locator('.say').textContent()).includes(`Ik heb de Talent Scan gedaan en wil graag kennismaken voor ‘${title}’`), `card "${title}" says what to say`);
  }
  // The benefit notice once, not again on every card.
  assert.equal(await page.locator('#task-list .allowance-check').count(), 0, 'no allowance text repeated on the cards');
  // Servicepunt XL from data/servicepunt.json, with the city's phone number.
  await page.waitForSelector('#servicepunt:not([hidden])');
  assert.match(await page.textContent('#servicepunt'), /Servicepunt XL/);
  assert.equal(await page.getAttribute('#servicepunt-phone', 'href'), 'tel:14070');
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
  // "Met de fiets, in mijn wijk" was answered: that distance is chosen and marked as the answer.
  assert.match(await page.$eval('#f-radius', (s) => s.selectedOptions[0].textContent), /^tot \d+ km \(jouw antwoord\)$/);
  assert.equal(await page.locator('#f-radius option', { hasText: 'jouw antwoord' }).count(), 1);
  assert.equal(await page.locator('#f-radius option', { hasText: 'Geen grens' }).count(), 0, 'an answered distance has a limit');
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

  // "Toon meer taken": more than 10 is not a dead end.
  await page.selectOption('#f-radius', '15');
  await page.click('#apply-filters');
  await page.waitForFunction(() => document.querySelectorAll('#task-list > li').length >= 10 && !document.getElementById('result-lists')?.hasAttribute('aria-busy'));
  const count = await page.textContent('#task-count');
  const m = /(\d+) van (\d+) taken/.exec(count);
  assert.ok(m, `the count says "x van y taken" (got "${count}")`);
  if (Number(m[2]) > Number(m[1])) {
    assert.ok(await page.isVisible('#more-tasks'), 'a "Toon meer taken" button when more tasks fit');
    assert.equal(await page.textContent('#more-tasks'), 'Toon meer taken');
    const shown = Number(m[1]);
    await page.click('#more-tasks');
    await page.waitForFunction((k) => document.querySelectorAll('#task-list > li').length > k, shown);
    const focused = await page.evaluate(() => document.activeElement?.closest('#task-list > li') && [...document.querySelectorAll('#task-list > li')].indexOf(document.activeElement.closest('#task-list > li')));
    assert.equal(focused, shown, 'focus moves to the first new card');
    assert.match(await page.textContent('#task-count'), new RegExp(`^${await page.locator('#task-list > li').count()} van`), 'the count follows');
  }
  await closePage(page);
  resident = null;
});

test('3. keyboard only: step 1 of the scan', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
  // On load nothing is skipped: the first Tab reaches the skip link, the next ones the header.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab reaches the skip link');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lang-switch', 'then the brand link and the language button');
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
  await expectStep(page, 1, { first: true });
  await page.fill('#q-woonplek', '2532');
  assert.match(await page.textContent('h1'), /welk vrijwilligerswerk past bij jou/);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction(() => /Where and when/.test(document.getElementById('step-heading')?.textContent || ''));
  assert.match(await page.textContent('[data-item="woonplek"] label'), /What is your postcode\?/);
  assert.equal(await stepLabel(page), 'Step 1 of 6');
  assert.match(await page.textContent('h1'), /which volunteer work suits you/, 'the page heading switches language mid-scan');
  assert.match(await page.title(), /^Step 1 of 6: Where and when – Talent Scan The Hague$/, 'so does the <title>');
  assert.equal(await page.inputValue('#q-woonplek'), '2532', 'the answer stays after switching language');
  assert.equal(await page.textContent('#lang-switch'), 'Nederlands');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl' && /Waar en wanneer/.test(document.getElementById('step-heading')?.textContent || ''));
  assert.match(await page.textContent('h1'), /welk vrijwilligerswerk past bij jou/);
  assert.match(await page.title(), /Talent Scan Den Haag$/);

  // On the result view the switch scores the same answers again for English texts.
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${BASE}/`);
  await completeScan(page);
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && /^You are The /.test(document.getElementById('archetype-title')?.textContent || ''));
  await page.waitForSelector('#task-list > li');
  assert.match(await page.textContent('.notice-list'), /advice, not a decision/);
  assert.match(await page.textContent('#task-list'), /hours? a week|each time/);
  assert.ok((await page.locator('#task-list > li').count()) >= 5, 'still at least 5 tasks in English');
  // No Dutch leaks in the page's own texts: Dutch catalog texts are marked lang="nl".
  for (const sel of ['#task-list > li h3', '#task-list .card-org', '#task-list .card-desc', '#task-list .say-text']) {
    const langs = await page.$$eval(sel, (els) => els.map((e) => e.getAttribute('lang')));
    assert.ok(langs.length && langs.every((l) => l === 'nl'), `${sel} is marked lang="nl" (got ${JSON.stringify(langs.slice(0, 3))})`);
  }
  const own = await page.evaluate(() => {
    const clone = document.getElementById('result-view').cloneNode(true);
    for (const el of clone.querySelectorAll('[lang="nl"], .print-only')) el.remove();
    return clone.textContent;
  });
  assert.doesNotMatch(own, /\b(uur|per keer|per maand|per jaar|Volgende stap|Voorwaarde|Geen geld|Balie|Waar|Wanneer)\b/, 'no Dutch words in the English page texts');
  assert.doesNotMatch(own, /\b1 hours\b/, 'English plurals');
  assert.doesNotMatch(own, /\d{4}-\d{2}-\d{2}/, 'dates are written out, not as 2027-02-04');
  assert.doesNotMatch(own, /€ ?\d{1,3}\.\d{3}/, 'amounts the English way (€2,100)');
  assert.match(await page.title(), /What suits you – Talent Scan The Hague/);
  await shots(page, 'result-en');
  await closePage(page);
});

test('5. desk view /balie: store with consent, what-if, compare, carving, print, erase', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/balie`);
  await expectStep(page, 1, { first: true });
  await answerWhereWhen(page, { postcode: '2541' });
  await page.click('#next-step');
  await expectStep(page, 2);
  await answerLikes(page);
  await page.click('#next-step');
  await expectStep(page, 3);
  // One motive answered: enough for the API to name an archetype ("Jij bent …" on paper).
  await page.check('input[name="q-vfi-sociaal"][value="5"]');
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
  // The number is shown in blocks of 4; the real id is on the element, and that is what the
  // erase check below asks the API about.
  const scanId = await page.getAttribute('#scan-id', 'data-scan-id');
  assert.match(scanId, /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/, `a scan id (32 hex digits) is kept on the element (got "${scanId}")`);
  const scanShown = (await page.textContent('#scan-id')).trim();
  assert.equal(scanShown.replace(/-/g, ''), scanId.replace(/-/g, ''), 'the number shown is the scan id in blocks');
  assert.equal(await page.evaluate(async (id) => (await fetch(`/v1/scans/${id}`)).status, scanId), 200, 'the stored scan can be read before erasing');

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
  // B first: the desk never lets A and B be the same task (it disables the other's choice).
  await page.selectOption('#compare-b', options[2]);
  await page.selectOption('#compare-a', options[0]);
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
  assert.ok(summary.includes(scanShown), 'the summary shows the scan number');
  assert.match(summary, /uitkering/i, 'the summary shows the allowance notice for people on a benefit');
  const pdf = await page.pdf({ path: join(SHOTS, 'balie-summary.pdf'), format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the summary fits on one A4 page');
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
  await expectStep(page, 1, { first: true });
  await runAxe(page, '/ (step 1)');
  await page.click('#next-step'); // with errors shown
  await page.waitForSelector('#error-summary:not([hidden])');
  await runAxe(page, '/ (step 1 with errors)');
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
  await answerWhereWhen(page, { postcode: '2541' });
  await page.click('#next-step');
  await expectStep(page, 2);
  await runAxe(page, '/ (step 2, question 1 of 5)');
  await answerLikes(page);
  await page.click('[data-item="talent-mensen"] .more-options');
  await runAxe(page, '/ (step 2, skills with all choices shown)');
  await page.click('#wipe-answers');
  await runAxe(page, '/ (step 2, "Wis mijn antwoorden" asks first)');
  await page.click('#wipe-cancel');
  await nextStep(page);
  await expectStep(page, 3);
  await finishScan(page);
  await runAxe(page, '/ (result)');
  const term = page.locator('button.term').first();
  if (await term.count()) {
    await term.click();
    await runAxe(page, '/ (result, a glossary term opened)');
  }
  await page.setViewportSize(PHONE);
  await runAxe(page, '/ (result, phone width)');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && /^You are/.test(document.getElementById('archetype-title')?.textContent || ''));
  await page.waitForSelector('#task-list > li');
  await runAxe(page, '/ (result in English, phone width)');
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
  for (const path of ['/', '/balie', '/organisatie', '/toegankelijkheid']) {
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
  await expectStep(page, 1, { first: true });
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

// ------------------------------------------------------------------ the issue "advice a resident can trust"

const FOOD = /kook|koken|kok\b|eten|maaltijd|keuken|lunch|soep|ontbijt|diner|voedsel|brood|bak/i;

test('8. partial answers (postcode, two mornings, "Eten en koken"): tasks, the first about food', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/`);
  await partialScan(page);
  const n = await page.locator('#task-list > li').count();
  assert.ok(n >= 3, `tasks are shown for the partial answers (got ${n})`);
  const first = page.locator('#task-list > li').first();
  const text = `${await first.locator('h3').textContent()} ${await first.locator('.card-desc').textContent().catch(() => '')}`;
  assert.match(text, FOOD, `the first card is about cooking or food (got "${text.trim().slice(0, 120)}")`);
  await shots(page, 'partial-result');
  await closePage(page);
});

test('9. no driving licence: no "Chauffeur" task for a resident who did not tick "Autorijden"', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await partialScan(page, { postcode: '2541', slots: ['mon-morning', 'tue-morning', 'wed-morning', 'thu-morning', 'fri-morning'], interests: ['vervoer'], skills: ['luisteren'], handen: ['klussen'] });
  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('talentscan.resident.v1')).answers);
  assert.ok(!(kept['talent-handen'] || []).includes('autorijden'), 'the resident did not claim a driving licence');
  const titles = async () => page.$$eval('#task-list > li h3', (hs) => hs.map((x) => x.textContent.trim()));
  let list = await titles();
  if (await page.$('#more-tasks')) {
    const k = list.length;
    await page.click('#more-tasks');
    await page.waitForFunction((c) => document.querySelectorAll('#task-list > li').length > c, k);
    list = await titles();
  }
  const chauffeur = list.filter((x) => /chauffeur/i.test(x));
  assert.deepEqual(chauffeur, [], `no task that needs a driving licence (got ${JSON.stringify(chauffeur)})`);
  // Conditions a resident must meet are shown on the card as "Voorwaarde".
  const reqs = await page.$$eval('#task-list .requirements', (els) => els.map((e) => e.textContent));
  assert.ok(reqs.every((r) => /^Voorwaarde/.test(r)), 'requirements are labelled "Voorwaarde"');
  await closePage(page);
});

test('10. answers survive a reload and Back; "Wis mijn antwoorden" clears them', async () => {
  const page = await newPage(PHONE);
  const scanBodies = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/scans') scanBodies.push(r.postDataJSON());
  });
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
  await answerWhereWhen(page, { postcode: '2533' });
  await page.click('#next-step');
  await expectStep(page, 2);
  await page.check('input[name="q-interesses"][value="natuur-groen"]');
  // An answer in the tab to a question this page does not ask (cursus-bericht, only for a
  // stored scan at the desk): dropped on load, never sent.
  await page.evaluate(() => {
    const s = JSON.parse(sessionStorage.getItem('talentscan.resident.v1'));
    s.answers['cursus-bericht'] = 'ja';
    sessionStorage.setItem('talentscan.resident.v1', JSON.stringify(s));
  });

  // Reload: the same step, the same answers (kept in sessionStorage only).
  await page.reload();
  await expectStep(page, 2, { first: true });
  assert.ok(await page.isChecked('input[name="q-interesses"][value="natuur-groen"]'), 'the ticked interest is still there after a reload');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no cookies');

  // Back from step 2 goes to step 1, with its answers.
  await page.goBack();
  await expectStep(page, 1);
  assert.equal(await page.inputValue('#q-woonplek'), '2533', 'the postcode is still there after Back');
  assert.ok(await page.isChecked('input[name="q-tijden"][value="sat-morning"]'));
  await page.goForward();
  await expectStep(page, 2);

  // One question at a time in step 2; Back goes to the previous question.
  await nextQuestion(page);
  assert.match(await page.textContent('#sub-progress'), /Vraag 2 van \d/);
  await page.goBack();
  await page.waitForFunction(() => /Vraag 1 van/.test(document.getElementById('sub-progress')?.textContent || ''));

  // To the result, reload there, then Back to the last step.
  await nextStep(page);
  await expectStep(page, 3);
  await finishScan(page);
  assert.ok(scanBodies.length >= 1, 'the answers were sent');
  assert.ok(scanBodies.every((b) => !('cursus-bericht' in b.answers) && b.store !== true), 'never an answer to cursus-bericht from /, never stored');
  assert.equal(await page.evaluate(() => 'cursus-bericht' in JSON.parse(sessionStorage.getItem('talentscan.resident.v1')).answers), false, 'not kept in the tab either');
  const ids = await taskIds(page);
  await page.reload();
  await page.waitForSelector('#task-list > li');
  assert.deepEqual(await taskIds(page), ids, 'the result is still there after a reload');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'result-heading', 'no focus jump on load');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.goBack();
  await expectStep(page, 6);
  // The step's heading is on screen, not where the long results page was scrolled to.
  await page.waitForTimeout(300);
  const top = await page.evaluate(() => document.activeElement?.getBoundingClientRect().top ?? -1);
  assert.ok(top >= 0 && top < 300, `the step's heading is in view after Back (top ${top})`);
  await page.goForward();
  await page.waitForSelector('#task-list > li');
  // "Toon meer taken", then Back and Forward: the longer list is kept (as after a reload).
  if (await page.$('#more-tasks')) {
    const k = await page.locator('#task-list > li').count();
    await page.click('#more-tasks');
    await page.waitForFunction((c) => document.querySelectorAll('#task-list > li').length > c, k);
    const longer = await page.locator('#task-list > li').count();
    await page.goBack();
    await expectStep(page, 6);
    await page.goForward();
    await page.waitForFunction((c) => document.querySelectorAll('#task-list > li').length === c, longer);
    assert.equal(await page.locator('#task-list > li').count(), longer, 'Back then Forward keeps the longer list');
  }

  // "Wis mijn antwoorden": asks once more, then clears and starts over.
  await page.click('#wipe-answers');
  assert.equal(await page.getAttribute('#wipe-answers', 'aria-expanded'), 'true');
  await page.click('#wipe-confirm');
  await expectStep(page, 1);
  assert.equal(await page.inputValue('#q-woonplek'), '', 'the postcode is gone');
  assert.equal(await page.locator('input[name="q-tijden"]:checked').count(), 0, 'the moments are gone');
  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('talentscan.resident.v1') || '{}'));
  assert.deepEqual(kept.answers || {}, {}, 'no answers left in sessionStorage');
  await page.reload();
  await expectStep(page, 1, { first: true });
  assert.equal(await page.inputValue('#q-woonplek'), '', 'still empty after a reload');
  await closePage(page);
});

test('11. at 320 px wide nothing scrolls sideways (WCAG 1.4.10)', async () => {
  const page = await newPage({ width: 320, height: 640 });
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
  const check = async (where) => {
    const w = await sideways(page);
    assert.ok(w.scroll <= 320, `${where}: the page is ${w.scroll} px wide at a 320 px screen`);
  };
  await check('step 1');
  await page.click('#next-step');
  await page.waitForSelector('#error-summary:not([hidden])');
  await check('step 1 with errors');
  await answerWhereWhen(page, { postcode: 'Moerwyk' });
  await page.click('#next-step');
  await page.waitForSelector('.place-suggest');
  await check('step 1 with "Bedoel je Moerwijk?"');
  await page.click('.place-suggest');
  await page.click('#next-step');
  await expectStep(page, 2);
  for (let i = 0; (await page.$('#next-question')) && i < 8; i += 1) {
    if (i === 0) await page.check('input[name="q-interesses"][value="buurt"]');
    const more = page.locator('.more-options');
    if (await more.count()) await more.first().click();
    await check(`step 2, ${await page.textContent('#sub-progress')}`);
    await nextQuestion(page);
  }
  await check('step 2, last question');
  await page.click('#next-step');
  await expectStep(page, 3);
  await check('step 3');
  await finishScan(page);
  await page.waitForTimeout(200);
  await check('result with cards');
  // Phone numbers never break inside the call button; the line wraps between words.
  const broken = await page.$$eval('.next-step-action .nowrap, #servicepunt-phone .nowrap', (els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
  assert.deepEqual(broken, [], 'no phone number broken over two lines');
  assert.ok((await page.locator('.next-step-action .nowrap').count()) >= 1, 'call buttons keep the number whole');
  const mails = await page.$$eval('.next-step-alt .email', (els) => els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length, right: e.getBoundingClientRect().right })));
  assert.ok(mails.every((m) => m.right <= 320), 'e-mail addresses stay on the screen');
  await page.click('#f-days-toggle');
  await check('result with the moments open');
  await shots(page, 'result-320');
  await page.screenshot({ path: join(SHOTS, 'result-320-top.png'), clip: { x: 0, y: 0, width: 320, height: 1600 }, fullPage: true });
  await closePage(page);
});

test('12. print or save as PDF: a one-page summary with tasks, reasons and next steps', async () => {
  const page = await newPage(DESKTOP);
  await page.goto(`${BASE}/`);
  await completeScan(page);
  assert.equal(await page.textContent('#print-result'), 'Print of bewaar als PDF');
  assert.equal(await page.isVisible('#resident-summary'), false, 'the summary is hidden on screen');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.isVisible('#resident-summary'), 'the summary is shown in print');
  for (const sel of ['#filters', '#task-list', '.site-header', '.site-footer', '#print-result', '#wipe-answers']) {
    assert.equal(await page.isVisible(sel), false, `${sel} is hidden in print`);
  }
  const summary = await page.textContent('#resident-summary');
  const first = (await page.locator('#task-list > li h3').first().textContent()).trim();
  assert.ok(summary.includes(first), 'the summary names the best task');
  assert.match(summary, /Waarom: /, 'with reasons');
  assert.match(summary, /Volgende stap: (Bel|Mail|Kijk)/, 'with the next step');
  assert.match(summary, /Ik heb de Talent Scan gedaan/, 'with what to say');
  assert.match(summary, /Servicepunt XL/, 'with where to get help');
  assert.match(summary, /Gemaakt op \d{1,2} \w+ \d{4}/, 'dated');
  const pdf = await page.pdf({ path: join(SHOTS, 'resident-summary.pdf'), format: 'A4', printBackground: true });
  assert.equal(pdfPages(pdf), 1, 'the summary fits on one A4 page');
  await page.screenshot({ path: join(SHOTS, 'resident-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await closePage(page);
});

test('13. the time reads true, and jargon is explained on tap', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/`);
  await completeScan(page, { postcode: '2532' });
  while (await page.$('#more-tasks')) {
    const k = await page.locator('#task-list > li').count();
    await page.click('#more-tasks');
    await page.waitForFunction((c) => document.querySelectorAll('#task-list > li').length > c, k);
  }
  // Compare each card with the API's schedule for that task.
  const persona = await page.evaluate(() => JSON.parse(sessionStorage.getItem('talentscan.resident.v1')).persona);
  const resp = await page.evaluate(async (p) => (await fetch('/v1/matches', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: p, limit: { tasks: 50, trainings: 0 }, lang: 'nl' }) })).json(), persona);
  const byId = new Map(resp.tasks.map((x) => [x.id, x]));
  let once = 0;
  let onCall = 0;
  for (const card of await page.$$('#task-list > li')) {
    const id = await card.getAttribute('data-task-id');
    const task = byId.get(id);
    if (!task) continue;
    const time = await card.$eval('.fact--time dd', (d) => d.textContent);
    if (task.schedule.frequency === 'once') {
      once += 1;
      assert.match(time, /^één keer, [\d,]+ uur$/, `a one-off task reads "één keer, 3 uur" (got "${time}")`);
    } else if (task.schedule.on_call) {
      onCall += 1;
      assert.match(time, /^als het nodig is \(op afroep\), ongeveer [\d,]+ uur per keer$/, `an on-call task reads true (got "${time}")`);
    }
    if (task.schedule.frequency !== 'weekly') assert.doesNotMatch(time, /per week/, `only weekly tasks read "per week" (got "${time}")`);
  }
  console.log(`  (checked ${once} one-off and ${onCall} on-call tasks)`);
  // Glossary: a term in a card opens a short explanation.
  const term = page.locator('button.term').first();
  assert.ok(await term.count(), 'a jargon word (VOG, HACCP, EHBO, …) in the cards is explained');
  assert.equal(await term.getAttribute('aria-expanded'), 'false');
  const defId = await term.getAttribute('aria-controls');
  assert.equal(await page.isVisible(`#${defId}`), false);
  await term.click();
  assert.equal(await term.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.isVisible(`#${defId}`), 'the explanation is shown');
  assert.ok((await page.textContent(`#${defId}`)).length > 20);
  await closePage(page);
});

// ------------------------------------------------------------------ the review "say only what is known"

/** The POST /v1/matches bodies the page sends, and the answers, from now on. */
function recordMatches(page) {
  const sent = [];
  const answers = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/matches') sent.push(JSON.parse(r.postData()));
  });
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/v1/matches' && r.ok()) answers.push(await r.json().catch(() => null));
  });
  return { sent, answers };
}

/** Clicks "Zoek opnieuw" and waits until the new list is there. */
async function applyAndWait(page, sent) {
  const n = sent.length;
  await page.click('#apply-filters');
  for (let i = 0; i < 100 && sent.length <= n; i += 1) await page.waitForTimeout(50);
  assert.ok(sent.length > n, 'the filters were sent');
  await page.waitForFunction(() => !document.getElementById('result-lists')?.hasAttribute('aria-busy'));
}

test('14. what the resident did not answer is not described: no archetype, "Dit weten we nog niet", filters without a limit', async () => {
  const page = await newPage(PHONE);
  // As the API answers a scan with too few answers: no archetype, the parts nobody asked
  // about in `unknown` (with an old middle-value text, which the page must not show).
  await page.route('**/v1/scans', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    delete body.archetype;
    body.unknown = ['kkwz.kennen', 'kkwz.kunnen', 'kkwz.willen', 'kkwz.zijn', 'motivation.social'];
    body.kkwz_explanation = { ...body.kkwz_explanation, kennen: 'Je weet al een beetje wat er is.' };
    await route.fulfill({ response: res, json: body });
  });
  const { sent } = recordMatches(page);
  await page.goto(`${BASE}/`);
  await partialScan(page);
  const view = await page.textContent('#result-view');
  assert.equal(await page.locator('#archetype-title').count(), 0, 'no "Jij bent …" without an archetype');
  assert.doesNotMatch(view, /Jij bent/);
  // Four parts nobody asked about: one line for all of them, not the same text four times.
  const dds = await page.locator('.kkwz-text dd').allTextContents();
  assert.deepEqual(dds, ['Dit weten we nog niet: je hebt deze vragen overgeslagen.'], `one line for the parts nobody asked about (got ${JSON.stringify(dds)})`);
  assert.equal(await page.textContent('.kkwz-text dt'), 'Kennen, Kunnen, Willen en Zijn');
  assert.doesNotMatch(view, /Je weet al een beetje/, 'no middle-value text for a part nobody asked about');

  // The filters: no distance and no hours were answered, so no limit, and nothing is sent.
  const selected = (sel) => page.$eval(sel, (s) => s.selectedOptions[0].textContent);
  assert.equal(await selected('#f-radius'), 'Geen grens (niet ingevuld)');
  assert.equal(await selected('#f-hours'), 'Geen grens (niet ingevuld)');
  assert.equal(await page.locator('#filters option', { hasText: 'jouw antwoord' }).count(), 0, '"(jouw antwoord)" only next to a real answer');
  assert.ok(sent.length >= 1);
  assert.equal(sent[0].overrides, undefined, 'the first match sends no made-up limits');
  await applyAndWait(page, sent);
  const again = sent.at(-1).overrides || {};
  assert.equal(again.radius_km, undefined, 'no distance sent when none is picked');
  assert.equal(again.hours_per_week, undefined, 'no hours sent when none are picked');
  await page.selectOption('#f-radius', '5');
  await applyAndWait(page, sent);
  assert.equal(sent.at(-1).overrides.radius_km, 5, 'a picked distance is sent');
  assert.equal(sent.at(-1).overrides.hours_per_week, undefined, 'still no hours');

  // On paper too.
  await page.emulateMedia({ media: 'print' });
  assert.doesNotMatch(await page.textContent('#resident-summary'), /Jij bent/);
  await page.emulateMedia({ media: 'screen' });
  await runAxe(page, '/ (result, little answered)');
  await closePage(page);
});

test('15. a task card says what is needed first ("Nodig vooraf"), the jargon explained; the "i" is drawn, no space before punctuation', async () => {
  const page = await newPage(PHONE);
  const { answers } = recordMatches(page);
  await page.goto(`${BASE}/`);
  await partialScan(page); // postcode 2532, Tuesday and Thursday morning, "Eten en koken"
  const tasks = answers.at(-1).tasks;
  const needing = tasks.filter((x) => (x.required_trainings || []).length);
  assert.ok(needing.length >= 1, 'the sample catalog has a task in the list that needs a course first (soup: HACCP)');
  for (const task of needing) {
    const card = page.locator(`#task-list > li[data-task-id="${task.id}"]`);
    const line = card.locator('.needed-first');
    assert.equal(await line.count(), 1, `"${task.title}" says what is needed first`);
    const text = await line.innerText();
    assert.match(text, /^Nodig vooraf: (cursus|een) .+\. De organisatie regelt dit meestal\.$/s, `(got "${text}")`);
    assert.doesNotMatch(text, /\s[).,;:]/, `no space before punctuation after a glossary term (got "${text}")`);
  }
  const haccp = page.locator('.needed-first button.term', { hasText: 'HACCP' }).first();
  assert.ok(await haccp.count(), 'HACCP in "Nodig vooraf" is explained on tap');
  // The "i" sign: drawn with CSS around a plain "i" (U+24D8 is an empty box in Debian's Chromium).
  const sign = await haccp.evaluate((b) => {
    const s = getComputedStyle(b, '::after');
    return { content: s.content, radius: s.borderTopLeftRadius, border: s.borderTopStyle, width: s.width };
  });
  assert.doesNotMatch(sign.content, /\u24d8/, 'not the ⓘ character');
  assert.match(sign.content, /^"i"/, `a plain "i" (got ${sign.content})`);
  assert.equal(sign.border, 'solid', 'in a drawn circle');
  assert.equal(sign.radius, '50%');
  // "certificaat." and "(HACCP)." read without a space before the punctuation, anywhere.
  const spaced = await page.$$eval('.term-wrap', (ws) => ws.map((w) => w.parentElement.innerText).filter((x) => /\S\s[.,;:)]/.test(x.replace(/\n/g, ' ')) && /(certificaat|HACCP|VOG) [.,;:)]/.test(x)));
  assert.deepEqual(spaced, [], 'no "certificaat ." after a glossary term');
  // Titles: a term in a task or course title is a button too, and the title's text stays the title.
  const titled = await page.$$eval('#task-list h3, #training-list h3, #training-list h4', (hs) => hs.filter((x) => x.querySelector('button.term')).map((x) => x.textContent));
  assert.ok(titled.length >= 1, 'a jargon word in a title (HACCP, inloop …) is explained');
  assert.ok(titled.every((x) => !/Regels om|zonder afspraak/.test(x)), 'the explanation is not inside the heading');
  // On paper.
  await page.emulateMedia({ media: 'print' });
  const summary = await page.textContent('#resident-summary');
  const printed = tasks.slice(0, 5).filter((x) => (x.required_trainings || []).length);
  if (printed.length) assert.match(summary, /Nodig vooraf: (cursus|een) /, 'the printout says what is needed first');
  assert.doesNotMatch(summary, /\u24d8/);
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.needed-first').first().scrollIntoViewIfNeeded();
  await viewShot(page, 'needed-first-390');
  await closePage(page);
});

test('16. "Nu even niets" is always visible, glossary in question help, "Dan kijken we samen" says where', async () => {
  const page = await newPage(PHONE);
  await page.goto(`${BASE}/`);
  await expectStep(page, 1, { first: true });
  await answerWhereWhen(page);
  await page.click('#next-step');
  await expectStep(page, 2);
  // The interests' help ("Weet je het nog niet? … Dan kijken we samen") names Servicepunt XL.
  const help = await page.textContent('[data-item="interesses"] .utrecht-form-field-description');
  assert.match(help, /Dan kijken we samen\. Samen kijken kan bij Servicepunt XL Moerwijk, Aagje Dekenlaan 51\. Of bel 14 070\./);
  await page.check('input[name="q-interesses"][value="buurt"]');
  while (!(await page.$('[data-item="leren"]'))) await nextQuestion(page);
  const none = page.locator('input[name="q-leren"][value="nu-even-niets"]');
  assert.ok(await page.locator('[data-item="leren"] .more-options').count(), 'the long list is folded');
  assert.equal(await page.getAttribute('[data-item="leren"] .more-options', 'aria-expanded'), 'false');
  assert.ok(await none.isVisible(), '"Nu even niets" is visible without "Toon meer keuzes"');
  await page.check('input[name="q-leren"][value="koken"]');
  await none.check();
  assert.equal(await page.isChecked('input[name="q-leren"][value="koken"]'), false, 'it still clears the other choices');
  await viewShot(page, 'leren-folded-390');
  await nextStep(page);
  for (let n = 3; n <= 5; n += 1) {
    await expectStep(page, n);
    await page.click('#next-step');
  }
  await expectStep(page, 6);
  // Step 6: "maatschappelijke stage" in the help text is explained on tap.
  const term = page.locator('[data-item="leeftijd"] button.term', { hasText: 'maatschappelijke stage' });
  assert.equal(await term.count(), 1, 'the glossary works in question help texts');
  await term.click();
  assert.ok(await page.isVisible(`#${await term.getAttribute('aria-controls')}`));
  await runAxe(page, '/ (step 6, a glossary term in the help opened)');
  // "Nu even niets": the course section does not say "no course fits", it says that is fine
  // (or, when a task needs a course, why courses are shown anyway).
  await page.click('#finish-scan');
  await page.waitForSelector('#task-list > li');
  await page.waitForSelector('#training-box .training-section');
  const courses = await page.textContent('#training-box');
  assert.doesNotMatch(courses, /We vonden nu geen cursus die past/);
  assert.match(courses, /Je wilt nu even niets leren\. Dat is goed\./, `the course section respects "Nu even niets" (got "${courses.slice(0, 200)}")`);
  if (await page.locator('#training-list .training-card').count()) {
    assert.match(await page.textContent('#trainings-for-tasks'), /omdat een taak ze nodig heeft/, 'courses shown anyway say why');
  }
  await closePage(page);
});

// ------------------------------------------------------------------ the reviewer's walk (cards that read true)

test('17. task cards keep their text inside the card at 840 and 390 px; short hours options; "Wat krijg je" without the first meeting', async () => {
  const page = await newPage({ width: 840, height: 900 });
  const { answers } = recordMatches(page);
  await page.goto(`${BASE}/`);
  await completeScan(page);
  await page.waitForSelector('#training-list > li');
  assert.deepEqual(await cardOverflow(page), [], 'at 840 px no element inside a task card is wider than the card');
  assert.deepEqual(await cardOverflow(page, '#training-list .card'), [], 'nor inside a course card');
  let w = await sideways(page);
  assert.ok(w.scroll <= 840, `the page is ${w.scroll} px wide at an 840 px screen`);
  await page.locator('#task-list > li').first().scrollIntoViewIfNeeded();
  await viewShot(page, 'result-840-cards');
  await page.locator('#training-list > li').first().scrollIntoViewIfNeeded();
  await viewShot(page, 'result-840-courses');
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  assert.deepEqual(await cardOverflow(page), [], 'at 390 px no element inside a task card is wider than the card');
  w = await sideways(page);
  assert.ok(w.scroll <= 390, `the page is ${w.scroll} px wide at a 390 px screen`);

  // The hours box shows its whole text on a phone ("3,5 uur (jouw antwoord)"; the label says "per week").
  const hours = await page.$eval('#f-hours', (sel) => {
    const cs = getComputedStyle(sel);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = sel.selectedOptions[0].textContent;
    return { text, need: ctx.measureText(text).width + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight), have: sel.clientWidth };
  });
  assert.match(hours.text, /^[\d,]+ uur \(jouw antwoord\)$/, `short options (got "${hours.text}")`);
  assert.ok(hours.need <= hours.have, `"${hours.text}" fits in the box (${Math.round(hours.need)} of ${hours.have} px)`);

  // "Wat krijg je" is what you get; a first meeting is how you start.
  const facts = await page.$$eval('#task-list .fact', (fs) => fs.map((f) => ({ dt: f.querySelector('dt').textContent, dd: f.querySelector('dd').textContent })));
  assert.ok(facts.filter((f) => f.dt === 'Wat krijg je').every((f) => !/kennismakingsgesprek/.test(f.dd)), '"Wat krijg je" does not list the first meeting');
  const tasks = answers.at(-1).tasks;
  const intro = tasks.filter((x) => x.onboarding?.intro_meeting);
  assert.ok(intro.length >= 1, 'the sample has a task with a first meeting');
  for (const task of intro) {
    assert.match(await page.textContent(`#task-list > li[data-task-id="${task.id}"] .fact--start`), /^Hoe je begint.*Eerst een kennismakingsgesprek/s);
  }
  // The euro sign and the amount stay together.
  const split = await page.$$eval('#task-list .card', (cs) => cs.map((c) => c.textContent).filter((x) => /€ \d/.test(x)));
  assert.deepEqual(split, [], 'no ordinary space between € and the amount');
  await page.locator('#filters').scrollIntoViewIfNeeded();
  await viewShot(page, 'result-390-filters');
  await closePage(page);
});

/** Dates a few months ahead of today, as the API sends them (YYYY-MM-DD), and as the page says them. */
function ahead(months, day) {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day, 12));
  return { iso: d.toISOString().slice(0, 10), d };
}
const fmt = (d, opts, locale = 'nl-NL') => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', ...opts }).format(d);

test('18. a card reads true: its season, a course for what is needed first, few tasks point to Servicepunt XL, English job titles marked Dutch', async () => {
  const page = await newPage(PHONE);
  const from = ahead(7, 4);
  const to = ahead(11, 30);
  const until = ahead(5, 31);
  // As the API may answer: three tasks, one with a season, one with an end, one that starts
  // later; the first needs two courses, of which one is in the course list.
  await page.route('**/v1/matches', async (route) => {
    const req = route.request().postDataJSON();
    const res = await route.fetch();
    const body = await res.json();
    if (req.limit?.trainings === 0) return route.fulfill({ response: res, json: body });
    body.tasks = body.tasks.slice(0, 3).map((x) => ({ ...x, schedule: { ...x.schedule, frequency: 'weekly', on_call: false } }));
    body.feasible_tasks = 3;
    const [a, b, c] = body.tasks;
    a.schedule = { ...a.schedule, start: from.iso, end: to.iso };
    b.schedule = { ...b.schedule, start: '2026-01-01', end: until.iso };
    c.schedule = { ...c.schedule, start: from.iso };
    delete c.schedule.end;
    a.required_trainings = ['haccp', 'ehbo'];
    body.trainings = [
      {
        id: 'test-haccp',
        title: 'HACCP online: veilig werken met voedsel',
        provider: 'Den Haag Doet Academie',
        topics: ['haccp'],
        online: true,
        certificate: true,
        cost_eur: 0,
        slots: [],
        reasons: [{ code: 'training_needed', text: `Nodig voor: ${a.title}` }],
      },
    ];
    if (req.lang === 'en') a.reasons = [...(a.reasons || []), { code: 'work_experience', text: 'You gain work experience as kok, gastheer/gastvrouw' }];
    await route.fulfill({ response: res, json: body });
  });
  await page.goto(`${BASE}/`);
  await partialScan(page);
  await page.waitForSelector('#few-tasks');
  const cards = page.locator('#task-list > li');
  assert.equal(await cards.count(), 3);

  // The season, in words.
  const month = (x, opts = { month: 'long' }) => fmt(x.d, opts);
  const sameYear = from.d.getUTCFullYear() === to.d.getUTCFullYear();
  const want = `van ${sameYear ? month(from) : month(from, { month: 'long', year: 'numeric' })} tot ${month(to, { month: 'long', year: 'numeric' })}`;
  assert.equal(await cards.nth(0).locator('.fact--season dd').textContent(), want);
  assert.equal(await cards.nth(1).locator('.fact--season dd').textContent(), `tot en met ${month(until, { month: 'long', year: 'numeric' })}`);
  assert.equal(await cards.nth(2).locator('.fact--season dd').textContent(), `vanaf ${fmt(from.d, { day: 'numeric', month: 'long', year: 'numeric' })}`);
  assert.match(await cards.nth(0).locator('.fact--season dt').textContent(), /^Periode$/);

  // What is needed first, tied to the course list.
  const course = await cards.nth(0).locator('.needed-course').innerText();
  assert.match(course, /Hygiëne en voedselveiligheid \(HACCP\): bijvoorbeeld HACCP online: veilig werken met voedsel \(online\)/, `a course from the list for HACCP (got "${course}")`);
  assert.match(course, /EHBO \(eerste hulp\): de organisatie vertelt je welke cursus/, 'no course in the list for first aid: who says which');
  assert.match(await cards.nth(0).locator('.needed-first').innerText(), /^Nodig vooraf: cursus /);

  // Few tasks: say so, and where to look further.
  const few = await page.innerText('#few-tasks');
  assert.match(few, /Er zijn nu maar 3 taken die bij je antwoorden passen\. Bij Servicepunt XL zoeken ze samen met je verder\./);
  assert.match(few, /Servicepunt XL Moerwijk, Aagje Dekenlaan 51\. Bel de gemeente Den Haag: 14 070/);
  await page.locator('#task-count').scrollIntoViewIfNeeded();
  await viewShot(page, 'result-few-tasks-390');
  await cards.nth(0).locator('.needed-first').scrollIntoViewIfNeeded();
  await viewShot(page, 'result-needed-course-390');

  // On paper: the season.
  await page.emulateMedia({ media: 'print' });
  assert.ok((await page.textContent('#resident-summary')).includes(want), 'the printout gives the season');
  await page.emulateMedia({ media: 'screen' });

  // English: the same, and the Dutch job titles in a reason marked as Dutch.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.getElementById('few-tasks'));
  await page.waitForFunction(() => document.querySelector('.reasons li[data-code="work_experience"]'));
  assert.match(await page.innerText('#few-tasks'), /Only 3 tasks fit your answers right now\. At Servicepunt XL they will look further together with you\./);
  const work = await page.$eval('.reasons li[data-code="work_experience"]', (li) => ({ text: li.textContent, nl: li.querySelector('[lang="nl"]')?.textContent }));
  assert.equal(work.text, 'You gain work experience as kok, gastheer/gastvrouw');
  assert.equal(work.nl, 'kok, gastheer/gastvrouw', 'the job titles are marked lang="nl"');
  assert.match(await cards.nth(1).locator('.fact--season dd').textContent(), new RegExp(`^until the end of ${fmt(until.d, { month: 'long', year: 'numeric' }, 'en-GB')}$`));
  assert.match(await page.innerText('#task-list > li:first-child .needed-course'), /for example HACCP online/);
  // The language button stays on the first row of the header.
  const head = await page.evaluate(() => {
    const b = document.getElementById('lang-switch').getBoundingClientRect();
    const brand = document.querySelector('.brand').getBoundingClientRect();
    return { button: b.top, brand: brand.top, brandBottom: brand.bottom, right: b.right };
  });
  assert.ok(head.button < head.brandBottom, `"Nederlands" is on the first row (button at ${head.button}, brand ${head.brand}–${head.brandBottom})`);
  assert.ok(head.right <= PHONE.width, 'and on the screen');
  await page.evaluate(() => window.scrollTo(0, 0));
  await viewShot(page, 'result-en-header-390');
  await runAxe(page, '/ (result, few tasks, English)');
  await closePage(page);
});

test('19. "Op andere momenten": no reasons about the resident\'s own moments, the task\'s moments said plainly', async () => {
  const page = await newPage(PHONE);
  // As the API answers with all 21 moments: reasons that are true for those, not for the resident.
  await page.route('**/v1/matches', async (route) => {
    const req = route.request().postDataJSON();
    const res = await route.fetch();
    const body = await res.json();
    if (req.limit?.trainings === 0) {
      for (const x of body.tasks) {
        x.reasons = [
          ...(x.reasons || []),
          { code: 'slot', text: 'Past op zondagmiddag' },
          { code: 'commitment', text: 'Past bij hoe vaak je wilt helpen' },
          { code: 'on_call', text: 'Alleen als het nodig is' },
          { code: 'by_agreement', text: 'De tijden spreek je samen af' },
        ];
      }
    }
    await route.fulfill({ response: res, json: body });
  });
  await page.goto(`${BASE}/`);
  await partialScan(page); // Tuesday and Thursday morning, "Eten en koken"
  await page.click('#other-times-button');
  await page.waitForSelector('#other-times-list > li');
  const cards = await page.$$eval('#other-times-list > li', (ls) =>
    ls.map((l) => ({ when: l.querySelector('.other-times-when')?.textContent || '', codes: [...l.querySelectorAll('.reasons li')].map((r) => r.dataset.code), text: l.textContent })),
  );
  assert.ok(cards.length >= 1);
  for (const c of cards) {
    assert.deepEqual(c.codes.filter((x) => ['slot', 'on_call', 'by_agreement', 'commitment'].includes(x)), [], 'no reasons about the resident\'s own moments');
    assert.doesNotMatch(c.text, /Past op zondagmiddag/);
  }
  const withTimes = cards.filter((c) => c.when);
  assert.ok(withTimes.length >= 1, 'the task\'s moments are said');
  for (const c of withTimes) assert.match(c.when, /^Op .+ — kun je dan toch\?$/, `got "${c.when}"`);
  await page.locator('#other-times-list > li').first().scrollIntoViewIfNeeded();
  await viewShot(page, 'result-other-times-390');
  await runAxe(page, '/ (result, other times)');
  await closePage(page);
});

// ------------------------------------------------------------------ closing the loop: "Ik wil dit proberen"

const RESPOND_SITE = 'https://vacatures.example.org';

test('20. "Ik wil dit proberen" on a phone: errors at the fields, then sent, kept only in this tab, erased; a task with its own page counts the click', async () => {
  const page = await newPage(PHONE);
  const context = page.context();
  // The sample catalog has no task with its own page (respond_url): the second task of the
  // first list gets one on its way to the page. The rest of the answer is the real one.
  let siteTask = null;
  await page.route('**/v1/matches', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    if (!siteTask && body.tasks?.length > 2 && route.request().postDataJSON().limit?.trainings !== 0) {
      siteTask = body.tasks[1].id;
      body.tasks[1].respond_url = `${RESPOND_SITE}/taak/${siteTask}`;
    }
    if (siteTask) for (const x of body.tasks || []) if (x.id === siteTask) x.respond_url = `${RESPOND_SITE}/taak/${siteTask}`;
    await route.fulfill({ response: res, json: body });
  });
  await context.route(`${RESPOND_SITE}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="nl"><title>Vacaturebank</title><h1>Vacature</h1></html>' }));
  const { answers } = recordMatches(page);
  const posted = [];
  const deletes = [];
  const clicks = [];
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path === '/v1/responses') posted.push(r.postDataJSON());
    if (r.method() === 'DELETE' && path.startsWith('/v1/responses/')) deletes.push({ path, token: r.headers()['erase-token'] });
    if (r.method() === 'POST' && path === '/v1/click-throughs') clicks.push(r);
  });

  // Only the questions that are needed: a postcode, moments and an interest.
  await page.goto(`${BASE}/`);
  await partialScan(page, { postcode: '2543', slots: ['tue-afternoon', 'tue-evening', 'wed-morning', 'sat-morning'] });
  const matchId = answers.at(-1)?.match_id;
  assert.match(matchId || '', /^[0-9a-f]{32}$/, 'the match answer has a match_id');

  // The first card: no page of its own, so "Ik wil dit proberen" opens a form on the card.
  const card = page.locator('#task-list > li').first();
  const taskId = await card.getAttribute('data-task-id');
  const org = (await card.locator('.card-org').textContent()).trim();
  const open = card.locator('.respond-open');
  assert.equal((await open.textContent()).trim(), 'Ik wil dit proberen');
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  assert.equal(await card.locator('.respond-form').isVisible(), false, 'the form is closed until asked for');
  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const form = card.locator('.respond-form');
  assert.ok(await form.isVisible(), 'the form opens on the card');
  const nameId = await form.locator('input[name="name"]').getAttribute('id');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'name', 'focus goes to the name');
  const consentText = await form.locator('.respond-consent').textContent();
  assert.ok(consentText.includes(`Ik geef toestemming dat ${org} mijn naam en contactgegevens krijgt om contact met mij op te nemen.`), `the consent names the organisation (got "${consentText}")`);
  assert.match(consentText, /bewaart je gegevens 30 dagen\. Daarna worden ze gewist\. Je kunt ze ook eerder laten wissen/);
  assert.equal(await form.locator('input[name="consent"]').isChecked(), false, 'consent is not ticked beforehand');

  // Sent empty: every problem at its field, focus on the first; nothing goes to the API.
  await form.locator('.respond-submit').click();
  await form.locator('[data-field="name"] .utrecht-form-field-error-message:not([hidden])').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), nameId, 'focus on the first field with a problem');
  const errorOf = (field) => form.locator(`[data-field="${field}"] > .utrecht-form-field-error-message`).textContent();
  assert.equal(await errorOf('name'), 'Vul je naam in.');
  assert.equal(await errorOf('contact'), 'Je hebt nog geen e-mailadres of telefoonnummer ingevuld.');
  assert.match(await errorOf('consent'), /Zet een vinkje als je dit goed vindt/);
  assert.equal(await form.locator('input[name="name"]').getAttribute('aria-invalid'), 'true');
  assert.ok((await form.locator('input[name="name"]').getAttribute('aria-describedby')).split(' ').includes(`${nameId}-error`), 'the error is the field’s description');
  assert.equal(await form.locator('input[name="email"]').getAttribute('aria-invalid'), 'true', 'e-mail or phone: both boxes are marked');
  assert.equal(posted.length, 0, 'nothing was sent with these problems');
  await runAxe(page, '/ (result, "Ik wil dit proberen" with errors, phone)');
  await form.screenshot({ path: join(SHOTS, 'respond-form-errors-390.png') });

  // An e-mail address the API refuses: its 422 is shown at the e-mail box, in Dutch.
  await form.locator('input[name="name"]').fill('Test Bewoner');
  await form.locator('input[name="email"]').fill('bewoner@voorbeeld');
  await form.locator('input[name="consent"]').check();
  await form.locator('.respond-submit').click();
  await form.locator('[data-field="email"] .utrecht-form-field-error-message:not([hidden])').waitFor();
  assert.equal(posted.length, 1, 'this one went to the API');
  assert.match(await errorOf('email'), /^Dit e-mailadres klopt niet/);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'email', 'focus on the e-mail box');
  assert.equal(await form.locator('[data-field="name"] .utrecht-form-field-error-message').isVisible(), false, 'the name is fine now');
  assert.doesNotMatch(await form.textContent(), /not an email|example\.nl\)/, 'no raw API English');

  // Right: sent, with the match that showed the task and the resident as the one who did it.
  await form.locator('input[name="email"]').fill('bewoner@voorbeeld.nl');
  await form.locator('input[name="phone"]').fill('06 12345678');
  await form.locator('textarea[name="message"]').fill('Ik kan op dinsdagmiddag.');
  await form.locator('.respond-submit').click();
  const sent = card.locator('.respond-sent');
  await sent.waitFor();
  const body = posted.at(-1);
  assert.equal(body.match_id, matchId, 'the response names the match that showed the task');
  assert.equal(body.task_id, taskId);
  assert.equal(body.consent, true);
  assert.equal(body.recorded_by, 'resident');
  assert.deepEqual(body.contact, { name: 'Test Bewoner', email: 'bewoner@voorbeeld.nl', phone: '06 12345678' });
  assert.equal(body.message, 'Ik kan op dinsdagmiddag.');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('respond-sent')), true, 'focus on the confirmation');
  const confirmation = await sent.textContent();
  assert.ok(confirmation.includes(`Je gegevens zijn verstuurd naar ${org}.`), confirmation);
  assert.ok(confirmation.includes(`${org} neemt contact met je op.`));
  assert.match(confirmation, /bewaart je gegevens tot \d{1,2} \w+ \d{4}\. Daarna worden ze gewist\./);
  assert.equal((await sent.locator('.respond-erase').textContent()).trim(), 'Wis mijn gegevens');
  assert.equal(await card.locator('.respond-form').count(), 0, 'the filled-in form is gone from the page');

  // The erase token is kept in this tab only: sessionStorage, no localStorage, no cookie, and
  // no name, e-mail or phone anywhere.
  const kept = await page.evaluate(() => ({ session: sessionStorage.getItem('talentscan.responses.v1'), local: localStorage.length, cookie: document.cookie }));
  const receipts = JSON.parse(kept.session);
  assert.equal(receipts.length, 1);
  assert.equal(receipts[0].task, taskId);
  assert.match(receipts[0].token, /\S{16,}/);
  assert.equal(kept.local, 0, 'nothing in localStorage');
  assert.equal(kept.cookie, '', 'no cookies');
  assert.deepEqual(await context.cookies(), []);
  assert.doesNotMatch(kept.session, /Test Bewoner|voorbeeld|12345678/, 'no contact details are kept in the tab');
  // "Wis mijn antwoorden" does not erase what was sent to an organisation: it says so.
  await page.click('#wipe-answers');
  assert.ok(await page.isVisible('#wipe-sent-note'), 'the wipe question mentions the sent details');
  assert.match(await page.textContent('#wipe-sent-note'), /Die gegevens worden hiermee niet gewist/);
  assert.equal(await page.getAttribute('#wipe-confirm-box', 'aria-describedby'), 'wipe-sent-note');
  await runAxe(page, '/ (result, response sent, phone)');
  await page.click('#wipe-cancel');
  await card.locator('.respond').scrollIntoViewIfNeeded();
  await viewShot(page, 'respond-sent-390');

  // A reload keeps the confirmation and its button (the token is in sessionStorage).
  await page.reload();
  await page.waitForSelector(`#task-list > li[data-task-id="${taskId}"] .respond-sent`);
  const again = page.locator(`#task-list > li[data-task-id="${taskId}"]`);

  // "Wis mijn gegevens": DELETE with the erase token; gone at once.
  await again.locator('.respond-erase').click();
  await again.locator('.respond-erased').waitFor();
  assert.equal(deletes.length, 1);
  assert.equal(deletes[0].token, receipts[0].token, 'the erase token goes in the Erase-Token header');
  assert.equal(deletes[0].path, `/v1/responses/${receipts[0].id}`);
  assert.ok((await again.locator('.respond-erased').textContent()).includes(`Je gegevens zijn gewist. ${org} kan ze niet meer zien`));
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('respond-erased')), true, 'focus on the message');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('talentscan.responses.v1')), null, 'the token is forgotten');
  assert.ok(await again.locator('.respond-open').isVisible(), 'and the resident may try again');
  const gone = await fetch(`${BASE}/v1/responses/${receipts[0].id}`, { method: 'DELETE', headers: { 'Erase-Token': receipts[0].token } });
  assert.equal(gone.status, 404, 'the response is erased on the server');

  // A task with its own page: a link to it (no form), and the click is counted first.
  assert.ok(siteTask, 'a task got its own page');
  const siteCard = page.locator(`#task-list > li[data-task-id="${siteTask}"]`);
  const siteOrg = (await siteCard.locator('.card-org').textContent()).trim();
  assert.equal(await siteCard.locator('.respond').count(), 0, 'no "Ik wil dit proberen" form for a task with its own page');
  const link = siteCard.locator('a.next-step-action');
  assert.equal((await link.textContent()).trim(), `Reageer op de website van ${siteOrg}`);
  assert.equal(await link.getAttribute('href'), `${RESPOND_SITE}/taak/${siteTask}`);
  assert.equal(await link.getAttribute('rel'), 'noopener');
  const matchNow = answers.at(-1)?.match_id;
  await link.click();
  await page.waitForURL(`${RESPOND_SITE}/**`);
  for (let i = 0; i < 100 && !clicks.length; i += 1) await page.waitForTimeout(50);
  assert.equal(clicks.length, 1, 'POST /v1/click-throughs was sent on the way out');
  assert.deepEqual(clicks[0].postDataJSON(), { match_id: matchNow, task_id: siteTask });
  assert.equal(clicks[0].headers()['content-type'], 'application/json');
  const clickRes = await clicks[0].response();
  if (clickRes) assert.equal(clickRes.status(), 204, 'the API took the click');

  // Back to the advice, in English.
  await page.goBack();
  await page.waitForSelector('#task-list > li .respond-open');
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#task-list > li .respond-open')?.textContent === 'I want to try this');
  const en = page.locator(`#task-list > li[data-task-id="${taskId}"]`);
  assert.ok((await en.locator('.respond-lead').textContent()).includes(`Then ${org} will contact you.`));
  assert.equal((await page.locator(`#task-list > li[data-task-id="${siteTask}"] a.next-step-action`).textContent()).trim(), `Respond on the website of ${siteOrg}`);
  await en.locator('.respond-open').click();
  assert.ok((await en.locator('.respond-consent').textContent()).includes(`I agree that ${org} gets my name and contact details to get in touch with me.`));
  await runAxe(page, '/ (result in English, "I want to try this" open, phone)');
  await closePage(page);
});
