// The insight page (/inzicht), for city and academy staff: the anonymous figures per wijk
// from GET /v1/insight/needs, for one month that is over. A map of the 44 wijken drawn
// here as SVG from the CBS shapes (/assets/data/denhaag-wijken.geojson), coloured by the
// chosen figure, with the same figures in a table; needs against offer for one wijk or the
// whole city as a bar chart and a table; both tables as CSV. Then what the residents asked
// for whose best task fitted them poorly (the `unmet:` figures of the same answer), and the
// training groups for the academy (GET /v1/insight/training-groups): proposals of 6 to 12
// residents with a stored scan who asked for a message, to announce or withdraw. The
// training groups are about the scans stored now, not about the chosen month.
//
// A figure the API sends as null is about fewer than k residents (or would let one be
// worked out): it is shown as "minder dan 10" (k from the answer), never as 0.
//
// The key is kept in sessionStorage only (this tab; "Afmelden" erases it), never in
// localStorage or a cookie. Every text is the page's own Dutch or English.
import { h, svg, append, clear, announce, uid } from './dom.js';
import { t, tn, setLang, lang, num, date, applyStatic } from './i18n.js';
import { api, getTaxonomies, getInsightNeeds, getWijkShapes, ApiError } from './api.js';
import { slotOrder } from './common.js';

const STORE_KEY = 'talentscan.insight.v1';
/** How many months (the last one that is over, and those before it) the month list offers. */
const MONTHS_BACK = 12;
/** The kinds of dimension the needs section compares; `other` = work goals and needs. */
export const KINDS = ['interest', 'slot', 'learn', 'other'];
/** Light to dark: the map's colours for the classes of shown figures (Den Haag blues). */
const PALETTE = ['#d6e6f5', '#9ec5e8', '#5b9bd5', '#1f6aad', '#0b3b66'];
const HATCH_ID = 'insight-hatch';
/** Wide enough for the table beside the map (as in app.css). */
const WIDE = window.matchMedia('(min-width: 72rem)');
const ASKING_COLOUR = '#0f5291';
const OFFER_COLOUR = '#1e7a3d';
/** The prefix of the unmet-demand figures in the needs report. */
const UNMET = 'unmet:';
/** How long an announced training group is shown to residents (the API's expires_at). */
const ANNOUNCE_DAYS = 90;

// ------------------------------------------------------------------ the key, in this tab only

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function loadSession() {
  try {
    const s = JSON.parse(storage()?.getItem(STORE_KEY) || 'null');
    return s && typeof s.key === 'string' && s.key ? s : null;
  } catch {
    return null;
  }
}

function saveSession(session) {
  try {
    storage()?.setItem(STORE_KEY, JSON.stringify(session));
  } catch {
    /* blocked: signed in until the page is reloaded */
  }
}

function dropSession() {
  try {
    storage()?.removeItem(STORE_KEY);
  } catch {
    /* blocked */
  }
}

// ------------------------------------------------------------------ figures and words

const kOf = (state) => Number(state.report?.k) || 10;
const reachKm = (state) => num(Number(state.report?.reach_km) || 3, 1);

/** "16" or "minder dan 10": a null figure is never 0. */
function fig(state, n) {
  return n === null || n === undefined ? t('ins_fewer', { k: kOf(state) }) : num(Number(n), 0);
}

/** The same for a CSV file: the number, or "<10". */
function csvFig(state, n) {
  return n === null || n === undefined ? `<${kOf(state)}` : String(n);
}

const cap = (s) => (s ? s.charAt(0).toLocaleUpperCase(lang() === 'en' ? 'en-GB' : 'nl-NL') + s.slice(1) : s);

function kindOf(dim) {
  if (dim === 'residents') return 'residents';
  return dim.slice(0, dim.indexOf(':'));
}

function idOf(dim) {
  return dim.slice(dim.indexOf(':') + 1);
}

/** The group a dimension is compared in (`other` for work goals and needs). */
function groupOf(dim) {
  const kind = kindOf(dim);
  return kind === 'work_goal' || kind === 'need' ? 'other' : kind;
}

/** The label of one dimension's value ("Kinderen en jongeren", "donderdagmiddag"). */
function dimLabel(state, dim) {
  if (dim === 'residents') return t('ins_residents');
  const kind = kindOf(dim);
  const id = idOf(dim);
  const from = (list) => {
    const x = (list || []).find((c) => c.id === id);
    return x ? x[lang()] || x.nl || id : id;
  };
  const tax = state.tax || {};
  if (kind === 'interest') return from(tax.categories);
  if (kind === 'slot') return from(tax.slots);
  if (kind === 'learn') return from(tax.skills);
  if (kind === 'work_goal' || kind === 'need') {
    const key = `ins_${kind}_${id}`;
    const s = t(key);
    return s === key ? id : s;
  }
  return id;
}

/** The name of a figure on the map ("Interesse: Kinderen en jongeren"). */
function figureName(state, dim) {
  if (dim === 'residents') return t('ins_residents');
  return t(`ins_fig_${kindOf(dim)}`, { label: dimLabel(state, dim) });
}

/** Whether tasks can offer this dimension (interests, moments, something to learn). */
const hasOffer = (dim) => ['interest', 'slot', 'learn'].includes(kindOf(dim));

function monthLabel(month) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}

