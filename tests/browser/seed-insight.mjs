// Seeds the anonymous neighbourhood counters for the insight page's test (inzicht.mjs):
// scans posted to a running server, every one with "meetellen: ja" (and a few with "nee",
// which must not count). The server's clock (its hidden --clock) decides the month they
// count in; tools/browser-tests.sh runs this once on a server set to October 2026 and once
// on one set to November 2026, then starts the test's server in December 2026.
//
//   node seed-insight.mjs http://127.0.0.1:18301 2026-11
//   node seed-insight.mjs http://127.0.0.1:18301 2026-11 --check ts_…   (later, with an insight key)
//
// The server writes a scan's count beside its answer, not before it: after posting, this
// waits a moment before the server may be stopped, and --check (on a server whose month is
// over) says whether every counted resident arrived.
//
// November: Moerwijk 16 residents, Morgenstond 12, Bouwlust en Vrederust 11, Ypenburg 12,
// and 4 in the Laakkwartier and 3 in the Centrum (under k = 10, so hidden). The 12 in
// Ypenburg only walk, are free on Sunday evening only and ask for transport and errands:
// their best task scores below the half, so they count as unmet demand too (`unmet:…`;
// 4 of them also ask for money matters: hidden). October: Moerwijk 10 and Morgenstond 3.
//
// November also stores (store: true) 8 scans that do not count, for the training groups:
// Moerwijk (2532), free on Tuesday morning, want to learn to work with a computer, and said
// "ja" to a message about a course near them (cursus-bericht). They are kept 30 days, so
// they are still there in December; --check for November also checks their proposal.

const [, , url, month, flag, key] = process.argv;
if (!url || !/^\d{4}-\d{2}$/.test(month || '') || (flag && (flag !== '--check' || !key))) {
  console.error('usage: node seed-insight.mjs URL YYYY-MM [--check INSIGHT_KEY]');
  process.exit(2);
}
const base = url.replace(/\/$/, '');

/** n residents of one postcode, their answers made by `answers(i)` (i = 0 … n-1). */
const group = (postcode, n, answers) => Array.from({ length: n }, (_, i) => ({ woonplek: postcode, ...answers(i) }));

const PLAN = {
  '2026-10': [
    ...group('2532', 10, () => ({ tijden: ['thu-afternoon'], interesses: ['jeugd'] })),
    ...group('2541', 3, () => ({ tijden: ['tue-morning'], interesses: ['eten-koken'] })),
  ],
  '2026-11': [
    // Moerwijk: children and young people for all 16, language for 12, food for 4 (hidden);
    // Thursday afternoon for all, Sunday evening for 11; learning Dutch for 11.
    ...group('2532', 16, (i) => ({
      tijden: ['thu-afternoon', ...(i < 11 ? ['sun-evening'] : []), ...(i < 12 ? ['wed-afternoon'] : [])],
      interesses: ['jeugd', ...(i < 12 ? ['taal-leren'] : []), ...(i >= 12 ? ['eten-koken'] : [])],
      ...(i < 11 ? { leren: ['nederlandse-taal'] } : {}),
      werk: i < 10 ? 'zoeken' : 'nu-niet',
      ...(i < 10 ? { nodig: ['kinderen'] } : {}),
    })),
    // Morgenstond: food for all 12, children for 10; Tuesday morning; learning to cook for 10.
    ...group('2541', 12, (i) => ({
      tijden: ['tue-morning'],
      interesses: ['eten-koken', ...(i < 10 ? ['jeugd'] : [])],
      ...(i < 10 ? { leren: ['koken'] } : {}),
    })),
    // Bouwlust en Vrederust: sport on Saturday morning.
    ...group('2543', 11, () => ({ tijden: ['sat-morning'], interesses: ['sport-bewegen'] })),
    ...group('2522', 4, () => ({ tijden: ['mon-evening'], interesses: ['buurt'] })),
    ...group('2512', 3, () => ({ tijden: ['fri-evening'], interesses: ['cultuur-creatief'] })),
    // Ypenburg: little that fits (unmet demand).
    ...group('2497', 12, (i) => ({ reizen: 'lopen', tijden: ['sun-evening'], interesses: ['vervoer', ...(i < 4 ? ['geld-armoede'] : [])] })),
  ],
};

/** Stored scans that keep a learning wish (not counted: no "meetellen"). */
const STORED = {
  '2026-11': Array.from({ length: 8 }, () => ({ woonplek: '2532', tijden: ['tue-morning'], interesses: ['digitaal'], leren: ['computer'], 'cursus-bericht': 'ja' })),
};
/** The training group the stored scans make (checked with --check). */
const GROUP = { topic: 'computer', slot: 'tue-morning', size: 8 };

const plan = PLAN[month];
if (!plan) {
  console.error(`no plan for ${month}`);
  process.exit(2);
}

/** The city's counted residents of the month (with an insight key; the month must be over). */
async function counted() {
  const res = await fetch(`${base}/v1/insight/needs?month=${month}`, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET /v1/insight/needs?month=${month}: ${res.status} ${await res.text()}`);
  return (await res.json()).city.find((c) => c.dimension === 'residents')?.asking ?? null;
}

/** The training groups now (with an insight key). */
async function groups() {
  const res = await fetch(`${base}/v1/insight/training-groups`, { headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`GET /v1/insight/training-groups: ${res.status} ${await res.text()}`);
  return res.json();
}

if (flag === '--check') {
  const n = await counted();
  if (n !== plan.length) {
    console.error(`[seed-insight] ${month}: ${n} residents counted, ${plan.length} seeded`);
    process.exit(1);
  }
  console.log(`[seed-insight] ${month}: all ${n} seeded residents are counted`);
  if (STORED[month]) {
    const g = await groups();
    const p = g.proposals.find((x) => x.topic === GROUP.topic && x.slot === GROUP.slot);
    if (!p || p.size !== GROUP.size || g.announcements.length) {
      console.error(`[seed-insight] ${month}: the stored scans' training group is not as seeded: ${JSON.stringify(g)}`);
      process.exit(1);
    }
    console.log(`[seed-insight] ${month}: the ${p.size} stored scans make a training group at ${p.venue_name}`);
  }
  process.exit(0);
}

async function post(answers, store = false) {
  const res = await fetch(`${base}/v1/scans`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ questionnaire: 'talentscan', answers, ...(store ? { store: true } : {}) }),
  });
  // 201 Created for a stored scan, 200 for one that is not kept.
  if (res.status !== (store ? 201 : 200)) throw new Error(`POST /v1/scans: ${res.status} ${await res.text()}`);
  if (store && !(await res.json()).stored) throw new Error('POST /v1/scans with store: true did not store the scan');
}

for (const answers of plan) await post({ ...answers, meetellen: 'ja' });
// Two residents who said no: they must not count anywhere.
for (const c of ['nee', 'nee']) await post({ woonplek: '2541', tijden: ['tue-morning'], interesses: ['eten-koken'], meetellen: c });
for (const answers of STORED[month] || []) await post(answers, true);
// The counts are written beside the answers: give the last ones a moment before a stop.
await new Promise((resolve) => setTimeout(resolve, 1000));
console.log(`[seed-insight] ${plan.length} counted scans (and 2 not counted) for ${month}${STORED[month] ? `; ${STORED[month].length} stored scans for a training group` : ''}`);
