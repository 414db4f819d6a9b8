// The result view: archetype, Kennen-Kunnen-Willen-Zijn chart with its text alternative,
// notices, filters that re-rank through POST /v1/matches (the answers are not asked
// again), task cards and training cards.
import { h, svg, append, clear, uid, announce } from './dom.js';
import { t, num, money, date, lang } from './i18n.js';
import { postMatches } from './api.js';
import { slotTable } from './questionnaire.js';

const DIMS = ['kennen', 'kunnen', 'willen', 'zijn'];
const RADII = [1, 2, 3, 5, 8, 12, 15];
const HOURS = [1, 2, 4, 8, 16];

export class Results {
  /**
   * @param {HTMLElement} root
   * @param {object} ctx { mode: 'resident'|'desk', persona, taxonomies, grid, onRestart, onEdit,
   *                       deskPanels(results) → Element[] (desk only), onMatched(resp) }
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.persona = ctx.persona;
    this.overrides = {};
    this.response = null;
    this.seq = 0;
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
      limit: { tasks: desk ? 15 : 10, trainings: 5 },
      lang: lang(),
      explain: desk,
    };
    if (Object.keys(this.overrides).length) body.overrides = this.overrides;
    return body;
  }

  /** First render: the whole view, then the lists once the match arrives. */
  async show() {
    this.render();
    await this.rematch(false);
  }