function monthsBefore(month, n) {
  let [y, m] = month.split('-').map(Number);
  const out = [];
  for (let i = 0; i < n; i += 1) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/**
 * The dimensions in this month's answer (besides `residents`), in a stable order. The
 * unmet-demand figures (`unmet:…`) have their own section (unmetSection).
 */
function dimensions(state) {
  return (state.report?.city || []).map((c) => c.dimension).filter((d) => d !== 'residents' && !d.startsWith(UNMET));
}

function wijkRow(state, code) {
  return (state.report?.wijken || []).find((w) => w.code === code) || null;
}

/** A wijk's figure for a dimension: residents, or how many ask for it (null: suppressed). */
function valueOf(w, dim) {
  if (!w) return null;
  if (dim === 'residents') return w.residents ?? null;
  return (w.needs || []).find((n) => n.dimension === dim)?.asking ?? null;
}

function offerOf(w, dim) {
  if (!w) return null;
  const x = (w.needs || []).find((n) => n.dimension === dim)?.offer;
  return x === undefined || x === null ? null : Number(x);
}

function cityValue(state, dim) {
  return (state.report?.city || []).find((c) => c.dimension === dim)?.asking ?? null;
}

/** Much asked, little offered: at least k ask for it and fewer tasks are within reach. */
function isFlagged(state, asking, offer) {
  return asking !== null && asking !== undefined && asking >= kOf(state) && offer !== null && offer !== undefined && offer < asking;
}

function stadsdeel(state, code) {
  return (state.tax?.wijken || []).find((w) => w.code === code)?.stadsdeel || '';
}

/** A wijk's name, marked as Dutch on the English page. */
function nlName(tag, attrs, name) {
  return h(tag, { ...attrs, lang: lang() === 'en' ? 'nl' : null }, name);
}

function placeName(state) {
  return state.wijk ? wijkRow(state, state.wijk)?.name || state.wijk : t('ins_placeCity');
}

/** Sorts the dimensions of one group: most asked first, then in their natural order. */
function sortDims(state, dims, valueFn) {
  return [...dims].sort((a, b) => {
    const va = valueFn(a);
    const vb = valueFn(b);
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
    if (va !== null && vb !== null && va !== vb) return vb - va;
    if (kindOf(a) !== kindOf(b)) return kindOf(a) < kindOf(b) ? 1 : -1; // work goals before needs
    if (kindOf(a) === 'slot') return slotOrder(idOf(a), idOf(b));
    return dimLabel(state, a).localeCompare(dimLabel(state, b), 'nl');
  });
}

// ------------------------------------------------------------------ CSV

function csvCell(v) {
  const s = String(v ?? '');
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to a CSV file for Excel in Dutch (semicolons, UTF-8 with BOM), downloaded as a Blob. */
function downloadCsv(name, rows) {
  const text = `\ufeff${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  announce(t('ins_csvSaved', { name }));
}

/** A text with nodes in it: `{name}` in the text becomes nodes[name] (a wijk's name marked Dutch). */
function tWith(key, vars, nodes) {
  return t(key, vars)
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m && nodes[m[1]] !== undefined ? nodes[m[1]] : part;
    });
}

const fileSafe = (s) => s.replace(/[^a-z0-9-]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

// ------------------------------------------------------------------ the page

export async function startInsight() {
  const params = new URLSearchParams(window.location.search);
  setLang(params.get('lang') === 'en' ? 'en' : 'nl');
  const state = {
    session: loadSession(),
    tax: null,
    shapes: null,
    report: null,
    latest: null, // the last month that is over, from the server's first answer
    figure: 'residents',
    wijk: '', // '' = the whole city
    kind: 'interest',
    tableOpen: null, // the map's table: null = open on a wide screen, folded on a phone
    notice: null,
    groups: null, // GET /v1/insight/training-groups, loaded once after signing in
    groupsError: false,
    groupsLoading: false,
    groupsNote: null, // {text, error}: what the last announce or withdraw did
  };
  const app = document.getElementById('app');
  app.state = state;
  refreshChrome();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'nl' ? 'en' : 'nl');
    const url = new URL(window.location.href);
    if (lang() === 'en') url.searchParams.set('lang', 'en');
    else url.searchParams.delete('lang');
    window.history.replaceState(window.history.state, '', url);
    refreshChrome();
    render(state, { focus: false });
  });

  // The map's table follows the screen's width until the reader opens or closes it.
  WIDE.addEventListener('change', () => {
    const details = document.getElementById('insight-map-table-details');
    if (details && state.tableOpen == null) details.open = WIDE.matches;
  });

  const [tax, shapes] = await Promise.all([getTaxonomies().catch(() => null), getWijkShapes()]);
  state.tax = tax;
  state.shapes = shapes && Array.isArray(shapes.features) ? shapes : null;
  if (state.session) await load(state, null, { focus: false });
  else render(state, { focus: false });
  return state;
}

function refreshChrome() {
  applyStatic();
  const btn = document.getElementById('lang-switch');
  btn.textContent = t('langSwitch');
  btn.setAttribute('lang', t('langSwitchLang'));
  btn.setAttribute('aria-label', t('langSwitchLabel'));
  document.title = t('ins_siteTitle');
}

/** Fetches one month (null: the last one that is over); on 401/403 back to the sign-in form. */
async function load(state, month, { focus = true, after = null } = {}) {
  const app = document.getElementById('app');
  if (!state.report) clear(app).append(h('p', { class: 'utrecht-paragraph loading', role: 'status' }, t('ins_loading')));
  try {
    const report = await getInsightNeeds(state.session.key, month);
    state.report = report;
    if (!state.latest || report.month > state.latest) state.latest = report.month;
    keepChoices(state);
    render(state, { focus });
    after?.();
    // The training groups do not depend on the month: loaded once.
    if (!state.groups && !state.groupsLoading && !state.groupsError) loadGroups(state);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      expire(state, { focus });
    } else {
      const text = e instanceof ApiError && e.status === 400 ? t('ins_errMonth') : t('ins_errLoad');
      // Nothing to show yet (a reload while the server is away): said above the sign-in form.
      if (!state.report) state.notice = text;
      render(state, { focus: false });
      showStatus(text, true);
    }
  }
}

/** The key no longer works: back to the sign-in form, saying so. */
function expire(state, { focus = true } = {}) {
  dropSession();
  Object.assign(state, { session: null, report: null, latest: null, notice: t('ins_expired'), ...noGroups() });
  render(state, { focus });
}

const noGroups = () => ({ groups: null, groupsError: false, groupsLoading: false, groupsNote: null });

/** After a new month: a figure that month has no column for goes back to the residents. */
function keepChoices(state) {
  if (state.figure !== 'residents' && !dimensions(state).includes(state.figure)) state.figure = 'residents';
  if (state.wijk && !wijkRow(state, state.wijk)) state.wijk = '';
}

function render(state, { focus = true } = {}) {
  const app = document.getElementById('app');
  // Like the page's status line, the training groups' last message goes with a new view
  // (another month, the other language).
  state.groupsNote = null;
  const view = h('div', { class: 'insight-view', id: 'insight-view' });
  view.append(
    h('h1', { class: 'utrecht-heading-1', id: 'insight-title', tabindex: '-1' }, t('ins_title')),
    h('p', { class: 'utrecht-paragraph lead' }, t('ins_intro')),
  );
  append(view, [state.session && state.report ? signedIn(state) : signInForm(state)]);
  clear(app).append(view);
  if (state.session && state.report) {
    drawMapLabels(state);
    drawChart(state);
  }
  if (focus) (view.querySelector('#insight-notice') || view.querySelector('#insight-title')).focus();
}

function showStatus(text, error = false) {
  const box = document.getElementById('insight-status');
  if (box) {
    box.className = `insight-status${error ? ' insight-status--error' : ''}`;
    box.textContent = text;
  }
  announce(text);
}

// ------------------------------------------------------------------ sign in

function signInForm(state) {
  const keyErr = h('p', { class: 'utrecht-form-field-error-message', id: 'insight-key-error', hidden: true });
  const key = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input insight-key',
    id: 'insight-key',
    name: 'key',
    type: 'password',
    // Not kept by the browser: the page may run on a shared computer.
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    'aria-required': 'true',
    'aria-describedby': 'insight-key-help',
  });
  const keyWrap = h(
    'div',
    { class: 'utrecht-form-field org-field' },
    h('label', { class: 'utrecht-form-label', for: 'insight-key' }, t('ins_keyLabel')),
    h('p', { class: 'utrecht-form-field-description', id: 'insight-key-help' }, t('ins_keyHelp')),
    keyErr,
    key,
  );
  const general = h('div', { class: 'denhaag-alert denhaag-alert--error alert org-general', id: 'insight-signin-problem', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'denhaag-button', id: 'insight-signin-button' }, t('ins_signIn'));
  const form = h(
    'form',
    { class: 'org-signin insight-signin', id: 'insight-signin', novalidate: true, 'aria-labelledby': 'insight-signin-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-signin-title' }, t('ins_signInTitle')),
    keyWrap,
    h('p', { class: 'privacy-note' }, t('ins_privacy')),
    general,
    button,
  );

  const show = ({ key: keyMsg = null, general: generalMsg = null } = {}) => {
    keyErr.textContent = keyMsg || '';
    keyErr.hidden = !keyMsg;
    keyWrap.classList.toggle('utrecht-form-field--invalid', Boolean(keyMsg));
    key.setAttribute('aria-describedby', keyMsg ? 'insight-key-error insight-key-help' : 'insight-key-help');
    if (keyMsg) key.setAttribute('aria-invalid', 'true');
    else key.removeAttribute('aria-invalid');
    clear(general);
    general.hidden = !generalMsg;
    if (generalMsg) general.append(h('p', { class: 'utrecht-paragraph' }, generalMsg));
    if (keyMsg) key.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const k = key.value.trim();
    if (!k) {
      show({ key: t('ins_errKeyEmpty') });
      return;
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    announce(t('ins_loading'));
    try {
      const report = await getInsightNeeds(k, null);
      state.session = { key: k };
      saveSession(state.session);
      state.report = report;
      state.latest = report.month;
      state.notice = null;
      Object.assign(state, noGroups());
      keepChoices(state);
      render(state);
      loadGroups(state);
    } catch (ex) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (ex instanceof ApiError && ex.status === 401) show({ key: t('ins_err401') });
      else if (ex instanceof ApiError && ex.status === 403) show({ key: t('ins_err403') });
      else show({ general: t('ins_errLoad') });
    }
  });

  const out = [];
  if (state.notice) out.push(h('p', { class: 'utrecht-paragraph org-notice', id: 'insight-notice', role: 'status', tabindex: '-1' }, state.notice));
  out.push(form);
  return out;
}

function signOut(state) {
  dropSession();
  Object.assign(state, { session: null, report: null, latest: null, wijk: '', figure: 'residents', notice: t('ins_signedOut'), ...noGroups() });
  render(state);
}

// ------------------------------------------------------------------ signed in

function signedIn(state) {
  const bar = h(
    'div',
    { class: 'org-bar insight-bar' },
    h('p', { class: 'org-who', id: 'insight-who' }, t('ins_signedIn')),
    h('div', { class: 'org-bar-buttons' }, h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'insight-signout', onclick: () => signOut(state) }, t('ins_signOut'))),
  );
  return [
    bar,
    h('p', { class: 'insight-status', id: 'insight-status' }),
    choices(state),
    summary(state),
    mapSection(state),
    needsSection(state),
    unmetSection(state),
    groupsSection(state),
    aboutSection(state),
  ];
}

function choices(state) {
  const month = h(
    'select',
    { class: 'select', id: 'insight-month', name: 'month', 'aria-describedby': 'insight-month-help' },
    monthsBefore(state.latest || state.report.month, MONTHS_BACK).map((m) => h('option', { value: m, selected: m === state.report.month }, monthLabel(m))),
  );
  month.addEventListener('change', async () => {
    month.disabled = true;
    showStatus(t('ins_loading'));
    await load(state, month.value, {
      focus: false,
      after: () => {
        document.getElementById('insight-month')?.focus();
        showStatus(t('ins_monthShown', { month: monthLabel(state.report.month) }));
      },
    });
    const again = document.getElementById('insight-month');
    if (again) again.disabled = false;
  });

  const figure = h('select', { class: 'select', id: 'insight-figure', name: 'figure', 'aria-describedby': 'insight-figure-help' }, figureOptions(state));
  figure.addEventListener('change', () => {
    state.figure = figure.value;
    updateMap(state);
    // "Vraag en aanbod" follows: an interest on the map compares the interests.
    if (state.figure !== 'residents' && groupOf(state.figure) !== state.kind) {
      state.kind = groupOf(state.figure);
      const kind = document.getElementById('insight-kind');
      if (kind) kind.value = state.kind;
      updateNeeds(state);
    }
    announce(t('ins_mapShows', { figure: figureName(state, state.figure) }));
  });

  return h(
    'section',
    { class: 'insight-choices', id: 'insight-choices', 'aria-labelledby': 'insight-choices-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-choices-title' }, t('ins_choicesTitle')),
    h(
      'div',
      { class: 'insight-fields' },
      h(
        'div',
        { class: 'utrecht-form-field insight-field' },
        h('label', { class: 'utrecht-form-label', for: 'insight-month' }, t('ins_month')),
        h('p', { class: 'utrecht-form-field-description', id: 'insight-month-help' }, t('ins_monthHelp')),
        month,
      ),
      h(
        'div',
        { class: 'utrecht-form-field insight-field' },
        h('label', { class: 'utrecht-form-label', for: 'insight-figure' }, t('ins_figure')),
        h('p', { class: 'utrecht-form-field-description', id: 'insight-figure-help' }, t('ins_figureHelp')),
        figure,
      ),
    ),
  );
}

/** The kinds of dimension the page names (hours and Dutch level are not shown). */
const FIGURE_KINDS = ['interest', 'slot', 'learn', 'work_goal', 'need'];

function figureOptions(state) {
  const dims = dimensions(state);
  const groups = FIGURE_KINDS;
  const natural = (a, b) => (kindOf(a) === 'slot' ? slotOrder(idOf(a), idOf(b)) : dimLabel(state, a).localeCompare(dimLabel(state, b), 'nl'));
  return [
    h('option', { value: 'residents', selected: state.figure === 'residents' }, t('ins_residents')),
    groups.map((g) => {
      const list = dims.filter((d) => kindOf(d) === g).sort(natural);
      if (!list.length) return null;
      return h('optgroup', { label: t(`ins_group_${g}`) }, list.map((d) => h('option', { value: d, selected: state.figure === d }, cap(dimLabel(state, d)))));
    }),
  ];
}

function summary(state) {
  const total = cityValue(state, 'residents');
  const month = monthLabel(state.report.month);
  const none = total === null && dimensions(state).length === 0;
  return h(
    'div',
    { class: 'insight-summary', id: 'insight-summary' },
    h('p', { class: 'utrecht-paragraph insight-summary-figure' }, none ? t('ins_noData', { month }) : t('ins_summary', { month, n: fig(state, total) })),
    h('p', { class: 'utrecht-paragraph' }, t('ins_summaryNote', { k: kOf(state) }), ' ', h('a', { class: 'denhaag-link', href: '#insight-about' }, t('ins_readMore'))),
  );
}

// ------------------------------------------------------------------ the map

/** Classes of the shown values: one per value when there are few, else five equal steps. */
export function classesOf(values) {
  const xs = [...new Set(values.filter((v) => v !== null && v !== undefined).map(Number))].sort((a, b) => a - b);
  if (!xs.length) return [];
  if (xs.length <= PALETTE.length) return xs.map((v) => ({ from: v, to: v }));
  const min = xs[0];
  const max = xs[xs.length - 1];
  const step = Math.ceil((max - min + 1) / PALETTE.length);
  const out = [];
  for (let from = min; from <= max; from += step) out.push({ from, to: Math.min(max, from + step - 1) });
  return out;
}

function colourOf(classes, v) {
  if (v === null || v === undefined) return `url(#${HATCH_ID})`;
  const i = classes.findIndex((c) => v >= c.from && v <= c.to);
  // Few classes: spread over the palette, the darkest for the highest.
  const n = classes.length;
  const idx = n === 1 ? PALETTE.length - 2 : Math.round(PALETTE.length - 1 - ((n - 1 - i) * (PALETTE.length - 1)) / Math.max(n - 1, PALETTE.length - 1));
  return PALETTE[Math.max(0, Math.min(PALETTE.length - 1, idx))];
}

/** Equirectangular, longitudes shortened by cos(52°): good enough for one city. */
function projection(geo) {
  const cos = Math.cos((52 * Math.PI) / 180);
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const ring of allRings(geo)) {
    for (const [lon, lat] of ring) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
  }
  const inner = 600;
  const scale = inner / ((maxLon - minLon) * cos || 1);
  const pad = 6;
  return {
    width: inner + 2 * pad,
    height: Math.round((maxLat - minLat) * scale + 2 * pad),
    at: ([lon, lat]) => [pad + (lon - minLon) * cos * scale, pad + (maxLat - lat) * scale],
  };
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function allRings(geo) {
  return geo.features.flatMap((f) => polygonsOf(f.geometry).flat());
}

function pathOf(geometry, at) {
  return polygonsOf(geometry)
    .flat()
    .map((ring) => `M${ring.map((pt) => at(pt).map((v) => v.toFixed(1)).join(' ')).join('L')}Z`)
    .join('');
}

/** Where a wijk's number goes: the centre of its largest ring. */
function labelPoint(geometry, at) {
  let best = null;
  for (const poly of polygonsOf(geometry)) {
    const pts = poly[0].map(at);
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < pts.length - 1; i += 1) {
      const [x0, y0] = pts[i];
      const [x1, y1] = pts[i + 1];
      const c = x0 * y1 - x1 * y0;
      a += c;
      cx += (x0 + x1) * c;
      cy += (y0 + y1) * c;
    }
    if (!a) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return best;
}

function wijkAriaLabel(state, w, value, chosen) {
  const what = state.figure === 'residents' ? t('ins_valueResidents', { n: fig(state, value) }) : t('ins_valueAsking', { n: fig(state, value) });
  return `${w.name}: ${what}${chosen ? ` (${t('ins_chosenShort')})` : ''}`;
}

function mapSection(state) {
  const month = monthLabel(state.report.month);
  return h(
    'section',
    { class: 'insight-map-section', id: 'insight-map-section', 'aria-labelledby': 'insight-map-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-map-title' }, t('ins_mapTitle', { figure: figureName(state, state.figure), month })),
    h('p', { class: 'utrecht-paragraph' }, t('ins_mapHint')),
    h(
      'div',
      { class: 'insight-map-layout' },
      h('div', { class: 'insight-map-col' }, mapFigure(state), h('div', { class: 'insight-legend', id: 'insight-legend' }, legend(state)), chosenPanel(state)),
      h('div', { class: 'insight-table-col', id: 'insight-map-table-box' }, mapTable(state)),
    ),
  );
}

function mapFigure(state) {
  const source = h('p', { class: 'insight-source', id: 'insight-source' }, t('ins_source'));
  if (!state.shapes) {
    return h('figure', { class: 'insight-map-figure' }, h('p', { class: 'utrecht-paragraph insight-map-error', role: 'status' }, t('ins_mapError')), h('figcaption', {}, source));
  }
  const proj = projection(state.shapes);
  const values = state.report.wijken.map((w) => valueOf(w, state.figure));
  const classes = classesOf(values);
  const byCode = new Map(state.report.wijken.map((w) => [w.code, w]));
  const labelId = uid('insight-map-label');
  const paths = state.shapes.features.map((f) => {
    const code = f.properties?.code || f.id;
    const w = byCode.get(code) || { code, name: f.properties?.name || code, residents: null, needs: [] };
    const value = valueOf(w, state.figure);
    const chosen = state.wijk === code;
    const path = svg(
      'path',
      {
        id: `insight-wijk-${code}`,
        class: `insight-wijk${value === null ? ' insight-wijk--hidden' : ''}`,
        d: pathOf(f.geometry, proj.at),
        fill: colourOf(classes, value),
        stroke: '#4d4d4d',
        'stroke-width': 0.8,
        'stroke-linejoin': 'round',
        'fill-rule': 'evenodd',
        tabindex: '0',
        role: 'button',
        'aria-label': wijkAriaLabel(state, w, value, chosen),
        dataset: { code, value: value === null ? '' : String(value) },
      },
      svg('title', {}, `${w.name}: ${fig(state, value)}`),
    );
    const choose = () => chooseWijk(state, code, { from: 'map' });
    path.addEventListener('click', choose);
    path.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose();
      }
    });
    path.addEventListener('focus', () => document.getElementById('insight-focus-outline')?.setAttribute('d', path.getAttribute('d')));
    path.addEventListener('blur', () => document.getElementById('insight-focus-outline')?.removeAttribute('d'));
    return path;
  });
  const chosenPath = paths.find((p) => p.dataset.code === state.wijk);
  const map = svg(
    'svg',
    {
      class: 'insight-map',
      id: 'insight-map',
      viewBox: `0 0 ${proj.width} ${proj.height}`,
      role: 'group',
      'aria-labelledby': labelId,
      focusable: 'false',
    },
    svg('title', { id: labelId }, t('ins_mapLabel', { figure: figureName(state, state.figure), month: monthLabel(state.report.month) })),
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: HATCH_ID, width: 7, height: 7, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 7, height: 7, fill: '#f4f4f4' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 7, stroke: '#8c8c8c', 'stroke-width': 2 }),
      ),
    ),
    svg('g', { class: 'insight-wijken' }, paths),
    // The outlines of the chosen and the focused wijk, on top of their neighbours.
    svg('path', { id: 'insight-chosen-outline', class: 'insight-chosen-outline', d: chosenPath?.getAttribute('d') || null, fill: 'none', 'aria-hidden': 'true' }),
    svg('path', { id: 'insight-focus-outline', class: 'insight-focus-outline', fill: 'none', 'aria-hidden': 'true' }),
    svg('g', { class: 'insight-map-labels', id: 'insight-map-labels', 'aria-hidden': 'true' }),
  );
  return h('figure', { class: 'insight-map-figure', id: 'insight-map-figure' }, map, h('figcaption', {}, source));
}

