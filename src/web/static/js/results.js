// The result view. For a resident: the best tasks first, each with one clear next step
// (call, mail or the organisation's web page, and what to say; for a task with its own page
// the link to it, counted as a click-through) and "Ik wil dit proberen" (respond.js), "Toon meer taken", the
// filters, the notices, the persona and the Kennen-Kunnen-Willen-Zijn profile in words,
// the courses, Servicepunt XL, and a one-page summary to print or save as PDF. At the desk:
// the persona and the profile as a chart with its text alternative first, then the lists.
// Filters re-rank through POST /v1/matches (the answers are not asked again).
import { h, svg, append, clear, uid, announce } from './dom.js';
import { t, tn, num, date, lang, hoursText, eur, localiseText } from './i18n.js';
import { postMatches, sendClickThrough, ApiError } from './api.js';
import { respondBlock } from './respond.js';
import { slotTable } from './questionnaire.js';
import { slotOrder, listJoin, loadData, gloss, phoneNode, emailNodes, withNode } from './common.js';

const DIMS = ['kennen', 'kunnen', 'willen', 'zijn'];

/** Reasons about the resident's own moments and rhythm: untrue for tasks at other times. */
const TIME_REASONS = new Set(['slot', 'on_call', 'by_agreement', 'commitment']);

/** A reason for the desk's search word: `search` (newer API) or `text`. */
export function isSearchReason(r) {
  return r?.code === 'search' || r?.code === 'text';
}

/** Fewer tasks than this fit: say so, and point to Servicepunt XL. */
const FEW_TASKS = 8;

