// Starts the scan on / (mode 'resident') and /balie (mode 'desk'): loads the questionnaire
// and taxonomies, runs the steps, scores with POST /v1/scans and shows the result.
import { h, clear, announce } from './dom.js';
import { t, setLang, lang, applyStatic } from './i18n.js';
import { getQuestionnaire, getTaxonomies, postScan, ApiError } from './api.js';
import { Questionnaire } from './questionnaire.js';
import { Results } from './results.js';

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
];

/** The persona part of a scan response (which also carries scan_id, warnings, …). */
export function personaOf(scan) {
  const p = {};
  for (const k of PERSONA_KEYS) if (scan[k] !== undefined && scan[k] !== null) p[k] = scan[k];
  return p;
}

export async function start({ mode, desk = null }) {
  const params = new URLSearchParams(window.location.search);
  setLang(params.get('lang') === 'en' ? 'en' : 'nl');
  const app = document.getElementById('app');
  const state = {
    mode,
    desk,
    def: null,
    tax: null,
    answers: {},
    view: 'scan',
    q: null,
    results: null,
    scan: null,
    persona: null,
  };
  app.state = state;
  refreshChrome(state);

  const langBtn = document.getElementById('lang-switch');
  langBtn.addEventListener('click', () => switchLang(state));

  async function load() {
    clear(app).append(h('p', { class: 'utrecht-paragraph loading', role: 'status' }, t('loading')));
    try {
      const [def, tax] = await Promise.all([getQuestionnaire(lang()), getTaxonomies()]);
      state.def = def;
      state.tax = tax;
      addWijkList(tax);
      showScan(state, 0);
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
  const base = state.mode === 'desk' ? `Balie Servicepunt XL – Talent Scan Den Haag` : 'Talent Scan Den Haag';
  let prefix = '';
  if (state.view === 'scan' && state.def && state.q) {
    const s = state.def.sections[state.q.index];
    prefix = `${t('step', { n: state.q.index + 1, total: state.def.sections.length })}: ${s.title} – `;
  } else if (state.view === 'result') prefix = `${t('resultTitle')} – `;
  document.title = prefix + base;
}

function addWijkList(tax) {
  if (document.getElementById('wijken-list')) return;
  const names = [...new Set((tax.wijken || []).map((w) => w.name))].sort((a, b) => a.localeCompare(b, 'nl'));
  document.body.append(h('datalist', { id: 'wijken-list' }, names.map((n) => h('option', { value: n }))));
}

export function slotsGrid(def) {
  for (const s of def.sections) for (const it of s.items) if (it.type === 'slots' && it.grid) return it.grid;
  return null;
}

function showScan(state, index, focus = true) {
  const app = document.getElementById('app');
  state.view = 'scan';
  state.results = null;
  const view = h('div', { class: 'scan-view' });
  if (state.mode === 'desk') {
    view.append(h('h1', { class: 'utrecht-heading-1' }, t('deskTitle')), h('p', { class: 'utrecht-paragraph lead' }, t('deskIntro')));
    if (state.desk?.scanTop) view.append(state.desk.scanTop(state));
  } else {
    view.append(h('h1', { class: 'utrecht-heading-1' }, state.def.title));
  }
  const qRoot = h('div', { class: 'questionnaire', id: 'questionnaire' });
  view.append(qRoot);
  clear(app).append(view);
  state.q = new Questionnaire(qRoot, {
    def: state.def,
    answers: state.answers,
    onFinish: (answers) => finish(state, answers),
    onStep: () => updateTitle(state),
    lastStepExtra: state.desk?.lastStepExtra ? () => state.desk.lastStepExtra(state) : null,
  });
  state.q.index = index;
  state.q.render(focus);
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
      answers,
      store,
    });
    state.scan = scan;
    state.desk?.afterScan?.(state, scan);
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

export function showResults(state, persona) {
  const app = document.getElementById('app');
  state.view = 'result';
  state.persona = persona;
  const results = new Results(app, {
    mode: state.mode,
    persona,
    taxonomies: state.tax,
    grid: slotsGrid(state.def),
    onRestart: () => {
      state.answers = {};
      state.scan = null;
      state.desk?.reset?.(state);
      showScan(state, 0);
    },
    onEdit: () => showScan(state, 0),
    deskTop: state.desk?.resultTop ? () => state.desk.resultTop(state) : null,
    deskPanels: state.desk?.panels ? (r) => state.desk.panels(state, r) : null,
    onMatched: state.desk?.onMatched ? (resp, r) => state.desk.onMatched(state, resp, r) : null,
  });
  state.results = results;
  updateTitle(state);
  results.show();
  return results;
}

async function switchLang(state) {
  setLang(lang() === 'nl' ? 'en' : 'nl');
  const url = new URL(window.location.href);
  if (lang() === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  window.history.replaceState(null, '', url);
  refreshChrome(state);
  if (!state.def) return;
  try {
    state.def = await getQuestionnaire(lang());
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
    }
    updateTitle(state);
    announce(t('step', { n: state.q.index + 1, total: state.def.sections.length }));
    return;
  }
  // Result view: score the same answers again for texts in the new language (nothing is
  // stored for this), then match again.
  let persona = state.persona;
  if (Object.keys(state.answers).length) {
    try {
      const scan = await postScan({ questionnaire: state.def.id, version: state.def.version, lang: lang(), answers: state.answers, store: false });
      persona = personaOf(scan);
    } catch {
      /* keep the persona we have */
    }
  }
  showResults(state, persona);
}