/** The numbers on the map, drawn after the map is in the page. */
function drawMapLabels(state) {
  const g = document.getElementById('insight-map-labels');
  if (!g || !state.shapes) return;
  clear(g);
  const proj = projection(state.shapes);
  const byCode = new Map(state.report.wijken.map((w) => [w.code, w]));
  for (const f of state.shapes.features) {
    const code = f.properties?.code || f.id;
    const value = valueOf(byCode.get(code), state.figure);
    if (value === null) continue;
    const p = labelPoint(f.geometry, proj.at);
    if (!p) continue;
    g.append(svg('text', { x: p.x.toFixed(1), y: p.y.toFixed(1), class: 'insight-map-label', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, num(value, 0)));
  }
}

function legend(state) {
  const values = state.report.wijken.map((w) => valueOf(w, state.figure));
  const classes = classesOf(values);
  const swatch = (fill) =>
    h('span', { class: 'insight-swatch', 'aria-hidden': 'true' }, svg('svg', { viewBox: '0 0 20 20', width: 20, height: 20, focusable: 'false' }, svg('rect', { x: 0.5, y: 0.5, width: 19, height: 19, fill, stroke: '#4d4d4d', 'stroke-width': 1 })));
  const unit = state.figure === 'residents' ? t('ins_unitResidents') : t('ins_unitAsking');
  return [
    h('p', { class: 'insight-legend-title', id: 'insight-legend-title' }, t('ins_legendTitle', { unit })),
    h(
      'ul',
      { class: 'insight-legend-list', 'aria-labelledby': 'insight-legend-title' },
      classes.map((c) => h('li', { class: 'insight-legend-item' }, swatch(colourOf(classes, c.from)), c.from === c.to ? num(c.from, 0) : t('ins_legendRange', { from: num(c.from, 0), to: num(c.to, 0) }))),
      h('li', { class: 'insight-legend-item insight-legend-item--hidden' }, swatch(state.shapes ? `url(#${HATCH_ID})` : '#f4f4f4'), t('ins_legendHidden', { k: kOf(state) })),
    ),
    classes.length ? null : h('p', { class: 'insight-legend-none' }, t('ins_legendNone', { k: kOf(state) })),
  ];
}

function chosenPanel(state) {
  const box = h('div', { class: 'insight-chosen', id: 'insight-chosen' });
  fillChosen(state, box);
  return box;
}

function fillChosen(state, box) {
  clear(box);
  if (!state.wijk) {
    box.append(h('p', { class: 'insight-chosen-text' }, t('ins_noneChosen')));
    return;
  }
  const w = wijkRow(state, state.wijk);
  const value = valueOf(w, state.figure);
  const what = state.figure === 'residents' ? t('ins_valueResidents', { n: fig(state, value) }) : `${figureName(state, state.figure)}: ${t('ins_valueAsking', { n: fig(state, value) })}`;
  box.append(
    h('p', { class: 'insight-chosen-text' }, t('ins_chosen'), ' ', nlName('strong', {}, w?.name || state.wijk), `. ${cap(what)}.`),
    h('p', { class: 'insight-chosen-link' }, h('a', { class: 'denhaag-link', href: '#insight-needs-title' }, t('ins_toNeeds'), ' ', nlName('span', {}, w?.name || state.wijk))),
  );
}

/** [key, column header, the short label on a phone (where each row is a block)]. */
function mapTableColumns(state) {
  const cols = [['residents', t('ins_colResidents'), t('ins_colResidentsShort')]];
  if (state.figure !== 'residents') {
    cols.push(['asking', t('ins_colAsking'), t('ins_colAskingShort')]);
    if (hasOffer(state.figure)) cols.push(['offer', t('ins_colOffer', { km: reachKm(state) }), t('ins_colOffer', { km: reachKm(state) })]);
  }
  return cols;
}

/** The map's rows, highest first: [{w, residents, asking, offer}]. */
function mapRows(state) {
  const rows = state.report.wijken.map((w) => ({
    w,
    residents: w.residents ?? null,
    asking: state.figure === 'residents' ? null : valueOf(w, state.figure),
    offer: state.figure === 'residents' ? null : offerOf(w, state.figure),
  }));
  const key = (r) => (state.figure === 'residents' ? r.residents : r.asking);
  return rows.sort((a, b) => {
    const va = key(a);
    const vb = key(b);
    if ((va === null) !== (vb === null)) return va === null ? 1 : -1;
    if (va !== null && vb !== null && va !== vb) return vb - va;
    return a.w.name.localeCompare(b.w.name, 'nl');
  });
}

function mapTable(state) {
  const cols = mapTableColumns(state);
  const month = monthLabel(state.report.month);
  const csv = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action insight-csv', id: 'insight-map-csv', 'aria-describedby': 'insight-map-csv-help' }, t('ins_csv'));
  csv.addEventListener('click', () => {
    const head = [t('ins_csvMonth'), t('ins_csvCode'), t('ins_colWijk'), t('ins_colStadsdeel'), ...cols.map(([, label]) => label)];
    const body = mapRows(state).map((r) => [state.report.month, r.w.code, r.w.name, stadsdeel(state, r.w.code), ...cols.map(([k]) => (k === 'offer' ? (r.offer ?? '') : csvFig(state, r[k])))]);
    downloadCsv(`talentscan-wijken-${state.report.month}-${fileSafe(state.figure)}.csv`, [head, ...body]);
  });
  const stack = cols.length > 1;
  // Open beside the map on a wide screen; folded under it on a phone (44 rows), until the
  // reader opens or closes it (see startInsight for a screen that changes width).
  const open = state.tableOpen ?? WIDE.matches;
  const summaryEl = h('summary', { class: 'insight-table-summary' }, h('h3', { class: 'utrecht-heading-3 insight-table-title', id: 'insight-map-table-title' }, t('ins_tableTitle', { n: state.report.wijken.length })));
  const details = h(
    'details',
    { class: 'insight-table-details', id: 'insight-map-table-details', open },
    summaryEl,
    h(
      'div',
      { class: `insight-table-wrap${stack ? ' insight-table-wrap--stack' : ''}` },
      h(
        'table',
        { class: `insight-table${stack ? ' insight-table--stack' : ''}`, id: 'insight-map-table', role: 'table' },
        h('caption', { class: 'insight-caption' }, t('ins_tableCaption', { figure: figureName(state, state.figure), month })),
        h(
          'thead',
          { role: 'rowgroup' },
          h(
            'tr',
            { role: 'row' },
            h('th', { scope: 'col', role: 'columnheader' }, t('ins_colWijk')),
            cols.map(([, label]) => h('th', { scope: 'col', role: 'columnheader', class: 'num' }, label)),
          ),
        ),
        h(
          'tbody',
          { role: 'rowgroup' },
          mapRows(state).map((r) =>
            h(
              'tr',
              { role: 'row', dataset: { code: r.w.code }, class: state.wijk === r.w.code ? 'insight-row--chosen' : null },
              nlName('th', { scope: 'row', role: 'rowheader' }, r.w.name),
              cols.map(([k, , label]) =>
                h(
                  'td',
                  { class: `num${k !== 'offer' && r[k] === null ? ' insight-fewer' : ''}`, role: 'cell', dataset: { col: k, label } },
                  k === 'offer' ? (r.offer === null ? '–' : num(r.offer, 0)) : fig(state, r[k]),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'utrecht-form-field-description insight-csv-help', id: 'insight-map-csv-help' }, t('ins_csvHelp', { k: kOf(state) })),
    csv,
  );
  // The reader's own choice (a click, or Enter or Space on the summary) is kept.
  summaryEl.addEventListener('click', () => {
    state.tableOpen = !details.open;
  });
  return details;
}

/** A new figure: the map's colours, numbers, legend, heading and table; the rest stays. */
function updateMap(state) {
  const fresh = mapSection(state);
  document.getElementById('insight-map-section')?.replaceWith(fresh);
  drawMapLabels(state);
}

function chooseWijk(state, code, { from = 'select' } = {}) {
  state.wijk = code;
  // The map: the chosen outline and the labels; nothing is redrawn, so focus stays.
  const outline = document.getElementById('insight-chosen-outline');
  const chosen = code ? document.getElementById(`insight-wijk-${code}`) : null;
  if (outline) {
    if (chosen) outline.setAttribute('d', chosen.getAttribute('d'));
    else outline.removeAttribute('d');
  }
  for (const p of document.querySelectorAll('.insight-wijk')) {
    const w = wijkRow(state, p.dataset.code) || { name: p.dataset.code };
    p.setAttribute('aria-label', wijkAriaLabel(state, w, valueOf(wijkRow(state, p.dataset.code), state.figure), p.dataset.code === code));
  }
  for (const tr of document.querySelectorAll('#insight-map-table tbody tr')) tr.classList.toggle('insight-row--chosen', tr.dataset.code === code);
  const box = document.getElementById('insight-chosen');
  if (box) fillChosen(state, box);
  const select = document.getElementById('insight-wijk');
  if (select && from !== 'select') select.value = code;
  updateNeeds(state);
  updateUnmet(state);
  announce(t('ins_wijkChosen', { place: placeName(state) }));
}

// ------------------------------------------------------------------ needs against offer

function needsSection(state) {
  const wijken = [...state.report.wijken].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const wijk = h(
    'select',
    { class: 'select', id: 'insight-wijk', name: 'wijk' },
    h('option', { value: '', selected: !state.wijk }, t('ins_cityOption')),
    wijken.map((w) => h('option', { value: w.code, selected: state.wijk === w.code, lang: lang() === 'en' ? 'nl' : null }, w.name)),
  );
  wijk.addEventListener('change', () => chooseWijk(state, wijk.value, { from: 'select' }));
  const kind = h(
    'select',
    { class: 'select', id: 'insight-kind', name: 'kind' },
    KINDS.map((k) => h('option', { value: k, selected: state.kind === k }, t(`ins_kind_${k}`))),
  );
  kind.addEventListener('change', () => {
    state.kind = kind.value;
    updateNeeds(state);
    announce(t('ins_kindShown', { kind: t(`ins_kind_${state.kind}`), place: placeName(state) }));
  });
  return h(
    'section',
    { class: 'insight-needs', id: 'insight-needs', 'aria-labelledby': 'insight-needs-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-needs-title', tabindex: '-1' }, t('ins_needsTitle')),
    h('p', { class: 'utrecht-paragraph' }, t('ins_needsIntro', { km: reachKm(state) })),
    h(
      'div',
      { class: 'insight-fields' },
      h('div', { class: 'utrecht-form-field insight-field' }, h('label', { class: 'utrecht-form-label', for: 'insight-wijk' }, t('ins_wijk')), wijk),
      h('div', { class: 'utrecht-form-field insight-field' }, h('label', { class: 'utrecht-form-label', for: 'insight-kind' }, t('ins_kind')), kind),
    ),
    h('div', { class: 'insight-needs-body', id: 'insight-needs-body' }, needsBody(state)),
  );
}

/** The rows of the needs table: [{dim, asking, offer, flagged}] for the place and kind. */
function needRows(state) {
  const w = state.wijk ? wijkRow(state, state.wijk) : null;
  const dims = dimensions(state).filter((d) => groupOf(d) === state.kind);
  const asking = (d) => (w ? valueOf(w, d) : cityValue(state, d));
  return sortDims(state, dims, asking).map((d) => {
    const offer = w && hasOffer(d) ? offerOf(w, d) : null;
    return { dim: d, asking: asking(d), offer, flagged: Boolean(w) && hasOffer(d) && isFlagged(state, asking(d), offer) };
  });
}

function needsBody(state) {
  const month = monthLabel(state.report.month);
  const place = placeName(state);
  const w = state.wijk ? wijkRow(state, state.wijk) : null;
  const rows = needRows(state);
  const withOffer = Boolean(w) && state.kind !== 'other';
  const out = [
    h('h3', { class: 'utrecht-heading-3 insight-needs-place', id: 'insight-needs-place' }, tWith('ins_needsHeading', { month }, { place: w ? nlName('span', {}, place) : place })),
    h('p', { class: 'utrecht-paragraph', id: 'insight-needs-residents' }, t(w ? 'ins_needsResidentsWijk' : 'ins_needsResidentsCity', { n: fig(state, w ? w.residents : cityValue(state, 'residents')) })),
  ];
  if (!rows.length) {
    out.push(h('p', { class: 'utrecht-paragraph insight-empty', id: 'insight-needs-empty' }, t('ins_noNeeds')));
    return out;
  }
  if (withOffer) out.push(flagsBox(state, rows));
  else if (!w && state.kind !== 'other') out.push(h('p', { class: 'utrecht-paragraph' }, t('ins_cityOffer')), cityFlags(state));
  if (state.kind === 'other') out.push(h('p', { class: 'utrecht-paragraph' }, t('ins_otherNote')));
  out.push(
    h(
      'div',
      { class: 'insight-chart-legend', 'aria-hidden': 'true' },
      h('span', { class: 'insight-key' }, h('span', { class: 'insight-key-mark insight-key-mark--asking' }), t('ins_chartAsking')),
      withOffer ? h('span', { class: 'insight-key' }, h('span', { class: 'insight-key-mark insight-key-mark--offer' }), t('ins_chartOffer', { km: reachKm(state) })) : null,
    ),
    h('figure', { class: 'insight-chart-box', id: 'insight-chart-box' }),
    needsTable(state, rows, withOffer),
  );
  return out;
}

function flagsBox(state, rows) {
  const flagged = rows.filter((r) => r.flagged);
  return h(
    'div',
    { class: `insight-flags${flagged.length ? '' : ' insight-flags--none'}`, id: 'insight-flags' },
    h('p', { class: 'insight-flags-title' }, flagged.length ? t('ins_flagTitle') : t('ins_flagNone')),
    flagged.length
      ? h(
          'ul',
          { class: 'insight-flags-list' },
          flagged.map((r) => h('li', { dataset: { dimension: r.dim } }, t('ins_flagItem', { label: cap(dimLabel(state, r.dim)), asking: fig(state, r.asking), offer: tn('ins_tasks', r.offer) }))),
        )
      : null,
    h('p', { class: 'insight-flags-rule' }, t('ins_flagRule', { k: kOf(state), km: reachKm(state) })),
  );
}

/** For the whole city: where in which wijk much is asked and little offered. */
function cityFlags(state) {
  const dims = dimensions(state).filter((d) => groupOf(d) === state.kind && hasOffer(d));
  const items = [];
  for (const w of [...state.report.wijken].sort((a, b) => a.name.localeCompare(b.name, 'nl'))) {
    for (const d of dims) {
      const asking = valueOf(w, d);
      const offer = offerOf(w, d);
      if (isFlagged(state, asking, offer)) items.push({ w, d, asking, offer });
    }
  }
  return h(
    'div',
    { class: `insight-flags${items.length ? '' : ' insight-flags--none'}`, id: 'insight-flags' },
    h('p', { class: 'insight-flags-title' }, items.length ? t('ins_cityFlagsTitle') : t('ins_cityFlagsNone')),
    items.length
      ? h(
          'ul',
          { class: 'insight-flags-list' },
          items.map((x) =>
            h('li', { dataset: { dimension: x.d, code: x.w.code } }, nlName('span', {}, x.w.name), ` – ${t('ins_flagItem', { label: cap(dimLabel(state, x.d)), asking: fig(state, x.asking), offer: tn('ins_tasks', x.offer) })}`),
          ),
        )
      : null,
    h('p', { class: 'insight-flags-rule' }, t('ins_flagRule', { k: kOf(state), km: reachKm(state) })),
  );
}

function needsTable(state, rows, withOffer) {
  const month = monthLabel(state.report.month);
  const place = placeName(state);
  const cols = [['asking', t('ins_colAsking')]];
  if (withOffer) cols.push(['offer', t('ins_colOffer', { km: reachKm(state) })], ['note', t('ins_colNote')]);
  const csv = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action insight-csv', id: 'insight-needs-csv', 'aria-describedby': 'insight-needs-csv-help' }, t('ins_csv'));
  csv.addEventListener('click', () => {
    const head = [t('ins_csvMonth'), t('ins_colPlace'), t('ins_colWhat'), ...cols.map(([, label]) => label)];
    const body = needRows(state).map((r) => [
      state.report.month,
      placeName(state),
      cap(dimLabel(state, r.dim)),
      csvFig(state, r.asking),
      ...(withOffer ? [r.offer ?? '', r.flagged ? t('ins_flag') : ''] : []),
    ]);
    const where = state.wijk ? fileSafe(placeName(state)) : 'den-haag';
    downloadCsv(`talentscan-vraag-aanbod-${state.report.month}-${where}-${state.kind}.csv`, [head, ...body]);
  });
  return [
    h(
      'div',
      { class: `insight-table-wrap${withOffer ? ' insight-table-wrap--stack' : ''}` },
      h(
        'table',
        { class: `insight-table${withOffer ? ' insight-table--stack' : ''}`, id: 'insight-needs-table', role: 'table' },
        h('caption', { class: 'insight-caption' }, t('ins_needsCaption', { kind: t(`ins_kind_${state.kind}`), place, month })),
        h(
          'thead',
          { role: 'rowgroup' },
          h('tr', { role: 'row' }, h('th', { scope: 'col', role: 'columnheader' }, t('ins_colWhat')), cols.map(([k, label]) => h('th', { scope: 'col', role: 'columnheader', class: k === 'note' ? null : 'num' }, label))),
        ),
        h(
          'tbody',
          { role: 'rowgroup' },
          rows.map((r) =>
            h(
              'tr',
              { role: 'row', dataset: { dimension: r.dim }, class: r.flagged ? 'insight-row--flagged' : null },
              h('th', { scope: 'row', role: 'rowheader' }, cap(dimLabel(state, r.dim))),
              h('td', { class: `num${r.asking === null ? ' insight-fewer' : ''}`, role: 'cell', dataset: { col: 'asking', label: t('ins_colAskingShort') } }, fig(state, r.asking)),
              withOffer ? h('td', { class: 'num', role: 'cell', dataset: { col: 'offer', label: cols[1][1] } }, r.offer === null ? '–' : num(r.offer, 0)) : null,
              withOffer ? h('td', { role: 'cell', class: 'insight-note', dataset: { col: 'note', label: cols[2][1] } }, r.flagged ? h('span', { class: 'insight-flag-tag' }, t('ins_flag')) : '') : null,
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'utrecht-form-field-description insight-csv-help', id: 'insight-needs-csv-help' }, t('ins_csvHelp', { k: kOf(state) })),
    csv,
  ];
}

function updateNeeds(state) {
  const body = document.getElementById('insight-needs-body');
  if (!body) return;
  clear(body);
  append(body, [needsBody(state)]);
  drawChart(state);
}

// ------------------------------------------------------------------ the bar chart

let chartObserver = null;
let chartWidth = 0;

/** Vraag en aanbod as bars, drawn at the box's own width so its text is never scaled. */
function drawChart(state) {
  const box = document.getElementById('insight-chart-box');
  if (!box) return;
  const rows = needRows(state);
  const w = state.wijk ? wijkRow(state, state.wijk) : null;
  const withOffer = Boolean(w) && state.kind !== 'other';
  const W = Math.max(240, Math.min(760, Math.floor(box.clientWidth || 600)));
  chartWidth = W;
  const k = kOf(state);
  const textW = lang() === 'en' ? 118 : 124;
  const barMax = W - textW;
  const top = Math.max(k, ...rows.map((r) => r.asking ?? 0), ...(withOffer ? rows.map((r) => r.offer ?? 0) : []));
  const len = (n) => Math.max(2, (barMax * n) / top);
  const titleId = uid('insight-chart');
  let y = 0;
  const groups = rows.map((r) => {
    const parts = [];
    const label = cap(dimLabel(state, r.dim));
    parts.push(svg('text', { x: 0, y: y + 15, class: 'insight-chart-label' }, label));
    y += 22;
    if (r.flagged) {
      parts.push(svg('text', { x: 0, y: y + 13, class: 'insight-chart-flag' }, `▲ ${t('ins_flag')}`));
      y += 20;
    }
    if (r.asking === null) {
      // Not a length: a short striped mark, like the map's, and the words.
      parts.push(svg('rect', { x: 0.5, y: y + 0.5, width: 18, height: 15, fill: `url(#${titleId}-hatch)`, stroke: '#8c8c8c', 'stroke-width': 1 }));
      parts.push(svg('text', { x: 25, y: y + 13, class: 'insight-chart-value' }, t('ins_fewer', { k })));
    } else {
      parts.push(svg('rect', { x: 0, y, width: len(r.asking), height: 16, fill: ASKING_COLOUR, rx: 2 }));
      parts.push(svg('text', { x: len(r.asking) + 6, y: y + 13, class: 'insight-chart-value' }, t('ins_barAsking', { n: num(r.asking, 0) })));
    }
    y += 20;
    if (withOffer) {
      const o = r.offer ?? 0;
      if (o > 0) parts.push(svg('rect', { x: 0, y, width: len(o), height: 16, fill: OFFER_COLOUR, rx: 2 }));
      parts.push(svg('text', { x: (o > 0 ? len(o) : 0) + 6, y: y + 13, class: 'insight-chart-value' }, tn('ins_tasks', o)));
      y += 20;
    }
    y += 14;
    return svg('g', { class: `insight-chart-row${r.flagged ? ' insight-chart-row--flagged' : ''}`, dataset: { dimension: r.dim } }, parts);
  });
  const chart = svg(
    'svg',
    { class: 'insight-chart', id: 'insight-chart', viewBox: `0 0 ${W} ${Math.max(y, 10)}`, width: W, height: Math.max(y, 10), role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
    svg('title', { id: titleId }, t('ins_chartLabel', { place: placeName(state), month: monthLabel(state.report.month) })),
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: `${titleId}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, fill: '#f4f4f4' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#8c8c8c', 'stroke-width': 2 }),
      ),
    ),
    svg('g', { 'aria-hidden': 'true' }, groups),
  );
  clear(box).append(chart);
  if (!chartObserver && 'ResizeObserver' in window) {
    chartObserver = new ResizeObserver(() => {
      const b = document.getElementById('insight-chart-box');
      const app = document.getElementById('app');
      if (b && app?.state && Math.abs(Math.floor(b.clientWidth) - chartWidth) > 8) drawChart(app.state);
    });
  }
  if (chartObserver) {
    chartObserver.disconnect();
    chartObserver.observe(box);
  }
}

// ------------------------------------------------------------------ unmet demand

/**
 * The unmet-demand figures of this month: residents whose best task scored below the
 * half (or who had none), counted again per dimension as `unmet:…` (`unmet:residents`
 * for how many). Null figures are hidden as everywhere on the page.
 */
function unmetDims(state) {
  return (state.report?.city || [])
    .map((c) => c.dimension)
    .filter((d) => d.startsWith(UNMET) && (d === `${UNMET}residents` || FIGURE_KINDS.includes(kindOf(d.slice(UNMET.length)))));
}

function unmetOf(list, dim) {
  return (list || []).find((n) => n.dimension === dim)?.asking ?? null;
}

function unmetSection(state) {
  return h(
    'section',
    { class: 'insight-unmet', id: 'insight-unmet', 'aria-labelledby': 'insight-unmet-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-unmet-title' }, t('ins_unmetTitle')),
    h('p', { class: 'utrecht-paragraph' }, t('ins_unmetIntro', { month: monthLabel(state.report.month) })),
    h('div', { class: 'insight-unmet-body', id: 'insight-unmet-body' }, unmetBody(state)),
  );
}

/** The rows: [{dim (without `unmet:`), label, city, wijk}], the residents first. */
function unmetRows(state) {
  const dims = unmetDims(state);
  const w = state.wijk ? wijkRow(state, state.wijk) : null;
  const city = (d) => cityValue(state, UNMET + d);
  // Per kind, in the order of the map's figures (interests first); in a kind the most asked first.
  const byKind = (d) => FIGURE_KINDS.indexOf(kindOf(d));
  const rest = sortDims(
    state,
    dims.filter((d) => d !== `${UNMET}residents`).map((d) => d.slice(UNMET.length)),
    city,
  ).sort((a, b) => byKind(a) - byKind(b));
  const base = [...(dims.includes(`${UNMET}residents`) ? ['residents'] : []), ...rest];
  return base.map((d) => ({
    dim: d,
    label: d === 'residents' ? t('ins_unmetResidents') : figureName(state, d),
    city: city(d),
    wijk: w ? unmetOf(w.unmet, UNMET + d) : null,
  }));
}

function unmetBody(state) {
  const month = monthLabel(state.report.month);
  const rows = unmetRows(state);
  if (!rows.length) return h('p', { class: 'utrecht-paragraph insight-empty', id: 'insight-unmet-empty' }, t('ins_unmetNone', { month }));
  const w = state.wijk ? wijkRow(state, state.wijk) : null;
  const cityLabel = t('ins_cityOption');
  const cell = (v, col, label) => h('td', { class: `num${v === null ? ' insight-fewer' : ''}`, role: 'cell', dataset: { col, label } }, fig(state, v));
  return h(
    'div',
    { class: `insight-table-wrap${w ? ' insight-table-wrap--stack' : ''}` },
    h(
      'table',
      { class: `insight-table${w ? ' insight-table--stack' : ''}`, id: 'insight-unmet-table', role: 'table' },
      h('caption', { class: 'insight-caption' }, t('ins_unmetCaption', { month })),
      h(
        'thead',
        { role: 'rowgroup' },
        h(
          'tr',
          { role: 'row' },
          h('th', { scope: 'col', role: 'columnheader' }, t('ins_colWhat')),
          h('th', { scope: 'col', role: 'columnheader', class: 'num' }, cityLabel),
          w ? nlName('th', { scope: 'col', role: 'columnheader', class: 'num' }, w.name) : null,
        ),
      ),
      h(
        'tbody',
        { role: 'rowgroup' },
        rows.map((r) =>
          h(
            'tr',
            { role: 'row', dataset: { dimension: r.dim } },
            h('th', { scope: 'row', role: 'rowheader' }, r.label),
            cell(r.city, 'city', cityLabel),
            w ? cell(r.wijk, 'wijk', w.name) : null,
          ),
        ),
      ),
    ),
  );
}

function updateUnmet(state) {
  const body = document.getElementById('insight-unmet-body');
  if (!body) return;
  clear(body);
  append(body, [unmetBody(state)]);
}

// ------------------------------------------------------------------ training groups

const authOf = (state) => ({ Authorization: `Bearer ${state.session.key}` });

/** One proposal or announcement: the same topic, moment and place. */
const groupKey = (x) => `${x.topic}|${x.slot}|${x.venue_id}`;

/**
 * The table's rows: every proposal (with its announcement, if any), then announcements
 * whose group is no longer proposed (too few residents now), which can still be withdrawn.
 */
function groupRows(state) {
  const g = state.groups || { proposals: [], announcements: [] };
  const announced = new Map((g.announcements || []).map((a) => [groupKey(a), a]));
  const rows = (g.proposals || []).map((p) => ({ key: groupKey(p), proposal: p, announcement: announced.get(groupKey(p)) || null, ...groupWords(state, p) }));
  const proposed = new Set(rows.map((r) => r.key));
  for (const a of g.announcements || []) {
    if (!proposed.has(groupKey(a))) rows.push({ key: groupKey(a), proposal: null, announcement: a, ...groupWords(state, a) });
  }
  return rows;
}

/** Topic and moment in the page's words (from the taxonomies), the place as named. */
function groupWords(state, x) {
  return {
    topic: cap(dimLabel(state, `learn:${x.topic}`)),
    slot: cap(dimLabel(state, `slot:${x.slot}`)),
    slotLower: dimLabel(state, `slot:${x.slot}`),
    venue: x.venue_name || x.venue_id,
  };
}

/** Fetches the proposals and announcements; then the section is drawn again. */
async function loadGroups(state, { after = null } = {}) {
  const key = state.session?.key;
  if (!key) return;
  state.groupsLoading = true;
  try {
    const groups = await api('GET', '/insight/training-groups', undefined, { Authorization: `Bearer ${key}` });
    if (state.session?.key !== key) return;
    state.groups = groups;
    state.groupsError = false;
  } catch (e) {
    if (state.session?.key !== key) return;
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      expire(state);
      return;
    }
    state.groupsError = true;
  } finally {
    state.groupsLoading = false;
  }
  updateGroups(state);
  after?.();
}

function updateGroups(state) {
  document.getElementById('insight-groups')?.replaceWith(groupsSection(state));
}

function groupsSection(state) {
  const g = state.groups;
  const min = g?.min_group ?? 6;
  const max = g?.max_group ?? 12;
  return h(
    'section',
    { class: 'insight-groups', id: 'insight-groups', 'aria-labelledby': 'insight-groups-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-groups-title', tabindex: '-1' }, t('ins_grpTitle')),
    h('p', { class: 'utrecht-paragraph' }, t('ins_grpIntro1', { min, max })),
    h('p', { class: 'utrecht-paragraph' }, t('ins_grpIntro2')),
    h('p', { class: 'utrecht-paragraph' }, t('ins_grpIntro3', { days: ANNOUNCE_DAYS })),
    h('div', { class: 'insight-groups-body', id: 'insight-groups-body' }, groupsBody(state)),
  );
}

function groupsBody(state) {
  if (state.groupsError) {
    const retry = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'insight-groups-retry' }, t('ins_grpRetry'));
    retry.addEventListener('click', () => {
      state.groupsError = false;
      state.groupsNote = null;
      updateGroups(state);
      announce(t('ins_grpLoading'));
      loadGroups(state, { after: () => document.getElementById('insight-groups-title')?.focus() });
    });
    return [h('p', { class: 'utrecht-paragraph insight-status--error', id: 'insight-groups-error' }, t('ins_grpError')), retry];
  }
  if (!state.groups) return h('p', { class: 'utrecht-paragraph loading', id: 'insight-groups-loading' }, t('ins_grpLoading'));
  const g = state.groups;
  const rows = groupRows(state);
  const note = state.groupsNote;
  const out = [
    h('p', { class: 'utrecht-paragraph', id: 'insight-groups-residents' }, t('ins_grpResidents', { n: fig(state, g.residents) })),
    // What the last announce or withdraw did; screen readers hear it through #live.
    h('p', { class: `insight-status insight-groups-status${note?.error ? ' insight-status--error' : ''}`, id: 'insight-groups-status' }, note?.text || ''),
  ];
  if (!rows.length) {
    out.push(h('p', { class: 'utrecht-paragraph insight-empty', id: 'insight-groups-empty' }, t('ins_grpNone', { min: g.min_group ?? 6 })));
    return out;
  }
  const cols = { slot: t('ins_grpColSlot'), venue: t('ins_grpColVenue'), size: t('ins_grpColSize'), action: t('ins_grpColAction') };
  out.push(
    h(
      'div',
      { class: 'insight-table-wrap insight-table-wrap--stack' },
      h(
        'table',
        { class: 'insight-table insight-table--stack insight-groups-table', id: 'insight-groups-table', role: 'table' },
        h('caption', { class: 'insight-caption' }, t('ins_grpCaption')),
        h(
          'thead',
          { role: 'rowgroup' },
          h(
            'tr',
            { role: 'row' },
            h('th', { scope: 'col', role: 'columnheader' }, t('ins_grpColTopic')),
            h('th', { scope: 'col', role: 'columnheader' }, cols.slot),
            h('th', { scope: 'col', role: 'columnheader' }, cols.venue),
            h('th', { scope: 'col', role: 'columnheader', class: 'num' }, cols.size),
            h('th', { scope: 'col', role: 'columnheader' }, cols.action),
          ),
        ),
        h(
          'tbody',
          { role: 'rowgroup' },
          rows.map((r) =>
            h(
              'tr',
              { role: 'row', dataset: { group: r.key, ...(r.proposal ? { proposal: r.proposal.id } : {}), ...(r.announcement ? { announcement: r.announcement.id } : {}) } },
              h('th', { scope: 'row', role: 'rowheader' }, r.topic),
              h('td', { role: 'cell', dataset: { col: 'slot', label: cols.slot } }, r.slot),
              h('td', { role: 'cell', dataset: { col: 'venue', label: cols.venue } }, nlName('span', {}, r.venue)),
              h('td', { class: 'num', role: 'cell', dataset: { col: 'size', label: cols.size } }, r.proposal ? num(r.proposal.size, 0) : t('ins_grpNoGroup')),
              h('td', { role: 'cell', class: 'insight-groups-action', dataset: { col: 'action' } }, groupAction(state, r)),
            ),
          ),
        ),
      ),
    ),
  );
  if (rows.some((r) => !r.proposal)) out.push(h('p', { class: 'utrecht-paragraph insight-groups-orphans' }, t('ins_grpOrphanNote')));
  const csv = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action insight-csv', id: 'insight-groups-csv', 'aria-describedby': 'insight-groups-csv-help' }, t('ins_csv'));
  csv.addEventListener('click', () => {
    const head = [t('ins_grpColTopic'), cols.slot, cols.venue, cols.size, t('ins_grpCsvAnnounced')];
    const body = groupRows(state).map((r) => [r.topic, r.slot, r.venue, r.proposal ? r.proposal.size : '', r.announcement ? String(r.announcement.expires_at || '').slice(0, 10) : '']);
    downloadCsv(`talentscan-cursusgroepen-${new Date().toISOString().slice(0, 10)}.csv`, [head, ...body]);
  });
  out.push(h('p', { class: 'utrecht-form-field-description insight-csv-help', id: 'insight-groups-csv-help' }, t('ins_grpCsvHelp')), csv);
  return out;
}

/** "Aankondigen", or "Aangekondigd" with the date it ends and "Intrekken". */
function groupAction(state, r) {
  const named = (action) => t('ins_grpButtonLabel', { action, topic: r.topic, slot: r.slotLower, venue: r.venue });
  if (!r.announcement) {
    const button = h('button', { type: 'button', class: 'denhaag-button insight-announce', 'aria-label': named(t('ins_grpAnnounce')) }, t('ins_grpAnnounce'));
    button.addEventListener('click', () => groupChange(state, r, 'announce'));
    return button;
  }
  const button = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action insight-withdraw', 'aria-label': named(t('ins_grpWithdraw')) }, t('ins_grpWithdraw'));
  button.addEventListener('click', () => groupChange(state, r, 'withdraw'));
  const until = r.announcement.expires_at ? t('ins_grpUntil', { date: date(r.announcement.expires_at) }) : '';
  return h(
    'div',
    { class: 'insight-announced-box' },
    h('p', { class: 'insight-announced-text' }, h('span', { class: 'insight-announced' }, t('ins_grpAnnouncedTag')), until ? ` ${until}` : ''),
    button,
  );
}

/** Announces or withdraws one group, then loads the section again and puts focus on the row. */
async function groupChange(state, r, kind) {
  for (const b of document.querySelectorAll('#insight-groups-table button')) b.disabled = true;
  const words = { topic: r.topic, slot: r.slotLower, venue: r.venue };
  let text;
  let error = false;
  try {
    if (kind === 'announce') await api('POST', '/insight/training-groups/announcements', { proposal_id: r.proposal.id }, authOf(state));
    else await api('DELETE', `/insight/training-groups/announcements/${encodeURIComponent(r.announcement.id)}`, undefined, authOf(state));
    text = t(kind === 'announce' ? 'ins_grpAnnounced' : 'ins_grpWithdrawn', words);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      expire(state);
      return;
    }
    error = true;
    // Gone in the meantime (fewer residents now, or withdrawn elsewhere): the list is redrawn.
    if (e instanceof ApiError && e.status === 404) text = t(kind === 'announce' ? 'ins_grpGoneProposal' : 'ins_grpGoneAnnouncement');
    else {
      state.groupsNote = { text: t('ins_grpActionError'), error: true };
      updateGroups(state);
      focusGroupRow(r.key, kind === 'announce' ? '.insight-announce' : '.insight-withdraw');
      announce(state.groupsNote.text);
      return;
    }
  }
  state.groupsNote = { text, error };
  await loadGroups(state, {
    after: () => {
      if (state.groupsError) {
        document.getElementById('insight-groups-retry')?.focus();
        announce(`${text} ${t('ins_grpError')}`);
        return;
      }
      // Announced: on to "Intrekken" in the same row; withdrawn: back to "Aankondigen".
      focusGroupRow(r.key, kind === 'announce' ? '.insight-withdraw' : '.insight-announce');
      announce(text);
    },
  });
}

function focusGroupRow(key, selector) {
  const row = [...document.querySelectorAll('#insight-groups-table tbody tr')].find((tr) => tr.dataset.group === key);
  const target = row?.querySelector(selector) || row?.querySelector('button') || document.getElementById('insight-groups-title');
  target?.focus();
}

// ------------------------------------------------------------------ what the figures say

function aboutSection(state) {
  const k = kOf(state);
  const km = reachKm(state);
  return h(
    'section',
    { class: 'insight-about', id: 'insight-about', 'aria-labelledby': 'insight-about-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'insight-about-title' }, t('ins_aboutTitle')),
    h(
      'ul',
      { class: 'utrecht-unordered-list' },
      ['ins_about1', 'ins_about2', 'ins_about3', 'ins_about4', 'ins_about5', 'ins_about6', 'ins_about7'].map((key) => h('li', {}, t(key, { k, km }))),
    ),
  );
}
