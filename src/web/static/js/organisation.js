// The organisations' page (/organisatie): sign in with the organisation and its key, read
// the responses to its tasks ("Ik wil dit proberen"), report what came of each one in the
// order the API allows, and see per task how often it was shown and what came of it.
//
// The key is kept in sessionStorage only (this tab; "Afmelden" erases it), never in
// localStorage or a cookie: the page may run on a shared computer. Every text is the page's
// own Dutch or English: the API's problems (English) are mapped by status and pointer.
import { h, append, clear, uid, announce } from './dom.js';
import { t, tn, setLang, lang, date, num, applyStatic } from './i18n.js';
import { listAll, getOrganisationResponses, postOutcome, ApiError } from './api.js';
import { phoneNode, emailNodes } from './common.js';

const STORE_KEY = 'talentscan.organisation.v1';

/** What may follow each status (the API refuses anything else with a 422). */
export const NEXT = {
  new: ['contacted'],
  contacted: ['started', 'not_a_fit', 'no_reply'],
  started: ['still_active', 'stopped'],
  still_active: ['stopped'],
};
export const REASONS = ['time', 'distance', 'skills', 'language', 'task_filled', 'resident_withdrew', 'other'];

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
    return s && typeof s.org === 'string' && typeof s.key === 'string' ? s : null;
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

// ------------------------------------------------------------------ small helpers

const statusLabel = (s) => t(`org_status_${s}`);
const reasonLabel = (r) => t(`org_reason_${r}`);

/** A catalog text (Dutch) marked as Dutch on the English page. */
function nl(tag, attrs, ...children) {
  return h(tag, { ...attrs, lang: lang() === 'en' ? 'nl' : null }, ...children);
}

function fact(label, value, cls = '') {
  if (value === null || value === undefined || value === '') return null;
  return h('div', { class: `fact${cls ? ` ${cls}` : ''}` }, h('dt', {}, label), h('dd', {}, value));
}

