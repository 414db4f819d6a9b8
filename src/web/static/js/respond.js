// "Ik wil dit proberen" on a task card: a small form that sends the resident's name and
// e-mail or phone to the task's organisation (POST /v1/responses, only with consent), the
// confirmation, and "Wis mijn gegevens" (DELETE with the erase token). At the desk the same
// form is filled in for the resident (recorded_by: "desk") and its texts address the employee.
//
// The erase token is kept in this page's memory, and on the resident page also in
// sessionStorage (so a reload still shows the button): never in localStorage or a cookie,
// because these pages run on shared computers. No name, e-mail or phone is kept anywhere.
//
// Errors are the page's own words: the API's 422 problems (English) are mapped to the fields
// by their JSON pointer.
import { h, clear, uid, announce } from './dom.js';
import { t, has, date } from './i18n.js';
import { postResponse, deleteResponse, ApiError } from './api.js';
import { retentionDays } from './common.js';

const MAX_NAME = 100;
const MAX_MESSAGE = 1000;
const STORE_KEY = 'talentscan.responses.v1';

// ------------------------------------------------------------------ receipts (erase tokens)

const receipts = new Map(); // task id → { id, token, expires_at, org }
let persist = false;
let loaded = false;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function init(mode) {
  if (loaded) return;
  loaded = true;
  persist = mode === 'resident';
  if (!persist) return;
  try {
    const raw = storage()?.getItem(STORE_KEY);
    const list = raw ? JSON.parse(raw) : [];
    for (const r of Array.isArray(list) ? list : []) {
      if (r && typeof r.task === 'string' && typeof r.id === 'string' && typeof r.token === 'string') receipts.set(r.task, r);
    }
  } catch {
    /* unreadable: start empty */
  }
}

function save() {
  if (!persist) return;
  try {
    if (receipts.size) storage()?.setItem(STORE_KEY, JSON.stringify([...receipts.values()]));
    else storage()?.removeItem(STORE_KEY);
  } catch {
    /* full or blocked */
  }
}

/** How many responses this page sent and can still erase. */
export function sentCount(mode) {
  init(mode);
  return receipts.size;
}

/**
 * Forgets the erase tokens of this tab ("Wis mijn antwoorden", or the next resident at the
 * desk). The responses themselves stay with the organisations until they expire.
 */
export function forgetResponses() {
  receipts.clear();
  try {
    storage()?.removeItem(STORE_KEY);
  } catch {
    /* blocked */
  }
}

// ------------------------------------------------------------------ texts

/** The desk's own text for `key` (desk_respond_…) when it has one, else the resident's. */
function rt(desk, key, vars) {
  return desk && has(`desk_${key}`) ? t(`desk_${key}`, vars) : t(key, vars);
}

// ------------------------------------------------------------------ the block on a card

/**
 * The "Ik wil dit proberen" part of a task card (tasks without their own `respond_url`).
 * @param {object} o { task, matchId, mode: 'resident'|'desk', titleId (the card's heading) }
 */
