// Starts the scan on / (mode 'resident') and /balie (mode 'desk'): loads the questionnaire
// and taxonomies, runs the steps, scores with POST /v1/scans and shows the result.
//
// Every step (and every question of a step shown one at a time) is a browser history entry,
// so Back goes one step back and Back from the result returns to the last step. On the
// resident page the answers, the step and the result are kept in sessionStorage: they
// survive a reload, and are gone when the tab closes or after "Wis mijn antwoorden".
// Nothing is kept anywhere else (no localStorage, no cookies).
import { h, clear, announce } from './dom.js';
import { t, setLang, lang, applyStatic } from './i18n.js';
import { getQuestionnaire, getTaxonomies, postScan, ApiError } from './api.js';
import { Questionnaire, forMode, answersToSend } from './questionnaire.js';
import { Results } from './results.js';
import { loadData } from './common.js';
import { forgetResponses, sentCount } from './respond.js';

const PERSONA_KEYS = [
  'kkwz',
  'kkwz_explanation',
  'archetype',
  'interests',
  'skills',
  'learning_goals',
  'motivations',
  'availability',
  'travel',
  'work_goal',
  'needs',
  'constraints',
  'situation',
  'words',
  'unknown',
];

/**
 * The persona part of a scan response (which also carries scan_id, warnings, …).
 * `unknown` lists the dimensions no answer fed ("kkwz.kennen"); a server that does not send
 * it yet says the same in its warnings ("no answer fed kkwz.kennen: …").
 */
export function personaOf(scan) {
  const p = {};
  for (const k of PERSONA_KEYS) if (scan[k] !== undefined && scan[k] !== null) p[k] = scan[k];
  if (!Array.isArray(p.unknown) && Array.isArray(scan.warnings)) {
    const fed = scan.warnings
      .filter((w) => w?.code === 'missing_dimension')
      .map((w) => /no answer fed ([\w.]+)/.exec(w.message || '')?.[1])
      .filter(Boolean);
    if (fed.length) p.unknown = fed;
  }
  return p;
}

// ------------------------------------------------------------------ kept in this tab only

const STORE_KEY = 'talentscan.resident.v1';

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage blocked: the page still works, it just forgets on reload
  }
}

function loadStored() {
  try {
    const raw = storage()?.getItem(STORE_KEY);
    const data = raw ? JSON.parse(raw) : null;
    return data && typeof data === 'object' ? data : null;
  } catch {
    return null;
  }
}

/** Keeps the resident's answers, step and result in sessionStorage (never on the desk page). */
export function save(state) {
  if (state.mode !== 'resident') return;
  const data = {
    lang: lang(),
    answers: state.answers,
    index: state.q?.index ?? 0,
    sub: state.q?.sub ?? 0,
    view: state.view,
    persona: state.view === 'result' ? state.persona : null,
    overrides: (state.results || state.kept)?.overrides || null,
    taskLimit: (state.results || state.kept)?.taskLimit || null,
  };
  try {
    storage()?.setItem(STORE_KEY, JSON.stringify(data));
  } catch {
    /* full or blocked: nothing to do */
  }
}

export function forget() {
  try {
    storage()?.removeItem(STORE_KEY);
  } catch {
    /* blocked */
  }
}

// ------------------------------------------------------------------ history

function entry(state) {
  if (state.view === 'result') return { view: 'result' };
  return { view: 'scan', index: state.q?.index ?? 0, sub: state.q?.sub ?? 0 };
}

function sameEntry(a, b) {
  return a && b && a.view === b.view && (a.view === 'result' || (a.index === b.index && a.sub === b.sub));
}

/** A new history entry for a new step or the result; the same place only replaces it. */
function remember(state) {
  const now = entry(state);
  const current = window.history.state?.ts;
  if (state.replaceNext || sameEntry(current, now)) window.history.replaceState({ ts: now }, '');
  else window.history.pushState({ ts: now }, '');
  state.replaceNext = false;
}

