// Renders the questionnaire definition from GET /v1/questionnaires/talentscan one section
// (step) at a time, keeps the answers in memory and shows errors next to the questions,
// both from the checks here and from the API's 422 pointers (/answers/ITEM_ID).
// A step with several long lists of choices is shown one question at a time ("Vraag 2
// van 5", "Volgende vraag"); long optional lists show their first choices and fold the
// rest away. The place is checked against the wijken and postcodes of GET /v1/taxonomies.
// A question marked `only_when_stored` is asked at the desk only, where scans are stored
// (forMode); an answer to a question the page leaves out is never sent (answersToSend).
import { h, clear, uid } from './dom.js';
import { t } from './i18n.js';
import { gloss, dataNow } from './common.js';

/** A step is split into one question per page when its choice lists are this long together. */
const PAGED_OPTIONS = 24;
/** Optional lists longer than this show FOLD_SHOW choices and a "Toon meer keuzes" button. */
const FOLD_OVER = 12;
const FOLD_SHOW = 8;
/** Common names the API accepts for a wijk (data/reference/wijk-aliases.json), used until
 *  GET /v1/taxonomies lists them as wijken[].aliases. */
const FALLBACK_ALIASES = ['bouwlust', 'vrederust', 'schilderswijk', 'laak', 'spoorwijk', 'laakkwartier', 'rustenburg', 'oostbroek', 'mariahoeve', 'duindorp', 'kijkduin', 'transvaal', 'zuidwest', 'escamp'];
const CITY_NAMES = ['denhaag', 'sgravenhage', 'thehague', 'haag', 'hague'];

/**
 * The definition as this page asks it. An item marked `only_when_stored` only means
 * something for a scan that is stored, and only the desk stores scans (with the resident's
 * consent): on any other page it is left out, and so is a step left without questions. The
 * ids left out are kept in `left_out`, so that an answer to them is never sent
 * (answersToSend). At the desk the definition is used as it is. Safe to apply twice.
 */
export function forMode(def, mode) {
  if (!def || !Array.isArray(def.sections) || mode === 'desk') return def;
  const leftOut = new Set(def.left_out || []);
  const sections = [];
  for (const s of def.sections) {
    const items = (s.items || []).filter((it) => {
      if (it.only_when_stored) leftOut.add(it.id);
      return !it.only_when_stored;
    });
    if (items.length) sections.push(items.length === s.items.length ? s : { ...s, items });
  }
  return { ...def, sections, left_out: [...leftOut] };
}

/** The answers without those to questions this page leaves out (see forMode). */
export function answersToSend(def, answers) {
  const leftOut = new Set(def?.left_out || []);
  const out = {};
  for (const [id, v] of Object.entries(answers || {})) if (!leftOut.has(id)) out[id] = v;
  return out;
}

export class Questionnaire {
  /**
   * @param {HTMLElement} root
   * @param {object} opts { def, answers, onFinish(answers), onStep(index, section, sub),
   *   lastStepExtra(), mode, taxonomies (for the place check), onChange() (an answer
   *   changed), footer() (extra controls under the buttons) }
   */
  constructor(root, opts) {
    this.root = root;
    this.mode = opts.mode || 'resident';
    this.def = forMode(opts.def, this.mode);
    this.answers = opts.answers || {};
    this.index = 0;
    this.sub = 0;
    this.tax = opts.taxonomies || null;
    this.onChange = opts.onChange || (() => {});
    this.footer = opts.footer || null;
    this.suggestions = {};
    this.errors = {};
    this.onFinish = opts.onFinish;
    this.onStep = opts.onStep || (() => {});
    this.lastStepExtra = opts.lastStepExtra || null;
    this.busy = false;
  }

  get sections() {
    return this.def.sections;
  }

  item(id) {
    for (const s of this.sections) for (const it of s.items) if (it.id === id) return it;
    return null;
  }

  sectionOf(id) {
    return this.sections.findIndex((s) => s.items.some((it) => it.id === id));
  }

