// The result view. For a resident: the best tasks first, each with one clear next step
// (call, mail or the organisation's web page, and what to say), "Toon meer taken", the
// filters, the notices, the persona and the Kennen-Kunnen-Willen-Zijn profile in words,
// the courses, Servicepunt XL, and a one-page summary to print or save as PDF. At the desk:
// the persona and the profile as a chart with its text alternative first, then the lists.
// Filters re-rank through POST /v1/matches (the answers are not asked again).
import { h, svg, append, clear, uid, announce } from './dom.js';
import { t, num, date, lang, hoursText, eur, localiseText } from './i18n.js';
import { postMatches } from './api.js';
import { slotTable } from './questionnaire.js';

const DIMS = ['kennen', 'kunnen', 'willen', 'zijn'];
const RADII = [1, 2, 3, 5, 8, 12, 15];
const HOURS = [1, 2, 4, 8, 16];
const FIRST_TASKS = 10;
const MORE_TASKS = 10;
const MAX_TASKS = 50; // the API's limit.tasks
const SUMMARY_TASKS = 5;
const SUMMARY_TRAININGS = 3;

// Small data files next to the pages, fetched once per page load.
const dataCache = new Map();
function loadData(name) {
  if (!dataCache.has(name)) {
    dataCache.set(
      name,
      fetch(`/assets/data/${name}.json`, { headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
    );
  }
  return dataCache.get(name);
}

export class Results {
  /**
   * @param {HTMLElement} root
   * @param {object} ctx { mode: 'resident'|'desk', persona, taxonomies, grid, onRestart, onEdit,
   *   focus (move focus to the heading), overrides and taskLimit (kept from before a reload),
   *   onSave() (the filters or the list length changed), wipe() → Element,
   *   deskTop(), deskPanels(results) → Element[] (desk only), onMatched(resp) }
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.persona = ctx.persona;
    this.overrides = ctx.overrides && typeof ctx.overrides === 'object' ? { ...ctx.overrides } : {};
    this.taskLimit = Math.min(MAX_TASKS, Math.max(FIRST_TASKS, Number(ctx.taskLimit) || FIRST_TASKS));
    this.response = null;
    this.seq = 0;
    this.glossary = null;
    this.servicepunt = null;
  }

  get resident() {
    return this.ctx.mode !== 'desk';
  }

  slotLabel(id) {
    const s = (this.ctx.taxonomies?.slots || []).find((x) => x.id === id);
    return s ? s[lang()] || s.nl : id;
  }

  categoryLabel(id) {
    const c = (this.ctx.taxonomies?.categories || []).find((x) => x.id === id);
    return c ? c[lang()] || c.nl : id;
  }

  request() {
    const desk = this.ctx.mode === 'desk';
    const body = {
      persona: this.persona,
      limit: { tasks: desk ? Math.max(15, this.taskLimit) : this.taskLimit, trainings: 5 },
      lang: lang(),
      explain: desk,
    };
    if (Object.keys(this.overrides).length) body.overrides = this.overrides;
    return body;
  }

  /** First render: the whole view, then the lists once the match arrives. */
  async show() {
    this.render();
    const extras = this.resident ? Promise.all([loadData('glossary'), loadData('servicepunt')]) : Promise.resolve([null, null]);
    const [glossary, servicepunt] = await extras;
    this.glossary = glossary;
    this.servicepunt = servicepunt;
    this.renderServicepunt();
    await this.rematch(false);
  }

  async rematch(announceIt = true, after = null) {
    const seq = ++this.seq;
    this.lists.setAttribute('aria-busy', 'true');
    if (announceIt) announce(t('updating'));
    try {
      const resp = await postMatches(this.request());
      if (seq !== this.seq) return;
      this.response = resp;
      this.renderLists();
      if (after) after(resp);
      else if (announceIt) announce(t('updated', { tasks: resp.tasks.length, trainings: resp.trainings.length }));
      this.ctx.onMatched?.(resp, this);
      this.ctx.onSave?.();
    } catch (e) {
      if (seq !== this.seq) return;
      clear(this.lists).append(h('div', { class: 'denhaag-alert denhaag-alert--error alert', role: 'alert' }, h('p', { class: 'utrecht-paragraph' }, t('submitError'))));
      announce(t('submitError'));
    } finally {
      if (seq === this.seq) this.lists.removeAttribute('aria-busy');
    }
  }

  render() {
    const p = this.persona;
    const headingId = 'result-heading';
    const view = h('div', { class: `result-view result-view--${this.resident ? 'resident' : 'desk'}`, id: 'result-view' });
    this.noticesBox = h('section', { class: 'notices', 'aria-labelledby': 'notices-title' });
    this.lists = h('div', { class: 'result-lists', id: 'result-lists' });
    this.trainingsBox = h('div', { class: 'training-box', id: 'training-box' });
    view.append(h('h1', { class: 'utrecht-heading-1', id: headingId, tabindex: '-1' }, t('resultTitle')));
    if (this.resident) {
      // On a phone the best tasks come first; the profile and the rest follow.
      this.spBox = h('section', { class: 'servicepunt', id: 'servicepunt', 'aria-labelledby': 'servicepunt-title', hidden: true });
      this.summaryBox = h('section', { class: 'print-summary print-only', id: 'resident-summary', 'aria-labelledby': 'summary-title' });
      append(view, [
        h('p', { class: 'utrecht-paragraph lead result-lead' }, t('resultLead')),
        lang() === 'en' ? h('p', { class: 'utrecht-paragraph dutch-note' }, t('dutchNote')) : null,
        this.lists,
        this.renderFilters(),
        this.noticesBox,
        this.renderArchetype(p),
        this.renderProfileWords(p),
        this.trainingsBox,
        this.spBox,
        h(
          'div',
          { class: 'result-actions no-print' },
          h('button', { type: 'button', class: 'denhaag-button', id: 'print-result', onclick: () => window.print() }, t('printSave')),
          h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'edit-answers', onclick: () => this.ctx.onEdit() }, t('changeAnswers')),
        ),
        this.ctx.wipe ? this.ctx.wipe() : null,
        this.summaryBox,
      ]);
    } else {
      append(view, [this.ctx.deskTop ? this.ctx.deskTop() : null, this.renderArchetype(p), this.renderKkwz(p)]);
      view.append(this.noticesBox, this.renderFilters(), this.lists, this.trainingsBox);
      if (this.ctx.deskPanels) view.append(...this.ctx.deskPanels(this));
      view.append(
        h(
          'div',
          { class: 'result-actions no-print' },
          h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'edit-answers', onclick: () => this.ctx.onEdit() }, t('changeAnswers')),
          h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'restart', onclick: () => this.ctx.onRestart() }, t('again')),
        ),
      );
    }
    clear(this.root).append(view);
    this.view = view;
    if (this.ctx.focus !== false) {
      document.getElementById(headingId).focus();
      window.scrollTo(0, 0);
    }
  }

  renderArchetype(p) {
    const a = p.archetype || {};
    return h(
      'section',
      { class: 'archetype', 'aria-labelledby': 'archetype-title' },
      h('h2', { class: 'utrecht-heading-2', id: 'archetype-title' }, t('youAre', { label: a.label || '' })),
      a.description ? h('p', { class: 'utrecht-paragraph archetype-text' }, a.description) : null,
    );
  }

  /** For residents: the profile in words, no marks out of 100. */
  renderProfileWords(p) {
    const k = p.kkwz || {};
    const ex = p.kkwz_explanation || {};
    const band = (v) => {
      const x = Number(v ?? 50);
      if (x < 35) return 'Low';
      if (x > 65) return 'High';
      return 'Mid';
    };
    return h(
      'section',
      { class: 'kkwz kkwz--words', 'aria-labelledby': 'kkwz-title' },
      h('h2', { class: 'utrecht-heading-2', id: 'kkwz-title' }, t('kkwzTitle')),
      h('p', { class: 'utrecht-paragraph' }, t('kkwzWordsIntro')),
      h(
        'dl',
        { class: 'kkwz-text' },
        DIMS.map((d) =>
          h(
            'div',
            { class: 'kkwz-row' },
            h('dt', {}, t(d), h('span', { class: 'kkwz-sub' }, ` (${t(`${d}Sub`)})`)),
            h('dd', {}, ex[d] ? localiseText(ex[d]) : t(`${d}${band(k[d])}`)),
          ),
        ),
      ),
    );
  }

  /** At the desk: the profile as a bar chart with its text alternative and the numbers. */
  renderKkwz(p) {
    const k = p.kkwz || {};
    const ex = p.kkwz_explanation || {};
    const titleId = uid('kkwz-svg');
    const items = DIMS.map((d) => t('kkwzOutOf', { name: t(d), value: Math.round(k[d] ?? 50) })).join(', ');
    const W = 320;
    const rowH = 40;
    const labelW = 110;
    const barW = W - labelW - 44;
    const chart = svg(
      'svg',
      {
        class: 'kkwz-chart',
        viewBox: `0 0 ${W} ${rowH * DIMS.length}`,
        role: 'img',
        'aria-labelledby': titleId,
        focusable: 'false',
      },
      svg('title', { id: titleId }, t('kkwzChartLabel', { items })),
      DIMS.map((d, i) => {
        const v = Math.max(0, Math.min(100, Number(k[d] ?? 50)));
        const y = i * rowH;
        return svg(
          'g',
          { 'aria-hidden': 'true' },
          svg('text', { x: 0, y: y + 25, class: 'kkwz-label', fill: '#2e2e2e' }, t(d)),
          svg('rect', { x: labelW, y: y + 10, width: barW, height: 20, rx: 3, fill: '#f2f2f2', stroke: '#7a7a7a', 'stroke-width': 1 }),
          svg('rect', { x: labelW, y: y + 10, width: (barW * v) / 100, height: 20, rx: 3, fill: '#238541' }),
          svg('text', { x: labelW + barW + 8, y: y + 25, class: 'kkwz-value', fill: '#2e2e2e' }, String(Math.round(v))),
        );
      }),
    );
    return h(
      'section',
      { class: 'kkwz', 'aria-labelledby': 'kkwz-title' },
      h('h2', { class: 'utrecht-heading-2', id: 'kkwz-title' }, t('kkwzTitle')),
      h('p', { class: 'utrecht-paragraph' }, t('kkwzIntro')),
      h(
        'div',
        { class: 'kkwz-body' },
        h('figure', { class: 'kkwz-figure' }, chart),
        h(
          'dl',
          { class: 'kkwz-text' },
          DIMS.map((d) =>
            h(
              'div',
              { class: 'kkwz-row' },
              h('dt', {}, `${t(d)}: ${Math.round(k[d] ?? 50)} / 100`, h('span', { class: 'kkwz-sub' }, ` (${t(`${d}Sub`)})`)),
              h('dd', {}, ex[d] ? localiseText(ex[d]) : ''),
            ),
          ),
        ),
      ),
    );
  }

  renderNotices() {
    const notices = this.response?.notices || [];
    clear(this.noticesBox);
    if (!notices.length) return;
    this.noticesBox.append(
      h('h2', { class: 'utrecht-heading-2', id: 'notices-title' }, t('noticesTitle')),
      h(
        'ul',
        { class: 'notice-list' },
        notices.map((n) => h('li', { class: `notice notice--${n.code}`, dataset: { code: n.code } }, this.gloss(localiseText(n.text)))),
      ),
    );
  }

  /** Servicepunt XL from data/servicepunt.json: only what is known, and the phone. */
  renderServicepunt() {
    const box = this.spBox;
    const sp = this.servicepunt;
    if (!box || !sp) return;
    clear(box);
    const L = lang();
    const addr = sp.address && (sp.address.street || sp.address.city) ? [sp.address.street, sp.address.city].filter(Boolean).join(', ') : null;
    const phoneHref = sp.phone ? `tel:${String(sp.phone).replace(/[^\d+]/g, '')}` : null;
    const hours = Array.isArray(sp.opening_hours) ? sp.opening_hours.map((x) => (typeof x === 'string' ? x : x[L] || x.nl)).join(', ') : sp.opening_hours?.[L] || sp.opening_hours?.nl || null;
    box.append(
      h('h2', { class: 'utrecht-heading-2', id: 'servicepunt-title' }, t('spTitle')),
      h('p', { class: 'utrecht-paragraph' }, t('spText')),
      h(
        'dl',
        { class: 'facts sp-facts' },
        h('div', { class: 'fact' }, h('dt', {}, 'Servicepunt XL'), h('dd', { lang: L === 'en' ? 'nl' : null }, sp.name || 'Servicepunt XL')),
        addr ? h('div', { class: 'fact' }, h('dt', {}, t('spAddress')), h('dd', { lang: L === 'en' ? 'nl' : null }, addr)) : null,
        h('div', { class: 'fact' }, h('dt', {}, t('spHours')), h('dd', {}, hours || t('spHoursUnknown'))),
        sp.url ? h('div', { class: 'fact' }, h('dt', {}, t('spSite')), h('dd', {}, h('a', { class: 'denhaag-link', href: sp.url }, sp.url.replace(/^https?:\/\//, '')))) : null,
      ),
      sp.phone
        ? h(
            'p',
            { class: 'sp-phone' },
            h('a', { class: 'denhaag-button denhaag-button--secondary-action action-link', href: phoneHref, id: 'servicepunt-phone' }, t('spPhone', { phone: sp.phone })),
          )
        : null,
      sp.phone_note ? h('p', { class: 'utrecht-form-field-description' }, sp.phone_note[L] || sp.phone_note.nl) : null,
    );
    box.hidden = false;
  }

  // ---------------------------------------------------------------- filters

  renderFilters() {
    const p = this.persona;
    const ov = this.overrides || {};
    const desk = this.ctx.mode === 'desk';
    const answered = p.travel?.radius_km ?? 3;
    const radius = ov.radius_km ?? answered;
    const radii = [...new Set([...RADII, answered, radius])].sort((a, b) => a - b);
    const slots = new Set(ov.slots || p.availability?.slots || []);
    const ids = { radius: 'f-radius', hours: 'f-hours', q: 'f-q', qHelp: 'f-q-help', daysErr: 'f-days-error' };

    const form = h('form', { class: 'filters no-print', id: 'filters', 'aria-labelledby': 'filters-title', novalidate: true });
    form.append(
      h('h2', { class: 'utrecht-heading-2', id: 'filters-title' }, desk ? t('whatIfTitle') : t('filtersTitle')),
      h('p', { class: 'utrecht-paragraph' }, desk ? t('whatIfIntro') : t('filtersIntro')),
    );
    const row = h('div', { class: 'filter-row' });
    row.append(
      h(
        'div',
        { class: 'utrecht-form-field filter-field' },
        h('label', { class: 'utrecht-form-label', for: ids.radius }, t('radius')),
        h(
          'select',
          { class: 'select', id: ids.radius, name: 'radius' },
          radii.map((r) => h('option', { value: r, selected: r === radius }, t('radiusKm', { n: num(r) }))),
        ),
      ),
      h(
        'div',
        { class: 'utrecht-form-field filter-field' },
        h('label', { class: 'utrecht-form-label', for: ids.hours }, t('hours')),
        h(
          'select',
          { class: 'select', id: ids.hours, name: 'hours' },
          h('option', { value: '' }, t('hoursAny', { h: hoursText(p.availability?.hours_per_week ?? 2) })),
          HOURS.map((n) => h('option', { value: n, selected: ov.hours_per_week === n }, t('hoursPerWeek', { h: hoursText(n) }))),
        ),
      ),
    );
    form.append(row);
    // The moments take room: residents open them when they want; the desk sees them at once.
    const daysPanel = h(
      'fieldset',
      { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset filter-days', id: 'f-days', hidden: !desk },
      h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, t('days')),
      h('p', { class: 'utrecht-form-field-error-message', id: ids.daysErr, hidden: true }),
      slotTable(this.ctx.grid, slots, 'f-slot'),
    );
    const summary = () => t('daysNow', { slots: listJoin([...slots].sort(slotOrder).map((x) => this.slotLabel(x))) || '–' });
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'link-button days-toggle',
        id: 'f-days-toggle',
        'aria-expanded': desk ? 'true' : 'false',
        'aria-controls': 'f-days',
        onclick: () => {
          const open = toggle.getAttribute('aria-expanded') !== 'true';
          toggle.setAttribute('aria-expanded', String(open));
          daysPanel.hidden = !open;
          toggle.textContent = open ? t('daysHide') : t('daysShow');
        },
      },
      desk ? t('daysHide') : t('daysShow'),
    );
    const now = h('p', { class: 'days-now', id: 'f-days-now' }, summary());
    form.append(now, toggle, daysPanel);
    this.showDays = (chosen) => {
      now.textContent = t('daysNow', { slots: listJoin([...chosen].sort(slotOrder).map((x) => this.slotLabel(x))) || '–' });
    };
    this.openDays = () => {
      if (daysPanel.hidden) toggle.click();
    };
    if (desk) {
      form.append(
        h(
          'fieldset',
          { class: 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset filter-categories' },
          h('legend', { class: 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend' }, t('categories')),
          h(
            'div',
            { class: 'choices choices--checkbox choices--compact' },
            (this.ctx.taxonomies?.categories || []).map((c) =>
              h(
                'label',
                { class: 'choice choice--checkbox' },
                h('input', { type: 'checkbox', class: 'utrecht-checkbox utrecht-checkbox--html-input', name: 'f-category', value: c.id, checked: (ov.categories || []).includes(c.id) }),
                h('span', { class: 'choice-text' }, c[lang()] || c.nl),
              ),
            ),
          ),
        ),
        h(
          'div',
          { class: 'utrecht-form-field filter-field' },
          h('label', { class: 'utrecht-form-label', for: ids.q }, t('q')),
          h('p', { class: 'utrecht-form-field-description', id: ids.qHelp }, t('qHelp')),
          h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', type: 'search', id: ids.q, name: 'q', 'aria-describedby': ids.qHelp, value: ov.q || '' }),
        ),
      );
    }
    form.append(
      h(
        'div',
        { class: 'filter-actions' },
        h('button', { type: 'submit', class: 'denhaag-button', id: 'apply-filters' }, t('apply')),
        h(
          'button',
          {
            type: 'button',
            class: 'denhaag-button denhaag-button--secondary-action',
            id: 'reset-filters',
            onclick: () => {
              const old = this.filtersForm;
              this.overrides = {};
              this.taskLimit = FIRST_TASKS;
              const fresh = this.renderFilters();
              old.replaceWith(fresh);
              this.rematch(true);
              fresh.querySelector('select')?.focus();
            },
          },
          t('resetFilters'),
        ),
      ),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const next = this.readFilters(form);
      if (!next) return;
      this.showDays?.(next.slots);
      this.overrides = next;
      this.taskLimit = FIRST_TASKS;
      this.rematch(true);
    });
    this.filtersForm = form;
    return form;
  }

  readFilters(form) {
    const ov = {};
    ov.radius_km = Number(form.querySelector('#f-radius').value);
    const slots = [...form.querySelectorAll('input[name="f-slot"]:checked')].map((i) => i.value);
    const err = form.querySelector('#f-days-error');
    const fs = form.querySelector('#f-days');
    if (!slots.length) {
      this.openDays?.();
      err.textContent = t('errSlots');
      err.hidden = false;
      fs.setAttribute('aria-describedby', err.id);
      form.querySelector('input[name="f-slot"]').focus();
      announce(t('errSlots'));
      return null;
    }
    err.hidden = true;
    fs.removeAttribute('aria-describedby');
    ov.slots = slots;
    const hours = form.querySelector('#f-hours').value;
    if (hours) ov.hours_per_week = Number(hours);
    const cats = [...form.querySelectorAll('input[name="f-category"]:checked')].map((i) => i.value);
    if (cats.length) ov.categories = cats;
    const q = form.querySelector('#f-q')?.value.trim();
    if (q) ov.q = q;
    return ov;
  }

  // ---------------------------------------------------------------- lists

  renderLists() {
    const r = this.response;
    this.renderNotices();
    clear(this.lists);
    const tasksId = 'tasks-title';
    const trainingsId = 'trainings-title';
    const total = Math.max(r.feasible_tasks ?? r.tasks.length, r.tasks.length);
    const canMore = r.tasks.length < total && this.taskLimit < MAX_TASKS && r.tasks.length >= this.taskLimit;
    let moreNote = null;
    if (r.tasks.length && !canMore && r.tasks.length > FIRST_TASKS) {
      moreNote = h('p', { class: 'utrecht-paragraph more-note', id: 'more-note' }, total > r.tasks.length ? t('maxShown', { n: r.tasks.length }) : t('allShown'));
    }
    this.lists.append(
      h(
        'section',
        { class: 'task-section', 'aria-labelledby': tasksId },
        h('h2', { class: 'utrecht-heading-2', id: tasksId }, t('tasksTitle')),
        r.tasks.length
          ? h('p', { class: 'utrecht-paragraph result-count', id: 'task-count' }, t('tasksCount', { shown: r.tasks.length, total }))
          : h('p', { class: 'utrecht-paragraph empty', id: 'task-count' }, t('noTasks')),
        h('ol', { class: 'cards', id: 'task-list' }, r.tasks.map((task) => this.taskCard(task))),
        canMore
          ? h(
              'button',
              {
                type: 'button',
                class: 'denhaag-button denhaag-button--secondary-action more-tasks no-print',
                id: 'more-tasks',
                onclick: () => this.showMore(),
              },
              t('showMoreTasks'),
            )
          : null,
        moreNote,
      ),
    );
    clear(this.trainingsBox).append(
      h(
        'section',
        { class: 'training-section', 'aria-labelledby': trainingsId },
        h('h2', { class: 'utrecht-heading-2', id: trainingsId }, t('trainingsTitle')),
        r.trainings.length ? null : h('p', { class: 'utrecht-paragraph empty' }, t('noTrainings')),
        h('ol', { class: 'cards', id: 'training-list' }, r.trainings.map((tr) => this.trainingCard(tr))),
      ),
    );
    if (this.resident) this.renderSummary();
  }

  /** "Toon meer taken": ask for more, then put focus on the first new card. */
  showMore() {
    const before = this.response?.tasks.length || 0;
    this.taskLimit = Math.min(MAX_TASKS, this.taskLimit + MORE_TASKS);
    this.rematch(false, (resp) => {
      const cards = this.lists.querySelectorAll('#task-list > li');
      const first = cards[before]?.querySelector('.card-title');
      if (first) first.focus();
      else this.lists.querySelector('#task-count')?.focus?.();
      announce(t('moreLoaded', { n: resp.tasks.length }));
    });
  }

  /** Dutch catalog texts are marked as Dutch when the page is in English. */
  nl(tag, attrs, ...children) {
    return h(tag, { ...attrs, lang: lang() === 'en' ? 'nl' : null }, ...children);
  }

  where(wijk, distance, remote, online) {
    if (remote || online) return t(remote ? 'remote' : 'online');
    const parts = [];
    if (wijk) parts.push(wijk);
    if (distance !== null && distance !== undefined) parts.push(t('km', { n: num(distance) }));
    return parts.join(' · ');
  }

  /** Where, with the wijk's (Dutch) name marked as Dutch on the English page. */
  whereNodes(wijk, distance, remote, online) {
    if (remote || online || !wijk || lang() !== 'en') return this.where(wijk, distance, remote, online);
    const km = distance !== null && distance !== undefined ? ` · ${t('km', { n: num(distance) })}` : '';
    return [h('span', { lang: 'nl' }, wijk), km];
  }

  when(schedule) {
    const s = schedule || {};
    const slots = [...(s.slots || [])].sort(slotOrder).map((x) => this.slotLabel(x));
    if (s.frequency === 'once' && s.start) {
      const day = t('onDate', { date: date(`${String(s.start).slice(0, 10)}T12:00:00Z`) });
      return slots.length ? `${day} (${listJoin(slots)})` : day;
    }
    // On call: the time line says so ("als het nodig is (op afroep)…"); here only the moments.
    if (s.on_call) return slots.length ? listJoin(slots) : '';
    if (!slots.length || s.flexible) return slots.length ? `${listJoin(slots)} · ${t('anyTime')}` : t('anyTime');
    return listJoin(slots);
  }

  /** How much time, read true: a one-off is "één keer, 3 uur", on call "ongeveer 2 uur per keer". */
  hours(task) {
    const s = task.schedule || {};
    const week = task.hours_per_week ?? s.hours_per_week ?? 0;
    const session = s.hours_per_session ?? week;
    if (s.frequency === 'once') return t('onceHours', { h: hoursText(session || week) });
    if (s.on_call) return t('onCallHours', { h: hoursText(session) });
    switch (s.frequency) {
      case 'biweekly':
        return t('everyOtherWeekHours', { h: hoursText(session) });
      case 'monthly':
        return t('monthlyHours', { h: hoursText(session) });
      case 'occasional':
        return t('nowAndThenHours', { h: hoursText(session) });
      default:
        return t('hoursPerWeek', { h: hoursText(week) });
    }
  }

  gets(task) {
    const out = [];
    const a = task.allowance || { kind: 'none' };
    if (a.kind === 'volunteer_allowance' && a.per_hour_eur) out.push(t('perHourEur', { amount: eur(a.per_hour_eur) }));
    else if (!(a.kind === 'none' && task.allowance_check?.text && !this.resident)) out.push(t(`allowance_${a.kind}`));
    if (task.certificate) out.push(t('certificate'));
    const o = task.onboarding || {};
    if (o.buddy) out.push(t('buddy'));
    if (o.intro_meeting) out.push(t('intro'));
    if (o.training_provided) out.push(t('trainingProvided'));
    if (o.trial_period) out.push(t('trial'));
    return out;
  }

  contact(c) {
    if (!c || !c.name) return null;
    const items = [this.nl('span', { class: 'contact-name' }, c.name)];
    if (c.phone) items.push(h('a', { class: 'denhaag-link contact-link', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, 'aria-label': t('phone', { name: c.name, phone: c.phone }) }, c.phone));
    if (c.email) items.push(h('a', { class: 'denhaag-link contact-link', href: `mailto:${c.email}`, 'aria-label': t('email', { name: c.name, email: c.email }) }, c.email));
    return items;
  }

  /** The one next step for a task: call, else mail, else the organisation's web page. */
  nextStep(task) {
    const c = task.contact || {};
    const name = c.name || task.organisation?.name || '';
    const site = task.organisation?.website || task.organisation?.url || task.url || null;
    const mailHref = c.email
      ? `mailto:${c.email}?subject=${encodeURIComponent(t('mailSubject', { task: task.title }))}&body=${encodeURIComponent(t('mailBody', { name: c.name || '', task: task.title }))}`
      : null;
    let action = null;
    let alt = null;
    if (c.phone) {
      action = { kind: 'call', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, text: t('callX', { name, phone: c.phone }) };
      if (mailHref) alt = { href: mailHref, text: c.email };
    } else if (mailHref) {
      action = { kind: 'mail', href: mailHref, text: t('mailX', { name }) };
    } else if (site) {
      action = { kind: 'site', href: site, text: t('siteX', { org: task.organisation?.name || '' }) };
    }
    if (!action) return null;
    return { ...action, alt, name };
  }

  renderNextStep(task, titleId) {
    const step = this.nextStep(task);
    if (!step) return null;
    const en = lang() === 'en';
    return h(
      'div',
      { class: 'next-step', dataset: { kind: step.kind } },
      h('p', { class: 'next-step-title', id: `${titleId}-next` }, t('nextStep')),
      h(
        'a',
        {
          class: 'denhaag-button action-link next-step-action',
          href: step.href,
          'aria-describedby': `${titleId}`,
          rel: step.kind === 'site' ? 'noopener' : null,
        },
        step.text,
      ),
      h(
        'p',
        { class: 'say' },
        h('span', { class: 'say-label' }, t('sayLabel')),
        ' ',
        h('span', { class: 'say-text', lang: en ? 'nl' : null }, `“${t('sayText', { task: task.title })}”`),
        en ? h('span', { class: 'say-meaning' }, ` ${t('sayMeaning')}`) : null,
      ),
      step.alt ? h('p', { class: 'next-step-alt' }, `${t('orMail')} `, h('a', { class: 'denhaag-link contact-link', href: step.alt.href }, step.alt.text)) : null,
    );
  }

  fact(label, ...value) {
    // A last string argument starting with "fact--" is a class for the row, not a value.
    let cls = '';
    if (typeof value[value.length - 1] === 'string' && value[value.length - 1].startsWith('fact--')) cls = ` ${value.pop()}`;
    const v = value.flat().filter((x) => x !== null && x !== undefined && x !== '');
    if (!v.length) return null;
    return h('div', { class: `fact${cls}` }, h('dt', {}, label), h('dd', {}, v));
  }

  reasons(list, headingId) {
    if (!list?.length) return null;
    return [
      h('p', { class: 'reasons-title', id: headingId }, t('whyFits')),
      h('ul', { class: 'reasons', 'aria-labelledby': headingId }, list.map((r) => h('li', { dataset: { code: r.code } }, this.reasonText(r)))),
    ];
  }

  /** A reason in the page's language; a catalog title inside it ("Nodig voor: …") marked Dutch. */
  reasonText(r) {
    const text = localiseText(r.text || '');
    if (lang() === 'en' && /^training_needed|needed_for/.test(r.code || '')) {
      const i = text.indexOf(': ');
      if (i > 0) return [text.slice(0, i + 2), h('span', { lang: 'nl' }, text.slice(i + 2))];
    }
    return text;
  }

  requirements(task) {
    const list = (Array.isArray(task.requirements) ? task.requirements : []).filter((r) => r && (r.text || r.code));
    if (!list.length) return null;
    const label = list.length === 1 ? t('requirement') : t('requirements');
    return h(
      'div',
      { class: 'requirements' },
      h('p', { class: 'requirements-title' }, label),
      h('ul', { class: 'requirements-list' }, list.map((r) => h('li', { dataset: { code: r.code || '' } }, this.gloss(localiseText(r.text || r.code))))),
    );
  }

  taskCard(task) {
    const titleId = uid('task');
    const gets = this.gets(task);
    const check = !this.resident ? task.allowance_check?.text : null;
    return h(
      'li',
      { class: 'card task-card', dataset: { taskId: task.id } },
      h(
        'article',
        { 'aria-labelledby': titleId },
        this.nl('h3', { class: 'utrecht-heading-3 card-title', id: titleId, tabindex: '-1' }, task.title),
        this.nl('p', { class: 'card-org' }, task.organisation?.name || ''),
        task.description ? this.nl('p', { class: 'utrecht-paragraph card-desc' }, this.gloss(task.description)) : null,
        this.requirements(task),
        h(
          'dl',
          { class: 'facts' },
          this.fact(t('where'), this.whereNodes(task.wijk, task.distance_km, task.remote)),
          this.fact(t('when'), this.when(task.schedule)),
          this.fact(t('hoursLabel'), this.hours(task), 'fact--time'),
          this.fact(
            t('whatYouGet'),
            h('ul', { class: 'gets' }, gets.map((g) => h('li', {}, g))),
            check ? h('p', { class: 'allowance-check' }, localiseText(check)) : null,
          ),
          this.resident ? null : this.fact(t('contact'), this.contact(task.contact)),
        ),
        this.reasons(task.reasons, `${titleId}-why`),
        this.renderNextStep(task, titleId),
      ),
    );
  }

  trainingCard(tr) {
    const titleId = uid('training');
    const gets = [];
    if (tr.certificate) gets.push(t('certificate'));
    return h(
      'li',
      { class: 'card training-card', dataset: { trainingId: tr.id } },
      h(
        'article',
        { 'aria-labelledby': titleId },
        this.nl('h3', { class: 'utrecht-heading-3 card-title', id: titleId }, tr.title),
        h('p', { class: 'card-org' }, `${t('provider')}: `, this.nl('span', {}, tr.provider || tr.organisation?.name || '')),
        tr.description ? this.nl('p', { class: 'utrecht-paragraph card-desc' }, this.gloss(tr.description)) : null,
        h(
          'dl',
          { class: 'facts' },
          this.fact(t('where'), this.whereNodes(tr.wijk, tr.distance_km, false, tr.online)),
          this.fact(t('when'), tr.slots?.length ? listJoin([...tr.slots].sort(slotOrder).map((s) => this.slotLabel(s))) : null),
          this.fact(t('nextSession'), tr.next_session ? date(tr.next_session.start, true) : null),
          this.fact(t('duration'), tr.duration_hours ? t('durationHours', { h: hoursText(tr.duration_hours) }) : null),
          this.fact(t('cost'), tr.cost_eur ? eur(tr.cost_eur) : t('free')),
          this.fact(t('whatYouGet'), gets.length ? h('ul', { class: 'gets' }, gets.map((g) => h('li', {}, g))) : null),
          this.fact(t('contact'), this.contact(tr.contact)),
        ),
        this.reasons(tr.reasons, `${titleId}-why`),
      ),
    );
  }

  // ---------------------------------------------------------------- glossary

  /**
   * Text with the glossary's terms as buttons that show a short explanation on tap
   * (aria-expanded). Each term once per text.
   */
  gloss(text) {
    const g = this.glossary;
    if (!g || !text) return text;
    if (!this.glossRe) {
      const forms = [];
      this.glossForms = new Map();
      for (const [term, entry] of Object.entries(g)) {
        for (const f of [term, ...(entry.also || [])]) {
          forms.push(f);
          this.glossForms.set(f.toLowerCase(), term);
        }
      }
      forms.sort((a, b) => b.length - a.length);
      const esc = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.glossRe = new RegExp(`(?<![\\p{L}\\d])(${esc.join('|')})(?![\\p{L}\\d])`, 'giu');
    }
    const out = [];
    const seen = new Set();
    let last = 0;
    const s = String(text);
    for (const m of s.matchAll(this.glossRe)) {
      const term = this.glossForms.get(m[1].toLowerCase());
      if (!term || seen.has(term)) continue;
      seen.add(term);
      if (m.index > last) out.push(s.slice(last, m.index));
      out.push(this.term(m[1], term));
      last = m.index + m[1].length;
    }
    if (!out.length) return text;
    if (last < s.length) out.push(s.slice(last));
    return out;
  }

  term(shown, term) {
    const entry = this.glossary[term] || {};
    const id = uid('term');
    const L = lang();
    const def = h('span', { class: 'term-def', id, hidden: true, lang: L }, entry[L] || entry.nl || '');
    const btn = h(
      'button',
      {
        type: 'button',
        class: 'term',
        'aria-expanded': 'false',
        'aria-controls': id,
        onclick: () => {
          const open = btn.getAttribute('aria-expanded') !== 'true';
          btn.setAttribute('aria-expanded', String(open));
          def.hidden = !open;
        },
      },
      shown,
    );
    return h('span', { class: 'term-wrap' }, btn, ' ', def);
  }

  // ---------------------------------------------------------------- print summary

  /** The one-page summary a resident prints or saves as PDF (hidden on screen). */
  renderSummary() {
    const box = this.summaryBox;
    const r = this.response;
    if (!box || !r) return;
    const p = this.persona;
    const sp = this.servicepunt;
    clear(box);
    const tasks = r.tasks.slice(0, SUMMARY_TASKS);
    const trainings = r.trainings.slice(0, SUMMARY_TRAININGS);
    const advice = (r.notices || []).filter((n) => n.code !== 'advice');
    append(box, [
      h('p', { class: 'print-brand' }, t('siteTitle')),
      h('h2', { id: 'summary-title' }, t('sumTitle')),
      h('p', {}, t('sumDate', { date: date(new Date()) })),
      p.archetype?.label ? h('p', {}, h('strong', {}, t('youAre', { label: p.archetype.label }))) : null,
      h('h3', {}, t('sumTasks')),
      h(
        'ol',
        { class: 'print-tasks' },
        tasks.map((task) => {
          const step = this.nextStep(task);
          const reqs = (task.requirements || []).map((x) => x.text).filter(Boolean);
          return h(
            'li',
            {},
            this.nl('strong', {}, task.title),
            ' – ',
            this.nl('span', {}, task.organisation?.name || ''),
            h('br'),
            [this.where(task.wijk, task.distance_km, task.remote), this.when(task.schedule), this.hours(task)].filter(Boolean).join(' · '),
            reqs.length ? [h('br'), `${reqs.length === 1 ? t('requirement') : t('requirements')}: ${reqs.map(localiseText).join('; ')}`] : null,
            task.reasons?.length ? [h('br'), `${t('sumWhy')}: ${task.reasons.slice(0, 3).map((x) => localiseText(x.text)).join('; ')}`] : null,
            step ? [h('br'), h('span', { class: 'print-next' }, `${t('nextStep')}: ${step.kind === 'site' ? `${step.text} (${step.href})` : step.kind === 'mail' ? `${step.text} (${task.contact?.email})` : step.text}`)] : null,
            task.contact?.email && step?.kind === 'call' ? ` · ${task.contact.email}` : null,
          );
        }),
      ),
      tasks.length ? h('p', { class: 'print-say' }, `${t('sayLabel')} `, h('span', { lang: lang() === 'en' ? 'nl' : null }, `“${t('sayText', { task: '…naam van de taak…' })}”`)) : null,
      trainings.length ? h('h3', {}, t('sumTrainings')) : null,
      trainings.length
        ? h(
            'ul',
            {},
            trainings.map((tr) =>
              h(
                'li',
                {},
                this.nl('strong', {}, tr.title),
                ` – ${[this.where(tr.wijk, tr.distance_km, false, tr.online), tr.next_session ? date(tr.next_session.start) : null, tr.cost_eur ? eur(tr.cost_eur) : t('free')].filter(Boolean).join(' · ')}`,
              ),
            ),
          )
        : null,
      advice.length ? h('div', { class: 'print-notices' }, advice.map((n) => h('p', {}, localiseText(n.text)))) : null,
      h('h3', {}, t('sumHelp')),
      h(
        'p',
        {},
        t('spText'),
        ' ',
        sp ? [sp.name || 'Servicepunt XL', sp.address?.street ? `, ${sp.address.street}` : '', sp.address?.city ? `, ${sp.address.city}` : '', '. '] : null,
        sp?.phone ? t('spPhone', { phone: sp.phone }) : null,
      ),
      h('p', { class: 'print-footer' }, t('sumFooter')),
    ]);
  }
}

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PART_ORDER = ['morning', 'afternoon', 'evening'];
function slotOrder(a, b) {
  const [da, pa] = a.split('-');
  const [db, pb] = b.split('-');
  return DAY_ORDER.indexOf(da) - DAY_ORDER.indexOf(db) || PART_ORDER.indexOf(pa) - PART_ORDER.indexOf(pb);
}

/** "a, b en c" / "a, b and c" */
export function listJoin(items) {
  if (items.length <= 1) return items.join('');
  const and = lang() === 'en' ? 'and' : 'en';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