function onPopState(state, e) {
  const ts = e.state?.ts;
  if (!ts || !state.def) return;
  state.replaceNext = true;
  if (ts.view === 'result' && state.persona) {
    // Forward to the result: the same filters and list length as before Back (as on reload).
    if (state.view !== 'result') showResults(state, state.persona, { overrides: state.kept?.overrides, taskLimit: state.kept?.taskLimit });
    else state.replaceNext = false;
    return;
  }
  const index = ts.view === 'scan' ? ts.index : state.def.sections.length - 1;
  const sub = ts.view === 'scan' ? ts.sub : 'last';
  if (state.view === 'scan' && state.q) {
    state.q.collect();
    state.answers = state.q.answers;
    state.q.errors = {};
    state.q.go(index, true, sub);
  } else {
    showScan(state, index, true, sub);
  }
}

export async function start({ mode, desk = null }) {
  const params = new URLSearchParams(window.location.search);
  const stored = mode === 'resident' ? loadStored() : null;
  setLang(params.get('lang') === 'en' ? 'en' : params.get('lang') === 'nl' ? 'nl' : stored?.lang === 'en' ? 'en' : 'nl');
  const app = document.getElementById('app');
  const state = {
    mode,
    desk,
    def: null,
    tax: null,
    answers: stored?.answers && typeof stored.answers === 'object' ? stored.answers : {},
    view: 'scan',
    q: null,
    results: null,
    scan: null,
    persona: null,
    replaceNext: true, // the first view replaces the entry the page was opened with
  };
  app.state = state;
  refreshChrome(state);

  const langBtn = document.getElementById('lang-switch');
  langBtn.addEventListener('click', () => switchLang(state));
  // The app places the view itself (the step's heading at the top); the browser's own
  // restoring would scroll a re-rendered step to where the results page was.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  window.addEventListener('popstate', (e) => onPopState(state, e));

  async function load() {
    clear(app).append(h('p', { class: 'utrecht-paragraph loading', role: 'status' }, t('loading')));
    try {
      // The glossary and Servicepunt XL are used in the question help texts too.
      const [def, tax] = await Promise.all([getQuestionnaire(lang()), getTaxonomies(), loadData('glossary'), loadData('servicepunt')]);
      // Questions about a stored scan only at the desk (forMode): the step count, the
      // progress and the title count the questions this page asks.
      state.def = forMode(def, mode);
      state.tax = tax;
      // An answer kept in this tab to a question this page does not ask is not kept on.
      state.answers = answersToSend(state.def, state.answers);
      addWijkList(tax);
      // First view: no focus move, so the skip link and the language button come first.
      if (stored?.view === 'result' && stored.persona) {
        showResults(state, stored.persona, { focus: false, overrides: stored.overrides, taskLimit: stored.taskLimit });
      } else {
        showScan(state, Number(stored?.index) || 0, false, Number(stored?.sub) || 0);
      }
    } catch (e) {
      clear(app).append(
        h(
          'div',
          { class: 'denhaag-alert denhaag-alert--error alert', role: 'alert' },
          h('p', { class: 'utrecht-paragraph' }, t('loadError')),
        ),
        h('button', { type: 'button', class: 'denhaag-button', onclick: load }, t('retry')),
      );
    }
  }
  await load();
  return state;
}

function refreshChrome(state) {
  applyStatic();
  const btn = document.getElementById('lang-switch');
  btn.textContent = t('langSwitch');
  btn.setAttribute('lang', t('langSwitchLang'));
  btn.setAttribute('aria-label', t('langSwitchLabel'));
  updateTitle(state);
}

function updateTitle(state) {
  const base = state.mode === 'desk' ? t('deskSiteTitle') : t('siteTitle');
  let prefix = '';
  if (state.view === 'scan' && state.def && state.q) {
    const s = state.def.sections[state.q.index];
    prefix = `${t('step', { n: state.q.index + 1, total: state.def.sections.length })}: ${s.title} – `;
  } else if (state.view === 'result') prefix = `${t('resultTitle')} – `;
  document.title = prefix + base;
}

/** Suggestions while typing the place: the wijken, then the postcodes with their wijk. */
function addWijkList(tax) {
  if (document.getElementById('wijken-list')) return;
  const names = [...new Set((tax.wijken || []).map((w) => w.name))].sort((a, b) => a.localeCompare(b, 'nl'));
  const wijkName = new Map((tax.wijken || []).map((w) => [w.code, w.name]));
  const pcs = [...(tax.postcodes || [])].sort((a, b) => a.pc4.localeCompare(b.pc4));
  document.body.append(
    h(
      'datalist',
      { id: 'wijken-list' },
      names.map((n) => h('option', { value: n })),
      pcs.map((p) => h('option', { value: p.pc4, label: wijkName.get(p.wijk_code) || p.pc4 })),
    ),
  );
}