/** A number from the API, or null when the field is absent (not answered: no limit). */
function numberOrNull(v) {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** True when no answer fed this Kennen-Kunnen-Willen-Zijn part (persona.unknown). */
export function isUnknown(persona, dim) {
  const u = persona?.unknown;
  return Array.isArray(u) && (u.includes(`kkwz.${dim}`) || u.includes(dim));
}

/**
 * The text for one part of the profile: for a part nobody asked about, the API's text when
 * it says it is not known, else the page's own "Dit weten we nog niet"; for the rest the
 * API's explanation (or null).
 */
export function dimText(persona, dim) {
  const ex = persona?.kkwz_explanation?.[dim];
  if (isUnknown(persona, dim)) {
    return ex && /weten we (nog )?niet|niet bekend|nog niet gevraagd|not (yet )?know|don.t know|unknown|not asked/i.test(ex) ? localiseText(ex) : t('dimUnknown');
  }
  return ex ? localiseText(ex) : null;
}
const RADII = [1, 2, 3, 5, 8, 12, 15];
const HOURS = [1, 2, 4, 8, 16];
const FIRST_TASKS = 10;
const MORE_TASKS = 10;
const MAX_TASKS = 50; // the API's limit.tasks
const SUMMARY_TASKS = 5;
const SUMMARY_TRAININGS = 3;

export class Results {
  /**
   * @param {HTMLElement} root
   * @param {object} ctx { mode: 'resident'|'desk', persona, taxonomies, grid, onRestart, onEdit,
   *   focus (move focus to the heading), overrides and taskLimit (kept from before a reload),
   *   onSave() (the filters or the list length changed), wipe() → Element,
   *   deskTop(), deskPanels(results) → Element[] (desk only), onMatched(resp),
   *   storedScanId() → the desk's stored scan of this persona, or null }
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.persona = ctx.persona;
    this.overrides = ctx.overrides && typeof ctx.overrides === 'object' ? { ...ctx.overrides } : {};
    this.taskLimit = Math.min(MAX_TASKS, Math.max(FIRST_TASKS, Number(ctx.taskLimit) || FIRST_TASKS));
    this.response = null;
    this.seq = 0;
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

  /**
   * At the desk a stored scan is matched by its id (the API takes one of scan_id, persona
   * or answers), so that what is kept with it reaches the desk: a course the academy
   * announced near the resident (notice `course_nearby`). The desk stores the scan again
   * whenever the answers change and erases the one before, and a scan opened by its number
   * is shown with its own persona, so the stored scan always holds the persona shown here.
   * Without a stored scan (or once it is erased, or when the API no longer knows it):
   * the persona.
   */
  request() {
    const desk = this.ctx.mode === 'desk';
    const scanId = desk && !this.byPersona ? this.ctx.storedScanId?.() || null : null;
    const body = {
      ...(scanId ? { scan_id: scanId } : { persona: this.persona }),
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
    const [, servicepunt] = await Promise.all([loadData('glossary'), loadData('servicepunt')]);
    this.servicepunt = servicepunt;
    this.renderServicepunt();
    await this.rematch(false);
  }

  async rematch(announceIt = true, after = null) {
    const seq = ++this.seq;
    this.lists.setAttribute('aria-busy', 'true');
    if (announceIt) announce(t('updating'));
    try {
      let req = this.request();
      let resp;
      try {
        resp = await postMatches(req);
      } catch (e) {
        // The stored scan is gone (erased elsewhere, or past its date): the persona shown.
        if (!req.scan_id || !(e instanceof ApiError) || (e.status !== 404 && e.status !== 410)) throw e;
        this.byPersona = true;
        req = this.request();
        resp = await postMatches(req);
      }
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
      // At the desk the tasks start high: the profile folds open on demand, and on a wide
      // screen the what-if sits beside the tasks.
      append(view, [
        this.ctx.deskTop ? this.ctx.deskTop() : null,
        h(
          'div',
          { class: 'desk-grid' },
          h('div', { class: 'desk-main' }, this.lists, this.noticesBox),
          h(
            'div',
            { class: 'desk-side' },
            this.renderArchetype(p),
            h('details', { class: 'kkwz-details no-print', id: 'kkwz-details' }, h('summary', {}, t('desk_profileShow')), this.renderKkwz(p)),
            this.renderFilters(),
          ),
        ),
        this.trainingsBox,
      ]);
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

  /** "Jij bent De Verbinder": only when the API could say so (too few answers: no archetype). */
  renderArchetype(p) {
    const a = p.archetype;
    if (!a?.label) return null;
    return h(
      'section',
      { class: 'archetype', 'aria-labelledby': 'archetype-title' },
      h('h2', { class: 'utrecht-heading-2', id: 'archetype-title' }, t('youAre', { label: a.label })),
      a.description ? h('p', { class: 'utrecht-paragraph archetype-text' }, a.description) : null,
    );
  }

  /** For residents: the profile in words, no marks out of 100; what was not asked is not described. */
  renderProfileWords(p) {
    const k = p.kkwz || {};
    const band = (v) => {
      const x = Number(v ?? 50);
      if (x < 35) return 'Low';
      if (x > 65) return 'High';
      return 'Mid';
    };
    // Several parts nobody asked about: one line for all of them, not the same text four times.
    const unknown = DIMS.filter((d) => isUnknown(p, d));
    const grouped = unknown.length >= 2;
    const rows = DIMS.filter((d) => !grouped || !unknown.includes(d)).map((d) =>
      h(
        'div',
        { class: `kkwz-row${isUnknown(p, d) ? ' kkwz-row--unknown' : ''}`, dataset: { dim: d } },
        h('dt', {}, t(d), h('span', { class: 'kkwz-sub' }, ` (${t(`${d}Sub`)})`)),
        h('dd', {}, dimText(p, d) || t(`${d}${band(k[d])}`)),
      ),
    );
    if (grouped) {
      rows.push(
        h(
          'div',
          { class: 'kkwz-row kkwz-row--unknown', id: 'kkwz-unknown', dataset: { dim: unknown.join(' ') } },
          h('dt', {}, listJoin(unknown.map((d) => t(d)))),
          h('dd', {}, t('dimUnknownMany')),
        ),
      );
    }
    return h(
      'section',
      { class: 'kkwz kkwz--words', 'aria-labelledby': 'kkwz-title' },
      h('h2', { class: 'utrecht-heading-2', id: 'kkwz-title' }, t('kkwzTitle')),
      h('p', { class: 'utrecht-paragraph' }, t('kkwzWordsIntro')),
      h('dl', { class: 'kkwz-text' }, rows),
    );
  }

  /** At the desk: the profile as a bar chart with its text alternative and the numbers. */
  renderKkwz(p) {
    const k = p.kkwz || {};
    const ex = p.kkwz_explanation || {};
    const titleId = uid('kkwz-svg');
    const items = DIMS.map((d) => (isUnknown(p, d) ? `${t(d)}: ${t('notAsked')}` : t('kkwzOutOf', { name: t(d), value: Math.round(k[d] ?? 50) }))).join(', ');
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
        const y = i * rowH;
        const label = svg('text', { x: 0, y: y + 25, class: 'kkwz-label', fill: '#2e2e2e' }, t(d));
        const frame = svg('rect', { x: labelW, y: y + 10, width: barW, height: 20, rx: 3, fill: '#f2f2f2', stroke: '#7a7a7a', 'stroke-width': 1 });
        // Not asked: an empty bar that says so, not a middle value that looks like an answer.
        if (isUnknown(p, d)) {
          return svg('g', { 'aria-hidden': 'true' }, label, frame, svg('text', { x: labelW + 8, y: y + 25, class: 'kkwz-value kkwz-value--unknown', fill: '#2e2e2e' }, t('notAsked')));
        }
        const v = Math.max(0, Math.min(100, Number(k[d] ?? 50)));
        return svg(
          'g',
          { 'aria-hidden': 'true' },
          label,
          frame,
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
              h('dt', {}, `${t(d)}: ${isUnknown(p, d) ? t('notAsked') : `${Math.round(k[d] ?? 50)} / 100`}`, h('span', { class: 'kkwz-sub' }, ` (${t(`${d}Sub`)})`)),
              h('dd', {}, dimText(p, d) || (ex[d] ? localiseText(ex[d]) : '')),
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
            h('a', { class: 'denhaag-button denhaag-button--secondary-action action-link', href: phoneHref, id: 'servicepunt-phone' }, h('span', { class: 'action-text' }, withNode(t('spPhone'), 'phone', phoneNode(sp.phone)))),
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
    // What the resident answered; nothing answered means no limit, and the boxes say so.
    const answered = numberOrNull(p.travel?.radius_km);
    const ownHours = numberOrNull(p.availability?.hours_per_week);
    const radius = numberOrNull(ov.radius_km) ?? answered;
    const radii = [...new Set([...RADII, answered, radius].filter((x) => x !== null))].sort((a, b) => a - b);
    const hours = numberOrNull(ov.hours_per_week) ?? ownHours;
    const hourChoices = [...new Set([...HOURS, ownHours, hours].filter((x) => x !== null))].sort((a, b) => a - b);
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
          answered === null ? h('option', { value: '', selected: radius === null }, t('noLimitUnanswered')) : null,
          radii.map((r) =>
            h('option', { value: r, selected: r === radius }, r === answered ? t('ownAnswer', { v: t('radiusKm', { n: num(r) }) }) : t('radiusKm', { n: num(r) })),
          ),
        ),
      ),
      h(
        'div',
        { class: 'utrecht-form-field filter-field' },
        h('label', { class: 'utrecht-form-label', for: ids.hours }, t('hours')),
        h(
          'select',
          { class: 'select', id: ids.hours, name: 'hours' },
          ownHours === null ? h('option', { value: '', selected: hours === null }, t('noLimitUnanswered')) : null,
          hourChoices.map((n) =>
            // The label says "per week": the options are short enough for a phone.
            h('option', { value: n, selected: n === hours }, n === ownHours ? t('ownAnswer', { v: hoursText(n) }) : hoursText(n)),
          ),
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
    // Only what the user picked is sent: an empty box (no limit) or the resident's own answer
    // changes nothing.
    const radius = form.querySelector('#f-radius').value;
    if (radius !== '' && Number(radius) !== numberOrNull(this.persona.travel?.radius_km)) ov.radius_km = Number(radius);
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
    if (hours !== '' && Number(hours) !== numberOrNull(this.persona.availability?.hours_per_week)) ov.hours_per_week = Number(hours);
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
        this.resident && r.tasks.length && total < FEW_TASKS ? this.fewTasks(total) : null,
        h('ol', { class: 'cards', id: 'task-list' }, r.tasks.map((task) => this.taskCard(task, { matchId: r.match_id }))),
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
        this.resident ? this.renderOtherTimes(r) : null,
      ),
    );
    const groups = this.trainingGroups(r.trainings);
    this.trainingOrder = groups.flatMap((g) => g.items);
    clear(this.trainingsBox).append(
      h(
        'section',
        { class: 'training-section', 'aria-labelledby': trainingsId },
        h('h2', { class: 'utrecht-heading-2', id: trainingsId }, t('trainingsTitle')),
        r.trainings.length ? null : h('p', { class: 'utrecht-paragraph empty', id: 'no-trainings' }, this.learningGoals().length ? t('noTrainingsGoals') : this.wantsNothingToLearn() ? t('noTrainingsNothing') : t('noTrainings')),
        // "Nu even niets", yet a course is shown: it is there because a task needs it.
        r.trainings.length && this.wantsNothingToLearn() ? h('p', { class: 'utrecht-paragraph', id: 'trainings-for-tasks' }, t('trainingsForTasks')) : null,
        h(
          'ol',
          { class: 'cards', id: 'training-list' },
          groups.map((g) => (g.items.length > 1 ? this.trainingGroup(g) : this.trainingCard(g.items[0]))),
        ),
      ),
    );
    if (this.resident) this.renderSummary();
  }

  /** "Er zijn nu maar 3 taken …": few tasks fit, so Servicepunt XL looks further with you. */
  fewTasks(n) {
    const sp = this.servicepunt;
    const en = lang() === 'en';
    const place = sp ? [sp.name || 'Servicepunt XL', sp.address?.street].filter(Boolean).join(', ') : null;
    return h(
      'div',
      { class: 'few-tasks', id: 'few-tasks' },
      h('p', { class: 'utrecht-paragraph few-tasks-text' }, tn('fewTasks', n)),
      sp
        ? h(
            'p',
            { class: 'utrecht-paragraph few-tasks-contact' },
            place ? [h('span', { lang: en ? 'nl' : null }, place), '. '] : null,
            sp.phone ? withNode(t('spPhone'), 'phone', phoneNode(sp.phone)) : null,
            sp.phone ? '.' : null,
          )
        : null,
    );
  }

  /** The resident chose "Nu even niets" at the learning goals (needs.no_training). */
  wantsNothingToLearn() {
    const goals = Array.isArray(this.persona.learning_goals) ? this.persona.learning_goals : [];
    return (this.persona.needs?.no_training === true || goals.includes('nu-even-niets')) && this.learningGoals().length === 0;
  }

  /** The resident's own learning goals ("Nu even niets" is not a goal). */
  learningGoals() {
    return (Array.isArray(this.persona.learning_goals) ? this.persona.learning_goals : []).filter((x) => x && x !== 'nu-even-niets');
  }

  /** The task a course is needed for ("Nodig voor: …"), or null. */
  neededFor(tr) {
    const r = (tr.reasons || []).find((x) => x.code === 'training_needed');
    if (!r?.text) return null;
    const i = r.text.indexOf(': ');
    return i > 0 ? r.text.slice(i + 2).trim() : null;
  }

  /**
   * Courses in the order of the API, where several are needed for the same task put together
   * under that task (at the place of the first one).
   */
  trainingGroups(trainings) {
    const groups = [];
    const byTask = new Map();
    for (const tr of trainings) {
      const task = this.neededFor(tr);
      if (task && byTask.has(task)) {
        byTask.get(task).items.push(tr);
        continue;
      }
      const g = { task, items: [tr] };
      if (task) byTask.set(task, g);
      groups.push(g);
    }
    return groups;
  }

  /** "Voor ‘Soep koken’ heb je één van deze cursussen nodig", then the courses. */
  trainingGroup(g) {
    const headingId = uid('training-group');
    const topics = g.items.map((tr) => new Set(tr.topics || []));
    const shared = [...topics[0]].some((x) => topics.every((set) => set.has(x)));
    const heading = withNode(t(shared ? 'groupOneOf' : 'groupAll'), 'task', this.nl('span', {}, `‘${g.task}’`));
    return h(
      'li',
      { class: 'training-group', dataset: { task: g.task } },
      h(
        'section',
        { 'aria-labelledby': headingId },
        h('h3', { class: 'utrecht-heading-3 training-group-title', id: headingId }, heading),
        h('ol', { class: 'cards' }, g.items.map((tr) => this.trainingCard(tr, 4))),
      ),
    );
  }

  /** The resident's own interests (ids) and how they read ("eten en koken"). */
  ownInterests() {
    const ids = Object.entries(this.persona.interests || {})
      .filter(([, v]) => Number(v) > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k]) => k);
    const label = (id) => {
      const s = this.categoryLabel(id);
      return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
    };
    return { ids, words: listJoin(ids.slice(0, 3).map(label)) };
  }

  /**
   * When fewer than 3 tasks fit the resident's own interests: a button that looks for tasks
   * about those interests at other moments, shown apart ("Op andere momenten").
   */
  renderOtherTimes(r) {
    const { ids, words } = this.ownInterests();
    if (!ids.length) return null;
    const fitting = r.tasks.filter((task) => (task.categories || []).some((c) => ids.includes(c)));
    if (fitting.length >= 3) return null;
    const allSlots = (this.ctx.taxonomies?.slots || []).map((x) => x.id);
    if (!allSlots.length) return null;
    const box = h('div', { class: 'other-times no-print', id: 'other-times' });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'denhaag-button denhaag-button--secondary-action',
        id: 'other-times-button',
        onclick: async () => {
          button.disabled = true;
          const shown = new Set(r.tasks.map((x) => x.id));
          try {
            const resp = await postMatches({
              persona: this.persona,
              limit: { tasks: 10, trainings: 0 },
              lang: lang(),
              overrides: { ...this.overrides, slots: allSlots, categories: ids },
            });
            const more = (resp.tasks || []).filter((x) => !shown.has(x.id));
            const headingId = 'other-times-title';
            button.remove();
            box.append(
              h(
                'section',
                { class: 'other-times-section', 'aria-labelledby': headingId },
                h('h3', { class: 'utrecht-heading-3', id: headingId, tabindex: '-1' }, t('otherTimesTitle')),
                h('p', { class: 'utrecht-paragraph' }, more.length ? t('otherTimesIntro', { topic: words }) : t('otherTimesNone', { topic: words })),
                more.length ? h('ol', { class: 'cards', id: 'other-times-list' }, more.map((task) => this.taskCard(task, { otherTimes: true, matchId: resp.match_id }))) : null,
              ),
            );
            box.querySelector(`#${headingId}`)?.focus();
            announce(more.length ? t('otherTimesLoaded', { n: more.length }) : t('otherTimesNone', { topic: words }));
          } catch {
            button.disabled = false;
            announce(t('submitError'));
          }
        },
      },
      t('otherTimesButton', { topic: words }),
    );
    box.append(button);
    return box;
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
    // Flexible with usual moments: those moments, and that the times are agreed together.
    if (s.flexible && slots.length) return t('usuallySlots', { slots: listJoin(slots) });
    if (!slots.length) return t('anyTime');
    return listJoin(slots);
  }

  /**
   * When a task runs, if not all year: "van juni tot oktober 2027" (a start still to come and
   * an end), "tot en met mei 2027" (only an end), "vanaf 4 juni 2027" (only a start still to
   * come). Null for a one-off (its date is in "Wanneer") or a task that simply goes on.
   */
  season(schedule) {
    const s = schedule || {};
    if (s.frequency === 'once') return null;
    const day = (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v || ''));
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
    };
    const start = day(s.start);
    const end = day(s.end);
    const now = new Date();
    const future = start && start > now ? start : null;
    if (end && end < now) return null;
    const fmt = (d, opts) => new Intl.DateTimeFormat(lang() === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', ...opts }).format(d);
    const monthYear = (d) => fmt(d, { month: 'long', year: 'numeric' });
    if (future && end) {
      const sameYear = future.getUTCFullYear() === end.getUTCFullYear();
      if (sameYear && future.getUTCMonth() === end.getUTCMonth()) return t('seasonFromTo', { from: fmt(future, { day: 'numeric', month: 'long' }), to: date(end) });
      return t('seasonFromTo', { from: sameYear ? fmt(future, { month: 'long' }) : monthYear(future), to: monthYear(end) });
    }
    if (end) return t('seasonUntil', { to: monthYear(end) });
    if (future) return t('seasonFrom', { date: date(future) });
    return null;
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

  /** What you get: money, a certificate and (unless `withStart` is false) how you start. */
  gets(task, withStart = true) {
    const out = [];
    const a = task.allowance || { kind: 'none' };
    if (a.kind === 'volunteer_allowance' && a.per_hour_eur) out.push(t('perHourEur', { amount: eur(a.per_hour_eur) }));
    else if (!(a.kind === 'none' && task.allowance_check?.text && !this.resident)) out.push(t(`allowance_${a.kind}`));
    if (task.certificate) out.push(t('certificate'));
    const o = withStart ? task.onboarding || {} : {};
    if (o.buddy) out.push(t('buddy'));
    if (o.training_provided) out.push(t('trainingProvided'));
    return out;
  }

  /** On a card, "Hoe je begint": a first meeting, trying it first (not what you get). */
  startTexts(task) {
    const o = task.onboarding || {};
    return [o.intro_meeting ? t('intro') : null, o.trial_period ? t('trial') : null].filter(Boolean);
  }

  contact(c) {
    if (!c || !c.name) return null;
    const items = [this.nl('span', { class: 'contact-name' }, c.name)];
    if (c.phone) items.push(h('a', { class: 'denhaag-link contact-link', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, 'aria-label': t('phone', { name: c.name, phone: c.phone }) }, phoneNode(c.phone)));
    if (c.email) items.push(h('a', { class: 'denhaag-link contact-link', href: `mailto:${c.email}`, 'aria-label': t('email', { name: c.name, email: c.email }) }, emailNodes(c.email)));
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
    if (task.respond_url) {
      // The task's own page (a vacancy bank) is where the organisation wants responses.
      action = { kind: 'respond', href: task.respond_url, text: t('respondSiteX', { org: task.organisation?.name || '' }) };
      if (c.phone) alt = { href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, text: c.phone, phone: true };
      else if (mailHref) alt = { href: mailHref, text: c.email };
    } else if (c.phone) {
      // On screen the number is a node that never breaks; `text` is the same line as text.
      action = { kind: 'call', href: `tel:${c.phone.replace(/[^\d+]/g, '')}`, text: t('callX', { name, phone: c.phone }), nodes: withNode(t('callX', { name }), 'phone', phoneNode(c.phone)) };
      if (mailHref) alt = { href: mailHref, text: c.email };
    } else if (mailHref) {
      action = { kind: 'mail', href: mailHref, text: t('mailX', { name }) };
      // The address as text too: on a shared computer a mail link may open nothing.
      alt = { text: c.email, plain: true };
    } else if (site) {
      action = { kind: 'site', href: site, text: t('siteX', { org: task.organisation?.name || '' }) };
    }
    if (!action) return null;
    return { ...action, alt, name };
  }

  renderNextStep(task, titleId, matchId = null) {
    const step = this.nextStep(task);
    if (!step) return null;
    const en = lang() === 'en';
    let alt = null;
    if (step.alt?.plain) alt = h('p', { class: 'next-step-alt' }, `${t('mailAddress')} `, h('span', { class: 'contact-link' }, emailNodes(step.alt.text)));
    else if (step.alt?.phone) alt = h('p', { class: 'next-step-alt' }, `${t('orCall')} `, h('a', { class: 'denhaag-link contact-link', href: step.alt.href }, phoneNode(step.alt.text)));
    else if (step.alt) alt = h('p', { class: 'next-step-alt' }, `${t('orMail')} `, h('a', { class: 'denhaag-link contact-link', href: step.alt.href }, emailNodes(step.alt.text)));
    // Following the task's own link is counted (anonymously) before the page goes there.
    const counted = step.kind === 'respond' ? () => sendClickThrough(matchId, task.id) : null;
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
          rel: step.kind === 'site' || step.kind === 'respond' ? 'noopener' : null,
          onclick: counted,
          onauxclick: counted ? (e) => e.button === 1 && counted() : null,
        },
        // One child, so the flex button wraps the line as text (the number stays whole).
        h('span', { class: 'action-text' }, step.nodes || step.text),
      ),
      h(
        'p',
        { class: 'say' },
        h('span', { class: 'say-label' }, step.kind === 'respond' ? t('writeLabel') : t('sayLabel')),
        ' ',
        h('span', { class: 'say-text', lang: en ? 'nl' : null }, `“${t('sayText', { task: task.title })}”`),
        en ? h('span', { class: 'say-meaning' }, ` ${t('sayMeaning')}`) : null,
      ),
      alt,
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

  reasons(list, headingId, { otherTimes = false } = {}) {
    // At other times, reasons about the resident's own moments and rhythm are not true.
    if (otherTimes) list = (list || []).filter((r) => !TIME_REASONS.has(r.code));
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
    // "You gain work experience as kok, gastheer": the job titles are Dutch catalog words.
    if (lang() === 'en' && r.code === 'work_experience') {
      const i = text.indexOf(' as ');
      if (i > 0) return [text.slice(0, i + 4), h('span', { lang: 'nl' }, text.slice(i + 4))];
    }
    return text;
  }

  /** A training topic's label in the page's language ("Hygiëne en voedselveiligheid (HACCP)"). */
  topicLabel(id) {
    const topic = (this.ctx.taxonomies?.training_topics || []).find((x) => x.id === id);
    return topic ? topic[lang()] || topic.nl : id;
  }

  /**
   * What a task needs before you start (required_trainings), as one sentence:
   * "cursus Hygiëne en voedselveiligheid (HACCP). De organisatie regelt dit meestal." Null
   * when nothing is needed.
   */
  neededFirstText(task) {
    const ids = Array.isArray(task.required_trainings) ? task.required_trainings.filter(Boolean) : [];
    if (!ids.length) return null;
    const items = ids.map((id) => t(id === 'vog' ? 'neededDocument' : 'neededCourse', { label: this.topicLabel(id) }));
    return t('neededFirstText', { items: listJoin(items) });
  }

  /**
   * A shown course (in the course list) for a topic a task needs first: one whose `topics`
   * has it, the one the API says is needed for this task first. Null when none is shown.
   */
  courseFor(task, topic) {
    const shown = (this.response?.trainings || []).filter((tr) => (tr.topics || []).includes(topic));
    const forTask = shown.find((tr) => (tr.reasons || []).some((x) => /^training_(needed|useful)$/.test(x.code || '') && String(x.text || '').includes(task.title)));
    return forTask || shown[0] || null;
  }

  /** A course by name, where it is: "HACCP online: veilig werken met voedsel (online)". */
  courseName(tr) {
    const where = tr.online ? t('online').toLowerCase() : tr.wijk || null;
    return [this.nl('span', { class: 'needed-course-title' }, tr.title), where ? [' (', tr.online ? where : this.nl('span', {}, where), ')'] : null];
  }

  /** "Nodig vooraf: …" on a card, the jargon (HACCP, VOG, sociale hygiëne) explained on tap;
   *  for each course topic a course from the list ("Bijvoorbeeld: …") or who says which. */
  neededFirst(task) {
    const text = this.neededFirstText(task);
    if (!text) return null;
    const topics = task.required_trainings.filter((id) => id && id !== 'vog');
    const many = topics.length > 1;
    const courseLine = (id) => {
      const tr = this.courseFor(task, id);
      const label = many ? `${this.topicLabel(id)}: ` : '';
      if (tr) return [label, withNode(t(many ? 'neededCourseExampleLower' : 'neededCourseExample'), 'course', this.courseName(tr))];
      return [label, t(many ? 'neededCourseAskLower' : 'neededCourseAsk')];
    };
    return [
      h(
        'p',
        { class: 'needed-first', dataset: { topics: task.required_trainings.join(' ') } },
        h('span', { class: 'needed-first-label' }, t('neededFirstLabel')),
        ' ',
        this.gloss(text),
      ),
      topics.length === 1 ? h('p', { class: 'needed-course', dataset: { topic: topics[0] } }, courseLine(topics[0])) : null,
      many ? h('ul', { class: 'needed-course needed-course-list' }, topics.map((id) => h('li', { dataset: { topic: id } }, courseLine(id)))) : null,
    ];
  }

  /** The task's requirement texts ("Voorwaarde"), localised. */
  requirementTexts(task) {
    return (Array.isArray(task.requirements) ? task.requirements : []).map((r) => localiseText(r?.text || r?.code || '')).filter(Boolean);
  }

  /** How you start: kennismaking, maatje, training, proefperiode (as listed by the task). */
  onboardingTexts(task) {
    const o = task.onboarding || {};
    return [o.intro_meeting ? t('intro') : null, o.buddy ? t('buddy') : null, o.training_provided ? t('trainingProvided') : null, o.trial_period ? t('trial') : null].filter(Boolean);
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

  /** "Op zondagmiddag — kun je dan toch?" for a task at other moments than the resident's. */
  otherTimesLine(task) {
    const s = task.schedule || {};
    const slots = [...(s.slots || [])].sort(slotOrder).map((x) => this.slotLabel(x));
    let when = null;
    if (s.frequency === 'once' && s.start) when = date(`${String(s.start).slice(0, 10)}T12:00:00Z`) + (slots.length ? ` (${listJoin(slots)})` : '');
    else if (slots.length) when = listJoin(slots);
    if (!when) return null;
    return h('p', { class: 'other-times-when' }, t('otherTimesWhen', { when }));
  }

  /**
   * One task card. `matchId` is the match answer that showed it: a response ("Ik wil dit
   * proberen") or a click on the task's own link refers to it.
   */
  taskCard(task, { otherTimes = false, matchId = null } = {}) {
    const titleId = uid('task');
    const gets = this.gets(task);
    const start = this.startTexts(task);
    const check = !this.resident ? task.allowance_check?.text : null;
    const titleDefs = [];
    const title = this.nl('h3', { class: 'utrecht-heading-3 card-title', id: titleId, tabindex: '-1' }, this.gloss(task.title, titleDefs));
    return h(
      'li',
      { class: 'card task-card', dataset: { taskId: task.id } },
      h(
        'article',
        { 'aria-labelledby': titleId },
        title,
        titleDefs,
        this.nl('p', { class: 'card-org' }, task.organisation?.name || ''),
        otherTimes ? this.otherTimesLine(task) : null,
        task.description ? this.nl('p', { class: 'utrecht-paragraph card-desc' }, this.gloss(task.description)) : null,
        this.neededFirst(task),
        this.requirements(task),
        h(
          'dl',
          { class: 'facts' },
          this.fact(t('where'), this.whereNodes(task.wijk, task.distance_km, task.remote)),
          this.fact(t('when'), this.when(task.schedule)),
          this.fact(t('seasonLabel'), this.season(task.schedule), 'fact--season'),
          this.fact(t('hoursLabel'), this.hours(task), 'fact--time'),
          this.fact(
            t('whatYouGet'),
            gets.length ? h('ul', { class: 'gets' }, gets.map((g) => h('li', {}, g))) : null,
            check ? h('p', { class: 'allowance-check' }, localiseText(check)) : null,
          ),
          this.fact(t('compareStart'), start.length ? h('ul', { class: 'gets start' }, start.map((g) => h('li', {}, g))) : null, 'fact--start'),
        ),
        this.reasons(task.reasons, `${titleId}-why`, { otherTimes }),
        this.renderNextStep(task, titleId, matchId),
        // A task with its own page takes responses there (the link above); the rest here.
        task.respond_url ? null : respondBlock({ task, matchId, mode: this.ctx.mode, titleId }),
      ),
    );
  }

  trainingCard(tr, level = 3) {
    const titleId = uid('training');
    const gets = [];
    if (tr.certificate) gets.push(t('certificate'));
    const titleDefs = [];
    return h(
      'li',
      { class: 'card training-card', dataset: { trainingId: tr.id } },
      h(
        'article',
        { 'aria-labelledby': titleId },
        this.nl(`h${level}`, { class: `utrecht-heading-${level} card-title`, id: titleId }, this.gloss(tr.title, titleDefs)),
        titleDefs,
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

  /** Text with the glossary's terms as buttons (see common.js); `defs` for headings. */
  gloss(text, defs = null) {
    return gloss(text, defs);
  }

  // ---------------------------------------------------------------- print summary

  /**
   * The courses for a printout: only those for the printed tasks or for the resident's own
   * learning goals, in the order of the screen (each says why it is there, its first reason).
   */
  printTrainings(tasks, max = SUMMARY_TRAININGS) {
    const r = this.response;
    if (!r) return [];
    const titles = tasks.map((x) => x.title);
    const goals = this.learningGoals().length > 0;
    return (this.trainingOrder || r.trainings)
      .filter((tr) =>
        (tr.reasons || []).some(
          (x) => (goals && x.code === 'learn') || (/^training_(needed|useful)$/.test(x.code || '') && titles.some((title) => String(x.text || '').includes(title))),
        ),
      )
      .slice(0, max);
  }

  /** The one-page summary a resident prints or saves as PDF (hidden on screen). */
  renderSummary() {
    const box = this.summaryBox;
    const r = this.response;
    if (!box || !r) return;
    const p = this.persona;
    const sp = this.servicepunt;
    const en = lang() === 'en';
    clear(box);
    const tasks = r.tasks.slice(0, SUMMARY_TASKS);
    const trainings = this.printTrainings(tasks);
    const advice = (r.notices || []).filter((n) => n.code !== 'advice');
    const placeholder = h('span', { lang: en ? 'en' : null, class: 'say-placeholder' }, t('sayTaskPlaceholder'));
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
          const reqs = this.requirementTexts(task);
          const needed = this.neededFirstText(task);
          return h(
            'li',
            {},
            this.nl('strong', {}, task.title),
            ' – ',
            this.nl('span', {}, task.organisation?.name || ''),
            h('br'),
            [this.where(task.wijk, task.distance_km, task.remote), this.when(task.schedule), this.season(task.schedule), this.hours(task)].filter(Boolean).join(' · '),
            needed ? [h('br'), h('span', { class: 'print-needed' }, `${t('neededFirstLabel')} ${needed}`)] : null,
            reqs.length ? [h('br'), `${reqs.length === 1 ? t('requirement') : t('requirements')}: ${reqs.join('; ')}`] : null,
            task.reasons?.length ? [h('br'), `${t('sumWhy')}: ${task.reasons.slice(0, 3).map((x) => localiseText(x.text)).join('; ')}`] : null,
            step ? [h('br'), h('span', { class: 'print-next' }, `${t('nextStep')}: ${step.kind === 'site' || step.kind === 'respond' ? `${step.text} (${step.href})` : step.kind === 'mail' ? `${step.text} (${task.contact?.email})` : step.text}`)] : null,
            task.contact?.email && step?.kind === 'call' ? ` · ${task.contact.email}` : null,
          );
        }),
      ),
      tasks.length
        ? h(
            'p',
            { class: 'print-say' },
            `${t('sayLabel')} `,
            h('span', { lang: en ? 'nl' : null }, '“', withNode(t('sayText'), 'task', placeholder), '”'),
            en ? ` ${t('sayMeaning')}` : null,
          )
        : null,
      trainings.length ? h('h3', {}, t('sumTrainings')) : null,
      trainings.length
        ? h(
            'ul',
            { class: 'print-courses' },
            trainings.map((tr) =>
              h(
                'li',
                {},
                this.nl('strong', {}, tr.title),
                ` – ${[this.where(tr.wijk, tr.distance_km, false, tr.online), tr.next_session ? date(tr.next_session.start) : null, tr.cost_eur ? eur(tr.cost_eur) : t('free')].filter(Boolean).join(' · ')}`,
                tr.reasons?.length ? [h('br'), h('span', { class: 'print-course-why' }, `${t('sumWhy')}: `, this.reasonText(tr.reasons[0]))] : null,
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