  /** The pages of a step: all its questions on one page, or one question per page. */
  pages(index = this.index) {
    const section = this.sections[index];
    const multis = section.items.filter((it) => it.type === 'multi');
    const options = multis.reduce((n, it) => n + (it.options || []).length, 0);
    // At the desk an employee guides the resident: there every step stays on one page.
    if (this.mode !== 'desk' && multis.length >= 2 && options > PAGED_OPTIONS) return section.items.map((it) => [it]);
    return [section.items];
  }

  /** The page of a step that holds question `id`. */
  pageOf(index, id) {
    const i = this.pages(index).findIndex((page) => page.some((it) => it.id === id));
    return Math.max(0, i);
  }

  visibleItems() {
    const pages = this.pages();
    return pages[Math.min(this.sub, pages.length - 1)];
  }

  /** Replaces the definition (language switch) and keeps answers and step. */
  setDefinition(def) {
    this.collect();
    this.def = forMode(def, this.mode);
    this.errors = {}; // their texts were in the other language
    this.render(false);
  }

  go(index, focusHeading = true, sub = 0) {
    this.index = Math.max(0, Math.min(index, this.sections.length - 1));
    const pages = this.pages();
    this.sub = sub === 'last' ? pages.length - 1 : Math.max(0, Math.min(sub, pages.length - 1));
    this.render(focusHeading);
  }