export function slotsGrid(def) {
  for (const s of def.sections) for (const it of s.items) if (it.type === 'slots' && it.grid) return it.grid;
  return null;
}

function showScan(state, index, focus = true, sub = 0) {
  const app = document.getElementById('app');
  // The result's filters and list length stay for Forward and a reload; new answers or
  // "Wis mijn antwoorden" start fresh (see finish and wipe).
  if (state.results) state.kept = { overrides: state.results.overrides, taskLimit: state.results.taskLimit };
  state.view = 'scan';
  state.results = null;
  const view = h('div', { class: 'scan-view' });
  if (state.mode === 'desk') {
    view.append(h('h1', { class: 'utrecht-heading-1' }, t('deskTitle')), h('p', { class: 'utrecht-paragraph lead' }, t('deskIntro')));
    if (state.desk?.scanTop) view.append(state.desk.scanTop(state));
  } else {
    view.append(h('h1', { class: 'utrecht-heading-1', id: 'scan-title' }, state.def.title));
  }
  const qRoot = h('div', { class: 'questionnaire', id: 'questionnaire' });
  view.append(qRoot);
  clear(app).append(view);
  state.q = new Questionnaire(qRoot, {
    def: state.def,
    answers: state.answers,
    mode: state.mode,
    taxonomies: state.tax,
    onFinish: (answers) => finish(state, answers),
    onStep: () => {
      updateTitle(state);
      remember(state);
      save(state);
    },
    onChange: (q) => {
      state.answers = q.answers;
      save(state);
    },
    footer: state.mode === 'resident' ? () => wipeControl(state, state.q?.index === 0) : null,
    lastStepExtra: state.desk?.lastStepExtra ? () => state.desk.lastStepExtra(state) : null,
  });
  state.q.index = Math.max(0, Math.min(index, state.def.sections.length - 1));
  state.q.sub = sub === 'last' ? state.q.pages().length - 1 : Math.max(0, sub);
  state.q.render(focus);
}

/**
 * "Wis mijn antwoorden": asks once more, then forgets everything this tab kept and starts
 * at step 1. Used under the questions and on the result page.
 */
export function wipeControl(state, withNote = false) {
  const confirmId = 'wipe-confirm-box';
  // Contact details sent to an organisation are not erased with the answers: say so.
  const sentNote = h('p', { class: 'utrecht-paragraph wipe-sent-note', id: 'wipe-sent-note', hidden: true }, t('wipeSentNote'));
  const box = h(
    'div',
    { class: 'wipe-confirm', id: confirmId, hidden: true, role: 'group', 'aria-labelledby': 'wipe-confirm-text' },
    h('p', { class: 'utrecht-paragraph', id: 'wipe-confirm-text' }, t('wipeConfirm')),
    sentNote,
    h(
      'div',
      { class: 'wipe-buttons' },
      h('button', { type: 'button', class: 'denhaag-button', id: 'wipe-confirm', onclick: () => wipe(state) }, t('wipeYes')),
      h(
        'button',
        {
          type: 'button',
          class: 'denhaag-button denhaag-button--secondary-action',
          id: 'wipe-cancel',
          onclick: () => {
            box.hidden = true;
            ask.setAttribute('aria-expanded', 'false');
            ask.focus();
          },
        },
        t('wipeNo'),
      ),
    ),
  );
  const ask = h(
    'button',
    {
      type: 'button',
      class: 'link-button wipe-answers',
      id: 'wipe-answers',
      'aria-expanded': 'false',
      'aria-controls': confirmId,
      onclick: () => {
        sentNote.hidden = sentCount(state.mode) === 0;
        if (sentNote.hidden) box.removeAttribute('aria-describedby');
        else box.setAttribute('aria-describedby', sentNote.id);
        box.hidden = false;
        ask.setAttribute('aria-expanded', 'true');
        box.querySelector('#wipe-cancel').focus();
      },
    },
    t('wipe'),
  );
  return h('div', { class: 'wipe no-print' }, withNote ? h('p', { class: 'privacy-note' }, t('privacyNote')) : null, ask, box);
}