/** Error line + marking for a field: shows `msg` (or hides it when null). */
function fieldError(wrap, err, control, msg, base = []) {
  err.textContent = msg || '';
  err.hidden = !msg;
  wrap.classList.toggle(control.tagName === 'FIELDSET' ? 'utrecht-form-fieldset--invalid' : 'utrecht-form-field--invalid', Boolean(msg));
  const describedBy = [msg ? err.id : null, ...base].filter(Boolean).join(' ');
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  else control.removeAttribute('aria-describedby');
  if (control.tagName !== 'FIELDSET') {
    if (msg) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}

// ------------------------------------------------------------------ the page

export async function startOrganisation() {
  const params = new URLSearchParams(window.location.search);
  setLang(params.get('lang') === 'en' ? 'en' : 'nl');
  const state = {
    session: loadSession(),
    orgs: null, // [{id, name}] from GET /v1/organisations, or null when it could not load
    orgsFailed: false,
    data: null, // the last GET /v1/organisations/{id}/responses
    notice: null, // a message above the sign-in form (signed out, key no longer valid)
    signInError: null, // {field: 'org'|'key'|null, text}
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

  try {
    state.orgs = (await listAll('/organisations')).map((o) => ({ id: o.id, name: o.name || o.id })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  } catch {
    state.orgs = null;
    state.orgsFailed = true;
  }
  if (state.session) await load(state, { focus: false });
  else render(state, { focus: false });
  return state;
}

function refreshChrome() {
  applyStatic();
  const btn = document.getElementById('lang-switch');
  btn.textContent = t('langSwitch');
  btn.setAttribute('lang', t('langSwitchLang'));
  btn.setAttribute('aria-label', t('langSwitchLabel'));
  document.title = t('org_siteTitle');
}

function orgName(state, id) {
  return state.orgs?.find((o) => o.id === id)?.name || id;
}

/** Fetches the responses with the session's key; on 401/403 back to the sign-in form. */
async function load(state, { focus = true, after = null } = {}) {
  const app = document.getElementById('app');
  if (!state.data) clear(app).append(h('p', { class: 'utrecht-paragraph loading', role: 'status' }, t('org_loading')));
  try {
    state.data = await getOrganisationResponses(state.session.org, state.session.key);
    render(state, { focus });
    after?.();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403 || e.status === 404)) {
      dropSession();
      state.session = null;
      state.data = null;
      state.notice = t('org_expired');
      render(state, { focus });
    } else {
      render(state, { focus: false });
      showStatus(t('org_errLoad'), true);
    }
  }
}

function render(state, { focus = true } = {}) {
  const app = document.getElementById('app');
  const view = h('div', { class: 'org-view', id: 'org-view' });
  view.append(
    h('h1', { class: 'utrecht-heading-1', id: 'org-title', tabindex: '-1' }, t('org_title')),
    h('p', { class: 'utrecht-paragraph lead' }, t('org_intro')),
  );
  append(view, [state.session && state.data ? signedIn(state) : signInForm(state)]);
  clear(app).append(view);
  if (focus) (view.querySelector('#org-notice') || view.querySelector('#org-title')).focus();
}

/** A message under the bar ("Opgeslagen", "Het laden lukt nu niet"). */
function showStatus(text, error = false) {
  const box = document.getElementById('org-status');
  if (!box) {
    announce(text);
    return;
  }
  box.className = `org-status${error ? ' org-status--error' : ''}`;
  box.textContent = text;
  announce(text);
}

// ------------------------------------------------------------------ sign in

function signInForm(state) {
  const err = (id) => h('p', { class: 'utrecht-form-field-error-message', id, hidden: true });
  const orgErr = err('org-id-error');
  const keyErr = err('org-key-error');
  const orgControl = state.orgs
    ? h(
        'select',
        { class: 'select', id: 'org-id', name: 'organisation', 'aria-required': 'true' },
        h('option', { value: '' }, t('org_orgChoose')),
        state.orgs.map((o) => h('option', { value: o.id, selected: o.id === state.lastOrg, lang: lang() === 'en' ? 'nl' : null }, o.name)),
      )
    : h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', id: 'org-id', name: 'organisation', type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-required': 'true', value: state.lastOrg || '' });
  const key = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input org-key',
    id: 'org-key',
    name: 'key',
    type: 'password',
    // Not kept by the browser: the page may run on a shared computer.
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    'aria-required': 'true',
    'aria-describedby': 'org-key-help',
  });
  const orgWrap = h(
    'div',
    { class: 'utrecht-form-field org-field' },
    h('label', { class: 'utrecht-form-label', for: 'org-id' }, t('org_orgLabel')),
    state.orgsFailed ? h('p', { class: 'utrecht-form-field-description' }, t('org_errOrgsLoad')) : null,
    orgErr,
    orgControl,
  );
  const keyWrap = h(
    'div',
    { class: 'utrecht-form-field org-field' },
    h('label', { class: 'utrecht-form-label', for: 'org-key' }, t('org_keyLabel')),
    h('p', { class: 'utrecht-form-field-description', id: 'org-key-help' }, t('org_keyHelp')),
    keyErr,
    key,
  );
  const general = h('div', { class: 'denhaag-alert denhaag-alert--error alert org-general', id: 'org-signin-problem', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'denhaag-button', id: 'org-signin-button' }, t('org_signIn'));
  const form = h(
    'form',
    { class: 'org-signin', id: 'org-signin', novalidate: true, 'aria-labelledby': 'org-signin-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'org-signin-title' }, t('org_signInTitle')),
    orgWrap,
    keyWrap,
    h('p', { class: 'privacy-note' }, t('org_privacy')),
    general,
    button,
  );

  const show = (errors) => {
    fieldError(orgWrap, orgErr, orgControl, errors.org || null);
    fieldError(keyWrap, keyErr, key, errors.key || null, ['org-key-help']);
    clear(general);
    general.hidden = !errors.general;
    if (errors.general) general.append(h('p', { class: 'utrecht-paragraph' }, errors.general));
    if (errors.org) orgControl.focus();
    else if (errors.key) key.focus();
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const org = orgControl.value.trim();
    const k = key.value.trim();
    const errors = {};
    if (!org) errors.org = t('org_errOrg');
    if (!k) errors.key = t('org_errKeyEmpty');
    if (errors.org || errors.key) {
      show(errors);
      return;
    }
    state.lastOrg = org;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    announce(t('org_loading'));
    try {
      const data = await getOrganisationResponses(org, k);
      state.session = { org, key: k };
      saveSession(state.session);
      state.data = data;
      state.notice = null;
      render(state);
    } catch (ex) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (ex instanceof ApiError && ex.status === 401) show({ key: t('org_err401') });
      else if (ex instanceof ApiError && ex.status === 403) show({ org: t('org_err403') });
      else if (ex instanceof ApiError && ex.status === 404) show({ org: t('org_err404') });
      else show({ general: t('org_errLoad') });
    }
  });

  const out = [];
  if (state.notice) out.push(h('p', { class: 'utrecht-paragraph org-notice', id: 'org-notice', role: 'status', tabindex: '-1' }, state.notice));
  out.push(form);
  return out;
}

