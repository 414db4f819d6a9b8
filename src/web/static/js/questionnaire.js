// Renders the questionnaire definition from GET /v1/questionnaires/talentscan one section
// (step) at a time, keeps the answers in memory and shows errors next to the questions,
// both from the checks here and from the API's 422 pointers (/answers/ITEM_ID).
import { h, clear, uid } from './dom.js';
import { t } from './i18n.js';

export class Questionnaire {
  /**
   * @param {HTMLElement} root
   * @param {object} opts { def, answers, onFinish(answers), onStep(index), lastStepExtra() }
   */
  constructor(root, opts) {
    this.root = root;
    this.def = opts.def;
    this.answers = opts.answers || {};
    this.index = 0;
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

  /** Replaces the definition (language switch) and keeps answers and step. */
  setDefinition(def) {
    this.collect();
    this.def = def;
    this.errors = {}; // their texts were in the other language
    this.render(false);
  }

  go(index, focusHeading = true) {
    this.index = Math.max(0, Math.min(index, this.sections.length - 1));
    this.render(focusHeading);
  }

  render(focusHeading = true) {
    const section = this.sections[this.index];
    const total = this.sections.length;
    const n = this.index + 1;
    const last = n === total;
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
    if (section.intro) form.append(h('p', { class: 'utrecht-paragraph' }, section.intro));

    const summary = h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', hidden: true });
    form.append(summary);

    for (const item of section.items) form.append(this.renderItem(item));

    if (last && this.def.instrument_note) {
      form.append(h('p', { class: 'utrecht-paragraph instrument-note' }, this.def.instrument_note));
    }
    if (last && this.lastStepExtra) form.append(this.lastStepExtra());

    const nav = h(
      'div',
      { class: 'step-nav' },
      this.index > 0
        ? h(
            'button',
            {
              type: 'button',
              class: 'denhaag-button denhaag-button--secondary-action',
              id: 'prev-step',
              onclick: () => {
                this.collect();
                this.go(this.index - 1);
              },
            },
            t('previous'),
          )
        : null,
      h(
        'button',
        { type: 'submit', class: 'denhaag-button', id: last ? 'finish-scan' : 'next-step' },
        last ? t('finish') : t('next'),
      ),
    );
    form.append(nav);

    clear(this.root).append(form);
    this.form = form;
    this.showErrors(this.errors, false);
    this.onStep(this.index, section);
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
    const help = item.help ? h('p', { class: 'utrecht-form-field-description', id: helpId }, item.help) : null;
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

  /** Radio buttons or checkboxes as large, fully clickable boxes. */
  choices(item, kind, options, value) {
    const name = `q-${item.id}`;
    const chosen = new Set(Array.isArray(value) ? value : value === undefined ? [] : [String(value)]);
    const list = h('div', { class: `choices choices--${kind}` });
    for (const [val, label, exclusive] of options) {
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
          for (const other of list.querySelectorAll('input')) {
            if (other === input) continue;
            if (exclusive || other.dataset.exclusive) other.checked = false;
          }
        });
      }
      list.append(h('label', { class: `choice choice--${kind}` }, input, h('span', { class: 'choice-text' }, label)));
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
    return list;
  }

  slotGrid(item, value) {
    const grid = item.grid;
    const chosen = new Set(Array.isArray(value) ? value : []);
    const name = `q-${item.id}`;
    return slotTable(grid, chosen, name);
  }

  // ---------------------------------------------------------------- answers

  /** Reads the current step's inputs into this.answers. */
  collect() {
    if (!this.form) return this.answers;
    const section = this.sections[this.index];
    for (const item of section.items) {
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
    if (item.type === 'place' && item.pattern && !new RegExp(item.pattern).test(v.trim())) return t('errPlace');
    if (item.type === 'multi') {
      if (item.min && v.length < item.min) return t('errMin', { n: item.min });
      if (item.max && v.length > item.max) return t('errMax', { n: item.max });
    }
    if (item.type === 'text' && item.max_length && v.length > item.max_length) return t('errTooLong', { n: item.max_length });
    return null;
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
    const errors = this.validateSection(this.index);
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.showErrors(errors, true);
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
        this.go(i, false);
        this.showErrors(errs, true);
        return;
      }
    }
    this.onFinish({ ...this.answers });
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
    this.errors = errors;
    this.go(first, false);
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
    const section = this.sections[this.index];
    const summary = this.form.querySelector('#error-summary');
    clear(summary);
    const here = section.items.filter((it) => errors[it.id]);
    for (const item of section.items) {
      const q = this.form.querySelector(`[data-item="${cssEscape(item.id)}"]`);
      const err = q.querySelector('.utrecht-form-field-error-message');
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

function decodePointer(s) {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, '\\$&');
}