function wipe(state) {
  forget();
  forgetResponses();
  state.kept = null;
  state.answers = {};
  state.persona = null;
  state.scan = null;
  state.results = null;
  state.desk?.reset?.(state);
  showScan(state, 0, true, 0);
  announce(t('wiped'));
}

async function finish(state, answers) {
  const q = state.q;
  state.answers = answers;
  q.setBusy(true);
  announce(t('submitting'));
  const store = Boolean(state.mode === 'desk' && state.desk?.consent);
  try {
    const scan = await postScan({
      questionnaire: state.def.id,
      version: state.def.version,
      lang: lang(),
      answers: answersToSend(state.def, answers),
      store,
    });
    state.scan = scan;
    state.desk?.afterScan?.(state, scan);
    state.kept = null;
    q.setBusy(false);
    showResults(state, personaOf(scan));
  } catch (e) {
    q.setBusy(false);
    if (e instanceof ApiError && e.status === 422 && e.errors.length) {
      q.showServerErrors(e.errors);
      announce(t('errorSummaryTitle'));
    } else {
      q.showErrors({}, false, [t('submitError')]);
      q.form.querySelector('#error-summary')?.focus();
    }
  }
}

export function showResults(state, persona, opts = {}) {
  const app = document.getElementById('app');
  state.view = 'result';
  state.persona = persona;
  const results = new Results(app, {
    mode: state.mode,
    persona,
    taxonomies: state.tax,
    grid: slotsGrid(state.def),
    focus: opts.focus !== false,
    overrides: opts.overrides || null,
    taskLimit: opts.taskLimit || null,
    onSave: () => save(state),
    wipe: state.mode === 'resident' ? () => wipeControl(state) : null,
    onRestart: () => {
      forgetResponses(); // the next resident at the desk
      state.kept = null;
      state.answers = {};
      state.scan = null;
      state.desk?.reset?.(state);
      forget();
      showScan(state, 0);
    },
    onEdit: () => showScan(state, 0),
    deskTop: state.desk?.resultTop ? () => state.desk.resultTop(state) : null,
    // At the desk: the stored scan the shown persona comes from (desk.stored), if any.
    storedScanId: state.desk ? () => state.desk.stored?.scan_id || null : null,
    deskPanels: state.desk?.panels ? (r) => state.desk.panels(state, r) : null,
    onMatched: state.desk?.onMatched ? (resp, r) => state.desk.onMatched(state, resp, r) : null,
  });
  state.results = results;
  updateTitle(state);
  remember(state);
  save(state);
  results.show();
  return results;
}

async function switchLang(state) {
  setLang(lang() === 'nl' ? 'en' : 'nl');
  const url = new URL(window.location.href);
  if (lang() === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  window.history.replaceState(window.history.state, '', url);
  refreshChrome(state);
  if (!state.def) return;
  try {
    state.def = forMode(await getQuestionnaire(lang()), state.mode);
  } catch {
    announce(t('loadError'));
    return;
  }
  if (state.view === 'scan') {
    // Re-render the current step in the new language; the answers stay.
    if (state.mode === 'desk') {
      state.q.collect();
      state.answers = state.q.answers;
      showScan(state, state.q.index, false);
    } else {
      state.q.setDefinition(state.def);
      const title = document.getElementById('scan-title');
      if (title) title.textContent = state.def.title;
    }
    updateTitle(state);
    save(state);
    announce(t('step', { n: state.q.index + 1, total: state.def.sections.length }));
    return;
  }
  // Result view: score the same answers again for texts in the new language (nothing is
  // stored for this), then match again.
  let persona = state.persona;
  if (Object.keys(state.answers).length) {
    try {
      const scan = await postScan({ questionnaire: state.def.id, version: state.def.version, lang: lang(), answers: answersToSend(state.def, state.answers), store: false });
      persona = personaOf(scan);
    } catch {
      /* keep the persona we have */
    }
  }
  showResults(state, persona, { focus: false, overrides: state.results?.overrides, taskLimit: state.results?.taskLimit });
}