function signOut(state) {
  dropSession();
  state.lastOrg = state.session?.org;
  state.session = null;
  state.data = null;
  state.notice = t('org_signedOut');
  render(state);
}

// ------------------------------------------------------------------ signed in

function signedIn(state) {
  const name = orgName(state, state.session.org);
  const refresh = h(
    'button',
    {
      type: 'button',
      class: 'denhaag-button denhaag-button--secondary-action',
      id: 'org-refresh',
      onclick: () => load(state, { focus: false, after: () => {
        document.getElementById('org-refresh')?.focus();
        showStatus(t('org_refreshed'));
      } }),
    },
    t('org_refresh'),
  );
  const bar = h(
    'div',
    { class: 'org-bar' },
    h('p', { class: 'org-who', id: 'org-who' }, t('org_signedInAs', { org: '' }), nl('strong', {}, name)),
    h(
      'div',
      { class: 'org-bar-buttons' },
      refresh,
      h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'org-signout', onclick: () => signOut(state) }, t('org_signOut')),
    ),
  );
  // Shown here and read out through the page's live region (see showStatus).
  return [bar, h('p', { class: 'org-status', id: 'org-status' }), responsesSection(state), tasksSection(state)];
}

function responsesSection(state) {
  const list = state.data.responses || [];
  return h(
    'section',
    { class: 'org-responses', id: 'org-responses', 'aria-labelledby': 'org-responses-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'org-responses-title' }, t('org_responsesTitle')),
    list.length
      ? [
          h('p', { class: 'utrecht-paragraph', id: 'org-count' }, tn('org_count', list.length)),
          h('p', { class: 'utrecht-paragraph' }, t('org_responsesIntro')),
          h('ol', { class: 'cards response-list', id: 'response-list' }, list.map((r) => responseCard(state, r))),
        ]
      : h('p', { class: 'utrecht-paragraph empty', id: 'org-count' }, t('org_noResponses')),
  );
}

function responseCard(state, r) {
  const titleId = uid('response');
  const c = r.contact || {};
  const history = Array.isArray(r.history) ? r.history : [];
  return h(
    'li',
    { class: 'card response-card', dataset: { responseId: r.id, status: r.status } },
    h(
      'article',
      { 'aria-labelledby': titleId },
      nl('h3', { class: 'utrecht-heading-3 card-title', id: titleId }, r.task_title || r.task_id),
      h('p', { class: 'card-org response-received' }, t('org_received', { date: date(r.created_at, true) })),
      h(
        'dl',
        { class: 'facts' },
        fact(t('org_status'), h('span', { class: 'status-tag', id: `${titleId}-status`, tabindex: '-1', dataset: { status: r.status } }, statusLabel(r.status)), 'fact--status'),
        fact(t('org_name'), c.name, 'fact--name'),
        c.email ? fact(t('org_email'), h('a', { class: 'denhaag-link contact-link', href: `mailto:${c.email}` }, emailNodes(c.email)), 'fact--email') : null,
        c.phone ? fact(t('org_phone'), h('a', { class: 'denhaag-link contact-link', href: `tel:${String(c.phone).replace(/[^\d+]/g, '')}` }, phoneNode(c.phone)), 'fact--phone') : null,
        r.message ? fact(t('org_message'), h('span', { class: 'response-message' }, r.message), 'fact--message') : null,
        fact(t('org_recordedBy'), t(`org_by_${r.recorded_by === 'desk' ? 'desk' : 'resident'}`)),
        fact(t('org_keptUntil'), r.expires_at ? date(r.expires_at) : null),
      ),
      history.length
        ? [
            h('p', { class: 'reasons-title', id: `${titleId}-history` }, t('org_historyTitle')),
            h(
              'ol',
              { class: 'history', 'aria-labelledby': `${titleId}-history` },
              history.map((x) =>
                h('li', { dataset: { status: x.status } }, h('span', { class: 'history-date' }, date(x.at, true)), ': ', statusLabel(x.status), x.reason ? ` (${t('org_reasonIs', { reason: reasonLabel(x.reason).toLowerCase() })})` : ''),
              ),
            ),
          ]
        : null,
      outcomeForm(state, r, titleId),
    ),
  );
}

/** The next step for one response: only the statuses that may follow; a reason for not_a_fit. */
function outcomeForm(state, r, titleId) {
  const next = NEXT[r.status] || [];
  if (!next.length) return h('p', { class: 'org-done' }, t('org_done'));
  const base = `r-${r.id}`;
  const fsErr = h('p', { class: 'utrecht-form-field-error-message', id: `${base}-next-error`, hidden: true });
  const reasonErr = h('p', { class: 'utrecht-form-field-error-message', id: `${base}-reason-error`, hidden: true });
  const single = next.length === 1;
  const radios = next.map((s) =>
    h('input', { type: 'radio', class: 'utrecht-radio-button utrecht-radio-button--html-input', name: `${base}-status`, id: `${base}-status-${s}`, value: s, checked: single }),
  );
  const fieldset = h(
    'fieldset',
    { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset outcome-next', id: `${base}-next` },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, t('org_nextTitle')),
    fsErr,
    h(
      'div',
      { class: 'choices choices--radio' },
      next.map((s, i) =>
        h(
          'label',
          { class: 'choice choice--radio', for: radios[i].id },
          radios[i],
          h(
            'span',
            { class: 'choice-text' },
            t(`org_next_${s}`),
            s === 'still_active' ? h('span', { class: 'choice-help' }, t('org_nextHelp_still_active')) : null,
          ),
        ),
      ),
    ),
  );
  const reason = h(
    'select',
    { class: 'select', id: `${base}-reason`, name: 'reason' },
    h('option', { value: '' }, t('org_reasonChoose')),
    REASONS.map((x) => h('option', { value: x }, reasonLabel(x))),
  );
  const reasonWrap = next.includes('not_a_fit')
    ? h('div', { class: 'utrecht-form-field outcome-reason', hidden: true }, h('label', { class: 'utrecht-form-label', for: reason.id }, t('org_reasonLabel')), reasonErr, reason)
    : null;
  const save = h('button', { type: 'submit', class: 'denhaag-button outcome-save', 'aria-describedby': titleId }, t('org_save'));
  const form = h('form', { class: 'outcome-form', novalidate: true, dataset: { responseId: r.id } }, fieldset, reasonWrap, save);
  const chosen = () => radios.find((x) => x.checked)?.value || '';
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (reasonWrap) reasonWrap.hidden = chosen() !== 'not_a_fit';
    });
  }
  const show = ({ next: nextMsg = null, reason: reasonMsg = null } = {}) => {
    fieldError(fieldset, fsErr, fieldset, nextMsg);
    if (reasonWrap) fieldError(reasonWrap, reasonErr, reason, reasonMsg);
    if (nextMsg) (radios.find((x) => x.checked) || radios[0]).focus();
    else if (reasonMsg) reason.focus();
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = chosen();
    if (!status) return show({ next: t('org_errChoose') });
    if (status === 'not_a_fit' && !reason.value) return show({ reason: t('org_errReason') });
    show({});
    const body = { status };
    if (status === 'not_a_fit') body.reason = reason.value;
    save.disabled = true;
    save.setAttribute('aria-busy', 'true');
    try {
      await postOutcome(r.id, state.session.key, body);
      // Load again: the figures per task change with it.
      await load(state, {
        focus: false,
        after: () => {
          const card = document.querySelector(`.response-card[data-response-id="${r.id}"]`);
          const tag = card?.querySelector('.status-tag');
          const text = t('org_saved', { status: statusLabel(status) });
          if (tag) tag.focus();
          showStatus(text);
        },
      });
    } catch (ex) {
      save.disabled = false;
      save.removeAttribute('aria-busy');
      if (ex instanceof ApiError && ex.status === 422) {
        const errs = ex.errors || [];
        const onReason = errs.find((x) => x.pointer === '/reason');
        const onStatus = errs.find((x) => x.pointer === '/status') || (!onReason ? errs[0] : null);
        const day = /(\d{4}-\d{2}-\d{2})/.exec(onStatus?.message || '')?.[1];
        show({
          next: onStatus ? (status === 'still_active' && day ? t('org_errStillActive', { date: date(`${day}T12:00:00Z`) }) : t('org_errStep')) : null,
          reason: onReason ? t('org_errReason') : null,
        });
      } else if (ex instanceof ApiError && (ex.status === 401 || ex.status === 403)) {
        dropSession();
        state.session = null;
        state.data = null;
        state.notice = t('org_expired');
        render(state);
      } else if (ex instanceof ApiError && ex.status === 404) {
        show({ next: t('org_errGone') });
      } else {
        show({ next: t('org_errSave') });
      }
    }
    return undefined;
  });
  return form;
}