  render(focusHeading = true) {
    const section = this.sections[this.index];
    const total = this.sections.length;
    const n = this.index + 1;
    const pages = this.pages();
    this.sub = Math.max(0, Math.min(this.sub, pages.length - 1));
    const lastPage = this.sub === pages.length - 1;
    const last = n === total && lastPage;
    const progressId = uid('progress');
    const headingId = 'step-heading';

    const form = h('form', { class: 'scan-form', novalidate: true, 'aria-labelledby': headingId });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.next();
    });

    const header = h(
      'div',
      { class: 'denhaag-form-progress step-progress' },
      h('p', { class: 'denhaag-form-progress__label', id: progressId }, t('step', { n, total })),
      h('progress', { class: 'denhaag-form-progress__progress', max: total, value: n, 'aria-labelledby': progressId }),
    );

    const heading = h('h2', { class: 'utrecht-heading-2 step-heading', id: headingId, tabindex: '-1' }, section.title);
    if (this.index === 0 && this.def.intro) form.append(h('p', { class: 'utrecht-paragraph intro' }, this.def.intro));
    form.append(header, heading);
    if (pages.length > 1) form.append(h('p', { class: 'sub-progress', id: 'sub-progress' }, t('subProgress', { n: this.sub + 1, total: pages.length })));
    if (section.intro && this.sub === 0) form.append(h('p', { class: 'utrecht-paragraph' }, section.intro));

    const summary = h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', hidden: true });
    form.append(summary);

    for (const item of this.visibleItems()) form.append(this.renderItem(item));

    // The research note behind the motivation questions is for the desk, not for residents.
    if (last && this.mode === 'desk' && this.def.instrument_note) {
      form.append(h('p', { class: 'utrecht-paragraph instrument-note' }, this.def.instrument_note));
    }
    if (last && this.lastStepExtra) form.append(this.lastStepExtra());

    let prev = null;
    if (this.sub > 0) {
      prev = h(
        'button',
        {
          type: 'button',
          class: 'denhaag-button denhaag-button--secondary-action',
          id: 'prev-question',
          onclick: () => {
            this.collect();
            this.go(this.index, true, this.sub - 1);
          },
        },
        t('prevQuestion'),
      );
    } else if (this.index > 0) {
      prev = h(
        'button',
        {
          type: 'button',
          class: 'denhaag-button denhaag-button--secondary-action',
          id: 'prev-step',
          onclick: () => {
            this.collect();
            this.go(this.index - 1, true, 'last');
          },
        },
        t('previous'),
      );
    }
    let nextId = 'next-step';
    let nextText = t('next');
    if (last) {
      nextId = 'finish-scan';
      nextText = t('finish');
    } else if (!lastPage) {
      nextId = 'next-question';
      nextText = t('nextQuestion');
    }
    const nav = h('div', { class: 'step-nav' }, prev, h('button', { type: 'submit', class: 'denhaag-button', id: nextId }, nextText));
    form.append(nav);
    if (this.footer) form.append(this.footer(this));

    // Every change is kept at once (the page keeps it in this tab only).
    const changed = () => {
      this.collect();
      this.onChange(this);
    };
    form.addEventListener('change', changed);
    form.addEventListener('input', changed);

    clear(this.root).append(form);
    this.form = form;
    this.showErrors(this.errors, false);
    this.onStep(this.index, section, this.sub);
    if (focusHeading) {
      heading.focus();
      window.scrollTo(0, 0);
    }
  }

  // ---------------------------------------------------------------- items

  renderItem(item) {
    const id = `q-${item.id}`;
    const helpId = `${id}-help`;
    const errId = `${id}-error`;
    const mark = h('span', { class: 'req-mark' }, ' ', item.required ? t('required') : t('optional'));
    const help = item.help ? h('p', { class: 'utrecht-form-field-description', id: helpId }, gloss(item.help), this.helpExtra(item)) : null;
    const err = h('p', { class: 'utrecht-form-field-error-message', id: errId, hidden: true });
    const describedBy = [item.help ? helpId : null].filter(Boolean).join(' ') || null;
    const value = this.answers[item.id];

    const wrap = (content) =>
      h(
        'div',
        { class: `question utrecht-form-field utrecht-form-field--distanced question--${item.type}`, dataset: { item: item.id } },
        content,
      );

    const fieldset = (body, extraClass = '') =>
      wrap(
        h(
          'fieldset',
          {
            class: `utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ${extraClass}`,
            id,
            'aria-describedby': describedBy,
          },
          h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, item.text, mark),
          help,
          err,
          body,
        ),
      );

    switch (item.type) {
      case 'single':
        return fieldset(this.choices(item, 'radio', (item.options || []).map((o) => [o.value, o.label, o.exclusive]), value));
      case 'likert': {
        const sc = item.scale || { min: 1, max: 5, labels: [] };
        const opts = [];
        for (let v = sc.min; v <= sc.max; v += 1) opts.push([String(v), sc.labels[v - sc.min] ?? String(v), false]);
        return fieldset(this.choices(item, 'radio', opts, value === undefined ? undefined : String(value)), 'likert');
      }
      case 'multi':
        return fieldset(this.choices(item, 'checkbox', (item.options || []).map((o) => [o.value, o.label, o.exclusive]), value));
      case 'slots':
        return fieldset(this.slotGrid(item, value));
      case 'text': {
        const max = item.max_length || 500;
        const countId = `${id}-count`;
        const area = h('textarea', {
          class: 'utrecht-textbox utrecht-textbox--html-input textarea',
          id,
          name: id,
          rows: 4,
          maxlength: max,
          'aria-describedby': [item.help ? helpId : null, countId].filter(Boolean).join(' '),
        });
        area.value = value || '';
        const count = h('p', { class: 'utrecht-form-field-description char-count', id: countId }, t('charsLeft', { n: max - area.value.length }));
        area.addEventListener('input', () => {
          count.textContent = t('charsLeft', { n: max - area.value.length });
        });
        return wrap([h('label', { class: 'utrecht-form-label', for: id }, item.text, mark), help, err, area, count]);
      }
      case 'number': {
        const input = h('input', {
          class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric',
          id,
          name: id,
          type: 'number',
          inputmode: 'decimal',
          min: item.min,
          max: item.max,
          step: item.step || 'any',
          'aria-describedby': describedBy,
        });
        if (value !== undefined) input.value = value;
        return wrap([
          h('label', { class: 'utrecht-form-label', for: id }, item.text, mark),
          help,
          err,
          h('div', { class: 'with-unit' }, input, item.unit ? h('span', { class: 'unit' }, item.unit) : null),
        ]);
      }
      case 'place':
      default: {
        const input = h('input', {
          class: 'utrecht-textbox utrecht-textbox--html-input place-input',
          id,
          name: id,
          type: 'text',
          autocomplete: item.type === 'place' ? 'postal-code' : 'off',
          spellcheck: 'false',
          list: item.type === 'place' && document.getElementById('wijken-list') ? 'wijken-list' : null,
          'aria-describedby': describedBy,
          'aria-required': item.required ? 'true' : null,
        });
        input.value = value || '';
        return wrap([h('label', { class: 'utrecht-form-label', for: id }, item.text, mark), help, err, input]);
      }
    }
  }

  /**
   * "Weet je het nog niet? … Dan kijken we samen": where, from data/servicepunt.json
   * (Servicepunt XL's name, street and phone), so "samen" has an address.
   */
  helpExtra(item) {
    if (!/kijken we samen|look together/i.test(item.help || '')) return null;
    const sp = dataNow('servicepunt');
    if (!sp?.name) return null;
    return h('span', { class: 'sp-hint' }, ' ', t('spHint', { name: sp.name, street: sp.address?.street || '', phone: sp.phone || '14 070' }).replace(', .', '.'));
  }

  /** Radio buttons or checkboxes as large, fully clickable boxes. */
  choices(item, kind, options, value) {
    const name = `q-${item.id}`;
    const chosen = new Set(Array.isArray(value) ? value : value === undefined ? [] : [String(value)]);
    const list = h('div', { class: `choices choices--${kind}` });
    // Long optional lists: the first choices, and the rest behind "Toon meer keuzes".
    const fold = this.mode !== 'desk' && kind === 'checkbox' && !item.required && options.length > FOLD_OVER;
    let more = null;
    let box = list;
    // An exclusive choice ("Nu even niets") is never folded away: it comes right after the
    // first choices.
    if (fold) {
      const plain = options.filter((o) => !o[2]);
      const exclusive = options.filter((o) => o[2]);
      options = [...plain.slice(0, FOLD_SHOW), ...exclusive, ...plain.slice(FOLD_SHOW)];
    }
    const shown = fold ? FOLD_SHOW + options.filter((o) => o[2]).length : options.length;
    if (fold) {
      const moreId = `${name}-more`;
      more = h('div', { class: `choices choices--${kind} choices-more`, id: moreId });
      const rest = options.length - shown;
      const open = options.slice(shown).some(([val]) => chosen.has(val));
      more.hidden = !open;
      const toggle = h(
        'button',
        {
          type: 'button',
          class: 'link-button more-options',
          'aria-expanded': String(open),
          'aria-controls': moreId,
          onclick: () => {
            const now = toggle.getAttribute('aria-expanded') !== 'true';
            toggle.setAttribute('aria-expanded', String(now));
            more.hidden = !now;
            toggle.textContent = now ? t('fewerOptions') : t('moreOptions', { n: rest });
            if (now) more.querySelector('input')?.focus();
          },
        },
        open ? t('fewerOptions') : t('moreOptions', { n: rest }),
      );
      box = h('div', { class: 'choices-box' }, list, more, toggle);
    }
    let i = 0;
    for (const [val, label, exclusive] of options) {
      const target = fold && i >= shown ? more : list;
      i += 1;
      const input = h('input', {
        type: kind,
        class:
          kind === 'radio'
            ? 'utrecht-radio-button utrecht-radio-button--html-input'
            : 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom',
        name,
        value: val,
        checked: chosen.has(val),
        dataset: exclusive ? { exclusive: '1' } : {},
      });
      if (kind === 'checkbox') {
        input.addEventListener('change', () => {
          if (!input.checked) return;
          for (const other of box.querySelectorAll('input')) {
            if (other === input) continue;
            if (exclusive || other.dataset.exclusive) other.checked = false;
          }
        });
      }
      target.append(h('label', { class: `choice choice--${kind}` }, input, h('span', { class: 'choice-text' }, label)));
    }
    if (kind === 'radio' && !item.required) {
      const clearBtn = h(
        'button',
        {
          type: 'button',
          class: 'link-button clear-answer',
          hidden: chosen.size === 0,
          onclick: () => {
            for (const i of list.querySelectorAll('input')) i.checked = false;
            clearBtn.hidden = true;
            delete this.answers[item.id];
            list.querySelector('input')?.focus();
          },
        },
        t('clearAnswer'),
      );
      list.addEventListener('change', () => {
        clearBtn.hidden = false;
      });
      return [list, clearBtn];
    }
    return box;
  }

  slotGrid(item, value) {
    const grid = item.grid;
    const chosen = new Set(Array.isArray(value) ? value : []);
    const name = `q-${item.id}`;
    return slotTable(grid, chosen, name);
  }

  // ---------------------------------------------------------------- answers

  /** Reads the inputs on the page into this.answers (questions on other pages stay). */
  collect() {
    if (!this.form) return this.answers;
    for (const item of this.visibleItems()) {
      if (!this.form.querySelector(`[data-item="${cssEscape(item.id)}"]`)) continue;
      const v = readItem(this.form, item);
      if (v === undefined) delete this.answers[item.id];
      else this.answers[item.id] = v;
    }
    return this.answers;
  }

  validateItem(item) {
    const v = this.answers[item.id];
    const empty = v === undefined || (Array.isArray(v) && v.length === 0) || v === '';
    if (empty) {
      if (!item.required) return null;
      if (item.type === 'slots') return t('errSlots');
      if (item.type === 'multi') return t('errRequiredChoice');
      if (item.type === 'place') return t('errPlace');
      return t('errRequired');
    }
    if (item.type === 'place') {
      delete this.suggestions[item.id];
      const check = this.checkPlace(String(v));
      if (check) {
        if (check.suggestion) this.suggestions[item.id] = check.suggestion;
        return check.message;
      }
      if (!this.tax && item.pattern && !new RegExp(item.pattern).test(v.trim())) return t('errPlace');
    }
    if (item.type === 'multi') {
      if (item.min && v.length < item.min) return t('errMin', { n: item.min });
      if (item.max && v.length > item.max) return t('errMax', { n: item.max });
    }
    if (item.type === 'text' && item.max_length && v.length > item.max_length) return t('errTooLong', { n: item.max_length });
    return null;
  }

  /**
   * The place against Den Haag's postcodes and wijken: null when it is known, else
   * {message, suggestion} ("Bedoel je Moerwijk?"). Without the taxonomies: null.
   */
  checkPlace(value) {
    const raw = value.trim();
    if (!this.tax) return null;
    const pc = /^(\d{4})\s?([A-Za-z]{2})?$/.exec(raw);
    if (pc) {
      const known = (this.tax.postcodes || []).some((p) => p.pc4 === pc[1]);
      return known || !(this.tax.postcodes || []).length ? null : { message: t('placeNotDenHaag', { pc: pc[1] }) };
    }
    if (/^[\d\s]+$/.test(raw)) return { message: t('errPlace') };
    const n = normPlace(raw);
    if (CITY_NAMES.includes(n)) return { message: t('placeCity') };
    const names = placeNames(this.tax);
    // Known as the API knows it: the name or alias, any case.
    const lower = raw.toLowerCase();
    if (names.some((x) => x.toLowerCase() === lower)) return null;
    // A typo ("Moerwyk"): the nearest name, when it is near enough.
    let best = null;
    let bestD = Infinity;
    for (const name of names) {
      const d = distance(n, normPlace(name));
      if (d < bestD) {
        best = name;
        bestD = d;
      }
    }
    if (best && bestD <= Math.max(1, Math.floor(normPlace(best).length / 4))) {
      return { message: t('placeDidYouMean', { name: best }), suggestion: best };
    }
    return { message: t('placeUnknown', { value: raw }) };
  }

  validateSection(index) {
    const errors = {};
    for (const item of this.sections[index].items) {
      const e = this.validateItem(item);
      if (e) errors[item.id] = e;
    }
    return errors;
  }

  next() {
    if (this.busy) return;
    this.collect();
    const errors = {};
    for (const item of this.visibleItems()) {
      const e = this.validateItem(item);
      if (e) errors[item.id] = e;
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.showErrors(errors, true);
      return;
    }
    if (this.sub < this.pages().length - 1) {
      this.go(this.index, true, this.sub + 1);
      return;
    }
    // The end of a step: every question of the step (also on its other pages).
    const stepErrors = this.validateSection(this.index);
    if (Object.keys(stepErrors).length) {
      this.errors = stepErrors;
      this.go(this.index, false, this.pageOf(this.index, Object.keys(stepErrors)[0]));
      this.showErrors(stepErrors, true);
      return;
    }
    if (this.index < this.sections.length - 1) {
      this.go(this.index + 1);
      return;
    }
    // Last step: every required question of every step must be answered.
    for (let i = 0; i < this.sections.length; i += 1) {
      const errs = this.validateSection(i);
      if (Object.keys(errs).length) {
        this.errors = errs;
        this.go(i, false, this.pageOf(i, Object.keys(errs)[0]));
        this.showErrors(errs, true);
        return;
      }
    }
    this.onFinish(answersToSend(this.def, this.answers));
  }

  /** Shows the API's 422 errors: pointers /answers/ITEM_ID[/…] go next to their question. */
  showServerErrors(fieldErrors) {
    const errors = {};
    const other = [];
    for (const fe of fieldErrors) {
      const m = /^\/answers\/([^/]+)/.exec(fe.pointer || '');
      const item = m ? this.item(decodePointer(m[1])) : null;
      if (item) errors[item.id] = errors[item.id] || this.translateError(item, fe.message);
      else other.push(fe.message);
    }
    const ids = Object.keys(errors);
    const first = ids.length ? Math.min(...ids.map((id) => this.sectionOf(id))) : this.index;
    const firstId = ids.find((id) => this.sectionOf(id) === first);
    this.errors = errors;
    this.go(first, false, firstId ? this.pageOf(first, firstId) : this.sub);
    this.showErrors(errors, true, other);
  }

  translateError(item, message = '') {
    const m = String(message);
    let r;
    if (/required/.test(m)) return this.validateItem({ ...item, required: true, type: item.type }) || t('errRequired');
    if (/at least one moment/.test(m)) return t('errSlots');
    if ((r = /choose at least ([\d.]+)/.exec(m))) return t('errMin', { n: Number(r[1]) });
    if ((r = /choose at most ([\d.]+)/.exec(m))) return t('errMax', { n: Number(r[1]) });
    if (/cannot be combined/.test(m)) {
      const ex = (item.options || []).find((o) => o.exclusive);
      return t('errExclusive', { label: ex ? ex.label : '' });
    }
    if (/postcode|wijk/.test(m) && item.type === 'place') return t('errPlace');
    if (/not one of the options/.test(m)) return t('errOption');
    if ((r = /longer than (\d+)/.exec(m))) return t('errTooLong', { n: r[1] });
    return document.documentElement.lang === 'en' && m ? m : t('errGeneric');
  }

  showErrors(errors, focus, other = []) {
    if (!this.form) return;
    const visible = this.visibleItems();
    const summary = this.form.querySelector('#error-summary');
    clear(summary);
    const here = visible.filter((it) => errors[it.id]);
    for (const item of visible) {
      const q = this.form.querySelector(`[data-item="${cssEscape(item.id)}"]`);
      if (!q) continue;
      const err = q.querySelector('.utrecht-form-field-error-message');
      this.showSuggestion(q, item, errors[item.id]);
      const msg = errors[item.id];
      const target = q.querySelector(`#q-${cssEscape(item.id)}`);
      const base = (target.getAttribute('aria-describedby') || '')
        .split(' ')
        .filter((x) => x && x !== err.id)
        .join(' ');
      q.classList.toggle('utrecht-form-field--invalid', Boolean(msg));
      q.classList.toggle('question--invalid', Boolean(msg));
      if (msg) {
        err.textContent = msg;
        err.hidden = false;
        target.setAttribute('aria-describedby', `${err.id}${base ? ` ${base}` : ''}`);
        for (const inp of q.querySelectorAll('input, textarea')) inp.setAttribute('aria-invalid', 'true');
      } else {
        err.textContent = '';
        err.hidden = true;
        if (base) target.setAttribute('aria-describedby', base);
        else target.removeAttribute('aria-describedby');
        for (const inp of q.querySelectorAll('input, textarea')) inp.removeAttribute('aria-invalid');
      }
    }
    if (here.length === 0 && other.length === 0) {
      summary.hidden = true;
      return;
    }
    summary.append(
      h('p', { class: 'error-summary__title' }, t('errorSummaryTitle')),
      h(
        'ul',
        { class: 'error-summary__list' },
        here.map((item) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: `#q-${item.id}`,
                class: 'denhaag-link',
                onclick: (e) => {
                  e.preventDefault();
                  const q = this.form.querySelector(`[data-item="${cssEscape(item.id)}"]`);
                  (q.querySelector('input, textarea') || q).focus();
                },
              },
              `${item.text} ${errors[item.id]}`,
            ),
          ),
        ),
        other.map((m) => h('li', {}, m)),
      ),
    );
    summary.hidden = false;
    if (focus) summary.focus();
  }

  /** "Ja, Moerwijk": one tap puts the suggested place in the field. */
  showSuggestion(q, item, message) {
    q.querySelector('.place-suggest')?.remove();
    const name = this.suggestions[item.id];
    if (item.type !== 'place' || !message || !name) return;
    const input = q.querySelector('input');
    const btn = h(
      'button',
      {
        type: 'button',
        class: 'denhaag-button denhaag-button--secondary-action place-suggest',
        onclick: () => {
          input.value = name;
          this.answers[item.id] = name;
          delete this.errors[item.id];
          delete this.suggestions[item.id];
          this.onChange(this);
          this.showErrors(this.errors, false);
          input.focus();
        },
      },
      t('placeUseSuggestion', { name }),
    );
    input.after(btn);
  }

  setBusy(busy) {
    this.busy = busy;
    const btn = this.form?.querySelector('#finish-scan');
    if (btn) {
      btn.disabled = busy;
      btn.setAttribute('aria-busy', busy ? 'true' : 'false');
    }
  }
}