export function respondBlock({ task, matchId, mode, titleId }) {
  init(mode);
  const desk = mode === 'desk';
  const org = task.organisation?.name || t('respond_theOrg');
  const base = uid('respond');
  const box = h('div', { class: 'respond no-print', id: base, dataset: { taskId: task.id } });
  const vars = { org };

  // ---------------------------------------------------------------- form
  const ids = {
    title: `${base}-title`,
    name: `${base}-name`,
    contact: `${base}-contact`,
    contactHelp: `${base}-contact-help`,
    email: `${base}-email`,
    phone: `${base}-phone`,
    message: `${base}-message`,
    messageHelp: `${base}-message-help`,
    count: `${base}-count`,
    consent: `${base}-consent`,
    consentHelp: `${base}-consent-help`,
    problem: `${base}-problem`,
  };
  const err = (field) => h('p', { class: 'utrecht-form-field-error-message', id: `${base}-${field}-error`, hidden: true });
  const mark = (required) => h('span', { class: 'req-mark' }, ' ', required ? t('required') : t('optional'));
  // At the desk the employee types someone else's details: no autofill from earlier residents.
  const auto = (token) => (desk ? 'off' : token);

  const name = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input',
    id: ids.name,
    name: 'name',
    type: 'text',
    autocomplete: auto('name'),
    maxlength: String(MAX_NAME),
    'aria-required': 'true',
  });
  const email = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input',
    id: ids.email,
    name: 'email',
    type: 'email',
    inputmode: 'email',
    autocomplete: auto('email'),
    spellcheck: 'false',
    autocapitalize: 'off',
  });
  const phone = h('input', {
    class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--tel-size',
    id: ids.phone,
    name: 'phone',
    type: 'tel',
    inputmode: 'tel',
    autocomplete: auto('tel'),
  });
  const message = h('textarea', {
    class: 'utrecht-textbox utrecht-textbox--html-input textarea',
    id: ids.message,
    name: 'message',
    rows: '3',
    maxlength: String(MAX_MESSAGE),
    'aria-describedby': `${ids.messageHelp} ${ids.count}`,
  });
  const count = h('p', { class: 'utrecht-form-field-description char-count', id: ids.count }, t('charsLeft', { n: MAX_MESSAGE }));
  message.addEventListener('input', () => {
    count.textContent = t('charsLeft', { n: MAX_MESSAGE - message.value.length });
  });
  const consent = h('input', {
    type: 'checkbox',
    class: 'utrecht-checkbox utrecht-checkbox--html-input',
    id: ids.consent,
    name: 'consent',
    'aria-describedby': ids.consentHelp,
  });
  const problem = h('div', { class: 'denhaag-alert denhaag-alert--error alert respond-problem', id: ids.problem, role: 'alert', hidden: true });

  // Each field: its wrapper, its error line, the control that gets focus and aria-invalid.
  const fields = {
    name: { wrap: null, err: err('name'), control: name, base: [] },
    contact: { wrap: null, err: err('contact'), control: email, base: [ids.contactHelp], group: true },
    email: { wrap: null, err: err('email'), control: email, base: [] },
    phone: { wrap: null, err: err('phone'), control: phone, base: [] },
    message: { wrap: null, err: err('message'), control: message, base: [ids.messageHelp, ids.count] },
    consent: { wrap: null, err: err('consent'), control: consent, base: [ids.consentHelp] },
  };
  fields.name.wrap = h(
    'div',
    { class: 'utrecht-form-field respond-field', dataset: { field: 'name' } },
    h('label', { class: 'utrecht-form-label', for: ids.name }, rt(desk, 'respond_name'), mark(true)),
    fields.name.err,
    name,
  );
  fields.email.wrap = h(
    'div',
    { class: 'utrecht-form-field respond-field', dataset: { field: 'email' } },
    h('label', { class: 'utrecht-form-label', for: ids.email }, t('respond_email')),
    fields.email.err,
    email,
  );
  fields.phone.wrap = h(
    'div',
    { class: 'utrecht-form-field respond-field', dataset: { field: 'phone' } },
    h('label', { class: 'utrecht-form-label', for: ids.phone }, t('respond_phone')),
    fields.phone.err,
    phone,
  );
  const contactSet = h(
    'fieldset',
    { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset respond-contact', id: ids.contact, 'aria-describedby': ids.contactHelp, dataset: { field: 'contact' } },
    h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, rt(desk, 'respond_contactLegend', vars), mark(true)),
    h('p', { class: 'utrecht-form-field-description', id: ids.contactHelp }, rt(desk, 'respond_contactHelp')),
    fields.contact.err,
    fields.email.wrap,
    fields.phone.wrap,
  );
  fields.contact.wrap = contactSet;
  fields.message.wrap = h(
    'div',
    { class: 'utrecht-form-field respond-field', dataset: { field: 'message' } },
    h('label', { class: 'utrecht-form-label', for: ids.message }, t('respond_message', vars), mark(false)),
    h('p', { class: 'utrecht-form-field-description', id: ids.messageHelp }, rt(desk, 'respond_messageHelp')),
    fields.message.err,
    message,
    count,
  );
  fields.consent.wrap = h(
    'div',
    { class: 'consent respond-consent', dataset: { field: 'consent' } },
    fields.consent.err,
    h('label', { class: 'choice choice--checkbox consent-label', for: ids.consent }, consent, h('span', { class: 'choice-text' }, rt(desk, 'respond_consent', vars))),
    h('p', { class: 'utrecht-form-field-description', id: ids.consentHelp }, rt(desk, 'respond_consentHelp', { days: retentionDays() })),
  );
  const submit = h('button', { type: 'submit', class: 'denhaag-button respond-submit' }, t('respond_send'));
  const cancel = h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action respond-cancel' }, t('respond_cancel'));
  const form = h(
    'form',
    { class: 'respond-form', id: `${base}-form`, novalidate: true, 'aria-labelledby': ids.title, hidden: true },
    h('p', { class: 'respond-form-title', id: ids.title }, rt(desk, 'respond_formTitle', vars)),
    fields.name.wrap,
    contactSet,
    fields.message.wrap,
    fields.consent.wrap,
    problem,
    h('div', { class: 'respond-buttons' }, submit, cancel),
  );

  const open = h(
    'button',
    {
      type: 'button',
      class: 'denhaag-button denhaag-button--secondary-action respond-open',
      'aria-expanded': 'false',
      'aria-controls': form.id,
      'aria-describedby': titleId,
    },
    t('respond_open'),
  );
  const lead = h('p', { class: 'respond-lead' }, rt(desk, 'respond_lead', vars));
  const start = h('div', { class: 'respond-start' }, lead, open);

  const setOpen = (on, focus = true) => {
    form.hidden = !on;
    open.setAttribute('aria-expanded', String(on));
    if (on && focus) name.focus();
  };
  open.addEventListener('click', () => setOpen(form.hidden));
  cancel.addEventListener('click', () => {
    setOpen(false);
    open.focus();
  });

  /** Shows the errors next to their fields ({field: text}); focus on the first. */
  const showErrors = (errors, general = null) => {
    let first = null;
    for (const [key, f] of Object.entries(fields)) {
      const msg = errors[key];
      f.wrap.classList.toggle(f.group ? 'utrecht-form-fieldset--invalid' : 'utrecht-form-field--invalid', Boolean(msg));
      f.err.textContent = msg || '';
      f.err.hidden = !msg;
      const target = f.group ? contactSet : f.control;
      const describedBy = [msg ? f.err.id : null, ...f.base].filter(Boolean).join(' ');
      if (describedBy) target.setAttribute('aria-describedby', describedBy);
      else target.removeAttribute('aria-describedby');
      if (msg && !first) first = f.control;
    }
    // "E-mail or phone": both boxes are the place to fill in.
    const invalid = new Map([
      [name, errors.name],
      [email, errors.email || errors.contact],
      [phone, errors.phone || errors.contact],
      [message, errors.message],
      [consent, errors.consent],
    ]);
    for (const [control, msg] of invalid) {
      if (msg) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    clear(problem);
    problem.hidden = !general;
    if (general) problem.append(h('p', { class: 'utrecht-paragraph' }, general));
    if (first) first.focus();
    else if (general) {
      problem.setAttribute('tabindex', '-1');
      problem.focus();
    }
  };

  /** The checks the page can make itself: all of them at once. */
  const check = () => {
    const errors = {};
    const n = name.value.trim();
    if (!n) errors.name = rt(desk, 'respond_errName');
    else if ([...n].length > MAX_NAME) errors.name = t('respond_errNameLong', { n: MAX_NAME });
    if (!email.value.trim() && !phone.value.trim()) errors.contact = rt(desk, 'respond_errContact');
    if ([...message.value].length > MAX_MESSAGE) errors.message = t('respond_errMessageLong', { n: MAX_MESSAGE });
    if (!consent.checked) errors.consent = rt(desk, 'respond_errConsent');
    return errors;
  };

  /** The API's 422 problems by their pointer, in the page's own words. */
  const fromProblem = (e) => {
    const errors = {};
    let general = null;
    for (const fe of e.errors) {
      const p = String(fe.pointer || '');
      if (p === '/contact/name') errors.name = name.value.trim() ? t('respond_errNameLong', { n: MAX_NAME }) : rt(desk, 'respond_errName');
      else if (p === '/contact/email') errors.email = t('respond_errEmail');
      else if (p === '/contact/phone') errors.phone = t('respond_errPhone');
      else if (p === '/contact' || p.startsWith('/contact/')) errors.contact = rt(desk, 'respond_errContact');
      else if (p === '/consent') errors.consent = rt(desk, 'respond_errConsent');
      else if (p === '/message') errors.message = t('respond_errMessageLong', { n: MAX_MESSAGE });
      else if (p === '/task_id') general = rt(desk, 'respond_errTask', vars);
      else general = general || t('respond_errOld');
    }
    if (!Object.keys(errors).length && !general) general = t('submitError');
    return { errors, general };
  };

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    const errors = check();
    if (Object.keys(errors).length) {
      showErrors(errors);
      announce(t('respond_errorsShown'));
      return;
    }
    const contact = { name: name.value.trim() };
    if (email.value.trim()) contact.email = email.value.trim();
    if (phone.value.trim()) contact.phone = phone.value.trim();
    const body = { match_id: matchId, task_id: task.id, contact, consent: true, recorded_by: desk ? 'desk' : 'resident' };
    if (message.value.trim()) body.message = message.value.trim();
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    announce(rt(desk, 'respond_sending'));
    try {
      if (!matchId) throw new ApiError(404, null);
      const r = await postResponse(body);
      receipts.set(task.id, { task: task.id, id: r.id, token: r.erase_token, expires_at: r.expires_at, org });
      save();
      form.reset();
      showSent(true);
    } catch (ex) {
      if (ex instanceof ApiError && ex.status === 422 && ex.errors.length) {
        const { errors: errs, general } = fromProblem(ex);
        showErrors(errs, general);
        announce(t('respond_errorsShown'));
      } else if (ex instanceof ApiError && ex.status === 404) {
        showErrors({}, t('respond_errOld'));
      } else {
        showErrors({}, t('submitError'));
      }
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });

  // ---------------------------------------------------------------- sent, erased

  function showStart(note = null) {
    clear(box);
    showErrors({});
    count.textContent = t('charsLeft', { n: MAX_MESSAGE - message.value.length });
    setOpen(false, false);
    if (note) box.append(note);
    box.append(start, form);
  }

  function showSent(focus) {
    const r = receipts.get(task.id);
    if (!r) return showStart();
    clear(box);
    const sentId = `${base}-sent`;
    const eraseStatus = h('p', { class: 'respond-erase-status', role: 'status' });
    const erase = h(
      'button',
      { type: 'button', class: 'denhaag-button denhaag-button--secondary-action respond-erase', 'aria-describedby': `${sentId}-title` },
      rt(desk, 'respond_erase'),
    );
    erase.addEventListener('click', async () => {
      erase.disabled = true;
      try {
        await deleteResponse(r.id, r.token);
        erased(rt(desk, 'respond_erased', vars));
      } catch (ex) {
        if (ex instanceof ApiError && ex.status === 404) {
          // Expired or erased already: nothing is kept any more either way.
          erased(rt(desk, 'respond_erasedAlready'));
        } else {
          erase.disabled = false;
          eraseStatus.textContent = t('respond_eraseError');
        }
      }
    });
    const sent = h(
      'div',
      { class: 'respond-sent', id: sentId, tabindex: '-1' },
      h('p', { class: 'respond-sent-title', id: `${sentId}-title` }, rt(desk, 'respond_sentTitle', vars)),
      h('p', { class: 'utrecht-paragraph' }, rt(desk, 'respond_sentText', vars)),
      h('p', { class: 'utrecht-paragraph respond-kept' }, rt(desk, 'respond_keptUntil', { date: r.expires_at ? date(r.expires_at) : '' })),
      erase,
      eraseStatus,
    );
    box.append(sent);
    if (focus) {
      sent.focus();
      announce(rt(desk, 'respond_sentTitle', vars));
    }
  }

  function erased(text) {
    receipts.delete(task.id);
    save();
    const msg = h('p', { class: 'utrecht-paragraph respond-erased', tabindex: '-1', role: 'status' }, text);
    showStart(msg);
    msg.focus();
  }

  if (receipts.has(task.id)) showSent(false);
  else showStart();
  return box;
}