// ------------------------------------------------------------------ figures per task

function tasksSection(state) {
  const tasks = state.data.tasks || [];
  const cols = [
    ['shown', 'org_colShown'],
    ['clicked', 'org_colClicked'],
    ['responded', 'org_colResponded'],
    ['started', 'org_colStarted'],
    ['still_active', 'org_colStillActive'],
  ];
  return h(
    'section',
    { class: 'org-tasks', id: 'org-tasks', 'aria-labelledby': 'org-tasks-title' },
    h('h2', { class: 'utrecht-heading-2', id: 'org-tasks-title' }, t('org_tasksTitle')),
    tasks.length
      ? [
          h('p', { class: 'utrecht-paragraph' }, t('org_tasksIntro')),
          h(
            'div',
            // Narrow enough not to scroll: on a phone each row is a block (see app.css).
            { class: 'table-scroll org-table-scroll' },
            // On a phone each row is a block (the task, then its figures with their labels):
            // the roles keep it a table for screen readers when CSS changes its display.
            h(
              'table',
              { class: 'org-table', id: 'task-figures', role: 'table' },
              h('caption', { class: 'visually-hidden' }, t('org_tasksCaption')),
              h(
                'thead',
                { role: 'rowgroup' },
                h('tr', { role: 'row' }, h('th', { scope: 'col', role: 'columnheader' }, t('org_colTask')), cols.map(([, label]) => h('th', { scope: 'col', role: 'columnheader', class: 'num' }, t(label)))),
              ),
              h(
                'tbody',
                { role: 'rowgroup' },
                tasks.map((x) =>
                  h(
                    'tr',
                    { role: 'row', dataset: { taskId: x.task_id } },
                    nl('th', { scope: 'row', role: 'rowheader' }, x.title || x.task_id),
                    cols.map(([k, label]) => h('td', { class: 'num', role: 'cell', dataset: { col: k, label: t(label) } }, num(Number(x[k]) || 0, 0))),
                  ),
                ),
              ),
            ),
          ),
        ]
      : h('p', { class: 'utrecht-paragraph empty' }, t('org_noTasks')),
  );
}