  async rematch(announceIt = true) {
    const seq = ++this.seq;
    this.lists.setAttribute('aria-busy', 'true');
    if (announceIt) announce(t('updating'));
    try {
      const resp = await postMatches(this.request());
      if (seq !== this.seq) return;
      this.response = resp;
      this.renderLists();
      if (announceIt) announce(t('updated', { tasks: resp.tasks.length, trainings: resp.trainings.length }));
      this.ctx.onMatched?.(resp, this);
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
    const view = h('div', { class: 'result-view', id: 'result-view' });
    append(view, [
      h('h1', { class: 'utrecht-heading-1', id: headingId, tabindex: '-1' }, t('resultTitle')),
      this.ctx.deskTop ? this.ctx.deskTop() : null,
      this.renderArchetype(p),
      this.renderKkwz(p),
    ]);
    this.noticesBox = h('section', { class: 'notices', 'aria-labelledby': 'notices-title' });
    view.append(this.noticesBox);
    view.append(this.renderFilters());
    this.lists = h('div', { class: 'result-lists', id: 'result-lists' });
    view.append(this.lists);
    if (this.ctx.deskPanels) view.append(...this.ctx.deskPanels(this));
    view.append(
      h(
        'div',
        { class: 'result-actions no-print' },
        h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'edit-answers', onclick: () => this.ctx.onEdit() }, t('changeAnswers')),
        h('button', { type: 'button', class: 'denhaag-button denhaag-button--secondary-action', id: 'restart', onclick: () => this.ctx.onRestart() }, t('again')),
      ),
    );
    clear(this.root).append(view);
    this.view = view;
    document.getElementById(headingId).focus();
    window.scrollTo(0, 0);
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
              h('dd', {}, ex[d] || ''),
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
        notices.map((n) => h('li', { class: `notice notice--${n.code}`, dataset: { code: n.code } }, n.text)),
      ),
    );
  }

  // ---------------------------------------------------------------- filters

  renderFilters() {
    const p = this.persona;
    const desk = this.ctx.mode === 'desk';
    const radius = p.travel?.radius_km ?? 3;
    const radii = [...new Set([...RADII, radius])].sort((a, b) => a - b);
    const slots = new Set(p.availability?.slots || []);
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
          h('option', { value: '' }, t('hoursAny', { n: num(p.availability?.hours_per_week ?? 2) })),
          HOURS.map((n) => h('option', { value: n }, t('hoursOpt', { n }))),
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
                h('input', { type: 'checkbox', class: 'utrecht-checkbox utrecht-checkbox--html-input', name: 'f-category', value: c.id }),
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
          h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', type: 'search', id: ids.q, name: 'q', 'aria-describedby': ids.qHelp }),
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
              const fresh = this.renderFilters();
              old.replaceWith(fresh);
              this.overrides = {};
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
      const ov = this.readFilters(form);
      if (!ov) return;
      this.showDays?.(ov.slots);
      this.overrides = ov;
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
    this.lists.append(
      h(
        'section',
        { class: 'task-section', 'aria-labelledby': tasksId },
        h('h2', { class: 'utrecht-heading-2', id: tasksId }, t('tasksTitle')),
        r.tasks.length
          ? h('p', { class: 'utrecht-paragraph result-count', id: 'task-count' }, t('tasksCount', { shown: r.tasks.length, total: Math.max(r.feasible_tasks ?? r.tasks.length, r.tasks.length) }))
          : h('p', { class: 'utrecht-paragraph empty', id: 'task-count' }, t('noTasks')),
        h('ol', { class: 'cards', id: 'task-list' }, r.tasks.map((task) => this.taskCard(task))),
      ),
      h(
        'section',
        { class: 'training-section', 'aria-labelledby': trainingsId },
        h('h2', { class: 'utrecht-heading-2', id: trainingsId }, t('trainingsTitle')),
        r.trainings.length ? null : h('p', { class: 'utrecht-paragraph empty' }, t('noTrainings')),
        h('ol', { class: 'cards', id: 'training-list' }, r.trainings.map((tr) => this.trainingCard(tr))),
      ),
    );
  }

  where(wijk, distance, remote, online) {
    if (remote || online) return t(remote ? 'remote' : 'online');
    const parts = [];
    if (wijk) parts.push(wijk);
    if (distance !== null && distance !== undefined) parts.push(t('km', { n: num(distance) }));
    return parts.join(' · ');
  }

  when(schedule) {
    const s = schedule || {};
    const slots = (s.slots || []).map((x) => this.slotLabel(x));
    const parts = [];
    if (s.on_call) parts.push(t('onCall'));
    else if (!slots.length || s.flexible) parts.push(t('anyTime'));
    if (slots.length && !s.on_call) parts.unshift(listJoin(slots));
    if (s.frequency) parts.push(t(`freq_${s.frequency}`));
    return parts.join(' · ');
  }

  hours(task) {
    const s = task.schedule || {};
    const parts = [t('perWeek', { n: num(task.hours_per_week ?? s.hours_per_week ?? 0) })];
    if (s.hours_per_session && s.frequency !== 'weekly') parts.push(t('perSession', { n: num(s.hours_per_session) }));
    return parts.join(' · ');
  }

  gets(task) {
    const out = [];
    const a = task.allowance || { kind: 'none' };
    if (a.kind === 'volunteer_allowance' && a.per_hour_eur) out.push(t('allowancePerHour', { n: money(a.per_hour_eur) }));
    else if (!(a.kind === 'none' && task.allowance_check?.text)) out.push(t(`allowance_${a.kind}`));
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
    const items = [h('span', { class: 'contact-name' }, c.name)];
    if (c.phone) items.push(h('a', { class: 'denhaag-link contact-link', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, 'aria-label': t('phone', { name: c.name, phone: c.phone }) }, c.phone));
    if (c.email) items.push(h('a', { class: 'denhaag-link contact-link', href: `mailto:${c.email}`, 'aria-label': t('email', { name: c.name, email: c.email }) }, c.email));
    return items;
  }

  fact(label, ...value) {
    const v = value.flat().filter((x) => x !== null && x !== undefined && x !== '');
    if (!v.length) return null;
    return h('div', { class: 'fact' }, h('dt', {}, label), h('dd', {}, v));
  }

  reasons(list, headingId) {
    if (!list?.length) return null;
    return [
      h('p', { class: 'reasons-title', id: headingId }, t('whyFits')),
      h('ul', { class: 'reasons', 'aria-labelledby': headingId }, list.map((r) => h('li', { dataset: { code: r.code } }, r.text))),
    ];
  }

  taskCard(task) {
    const titleId = uid('task');
    const gets = this.gets(task);
    const check = task.allowance_check?.text;
    return h(
      'li',
      { class: 'card task-card', dataset: { taskId: task.id } },
      h(
        'article',
        { 'aria-labelledby': titleId },
        h('h3', { class: 'utrecht-heading-3 card-title', id: titleId }, task.title),
        h('p', { class: 'card-org' }, task.organisation?.name || ''),
        task.description ? h('p', { class: 'utrecht-paragraph card-desc' }, task.description) : null,
        h(
          'dl',
          { class: 'facts' },
          this.fact(t('where'), this.where(task.wijk, task.distance_km, task.remote)),
          this.fact(t('when'), this.when(task.schedule)),
          this.fact(t('hoursLabel'), this.hours(task)),
          this.fact(
            t('whatYouGet'),
            h('ul', { class: 'gets' }, gets.map((g) => h('li', {}, g))),
            check ? h('p', { class: 'allowance-check' }, check) : null,
          ),
          this.fact(t('contact'), this.contact(task.contact)),
        ),
        this.reasons(task.reasons, `${titleId}-why`),
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
        h('h3', { class: 'utrecht-heading-3 card-title', id: titleId }, tr.title),
        h('p', { class: 'card-org' }, `${t('provider')}: ${tr.provider || tr.organisation?.name || ''}`),
        tr.description ? h('p', { class: 'utrecht-paragraph card-desc' }, tr.description) : null,
        h(
          'dl',
          { class: 'facts' },
          this.fact(t('where'), this.where(tr.wijk, tr.distance_km, false, tr.online)),
          this.fact(t('when'), tr.slots?.length ? listJoin(tr.slots.map((s) => this.slotLabel(s))) : null),
          this.fact(t('nextSession'), tr.next_session ? date(tr.next_session.start, true) : null),
          this.fact(t('duration'), tr.duration_hours ? t('durationHours', { n: num(tr.duration_hours) }) : null),
          this.fact(t('cost'), tr.cost_eur ? t('costEur', { n: money(tr.cost_eur) }) : t('free')),
          this.fact(t('whatYouGet'), gets.length ? h('ul', { class: 'gets' }, gets.map((g) => h('li', {}, g))) : null),
          this.fact(t('contact'), this.contact(tr.contact)),
        ),
        this.reasons(tr.reasons, `${titleId}-why`),
      ),
    );
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