/** A table of days × parts of the day with one checkbox per slot. Also used by the filters. */
export function slotTable(grid, chosen, name) {
  const labels = new Map(grid.slots.map((s) => [s.id, s.label]));
  return h(
    'div',
    { class: 'slot-grid-wrap' },
    h(
      'table',
      { class: 'slot-grid' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('slotDay'))),
          grid.parts.map((p) => h('th', { scope: 'col' }, p.label)),
        ),
      ),
      h(
        'tbody',
        {},
        grid.days.map((d) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, d.label),
            grid.parts.map((p) => {
              const id = `${d.id}-${p.id}`;
              return h(
                'td',
                {},
                h(
                  'label',
                  { class: 'slot-cell' },
                  h('input', {
                    type: 'checkbox',
                    class: 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom',
                    name,
                    value: id,
                    checked: chosen.has(id),
                  }),
                  h('span', { class: 'visually-hidden' }, labels.get(id) || id),
                ),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

function readItem(form, item) {
  const name = `q-${item.id}`;
  const inputs = [...form.querySelectorAll(`[name="${cssEscape(name)}"]`)];
  switch (item.type) {
    case 'single': {
      const c = inputs.find((i) => i.checked);
      return c ? c.value : undefined;
    }
    case 'likert': {
      const c = inputs.find((i) => i.checked);
      return c ? Number(c.value) : undefined;
    }
    case 'multi':
    case 'slots': {
      const vals = inputs.filter((i) => i.checked).map((i) => i.value);
      return vals.length ? vals : undefined;
    }
    case 'number': {
      const v = inputs[0]?.value;
      return v === '' || v === undefined ? undefined : Number(v);
    }
    default: {
      const v = inputs[0]?.value?.trim();
      return v ? v : undefined;
    }
  }
}

/** Lower case, no accents, no spaces or dashes; "y" read as "ij" (Moerwyk → moerwijk). */
function normPlace(s) {
  return String(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '')
    .replace(/y/g, 'ij');
}

/** The names the API knows for wijken: official names and common aliases. */
function placeNames(tax) {
  const names = [];
  for (const w of tax.wijken || []) {
    names.push(w.name);
    for (const a of w.aliases || []) names.push(a);
  }
  if (!(tax.wijken || []).some((w) => Array.isArray(w.aliases))) {
    for (const a of FALLBACK_ALIASES) names.push(a.charAt(0).toUpperCase() + a.slice(1));
  }
  return names;
}

/** Levenshtein distance. */
function distance(a, b) {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function decodePointer(s) {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, '\\$&');
}
