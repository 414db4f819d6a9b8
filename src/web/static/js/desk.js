// The Servicepunt XL desk view (/balie): the resident's scan plus consent to store it,
// erasing, opening a stored scan, what-if filters (in Results), comparing two tasks with the
// score contributions, job carving and a printable one-page summary.
import { h, append, clear, uid, announce } from './dom.js';
import { t, has, num, date, lang } from './i18n.js';
import { api, listAll, getScan, deleteScan, postCarving, ApiError } from './api.js';
import { personaOf, showResults } from './app.js';
import { listJoin } from './results.js';

export function createDesk() {
  const desk = {
    consent: false,
    stored: null, // {scan_id, expires_at} while a stored scan exists
    orgs: null,

    reset() {
      this.consent = false;
    },

    /** Above the questions: open a stored scan by its number. */
    scanTop(state) {
      const inputId = 'resume-id';
      const errId = 'resume-error';
      const err = h('p', { class: 'utrecht-form-field-error-message', id: errId, hidden: true });
      const input = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input', id: inputId, name: 'scan_id', type: 'text', autocomplete: 'off', spellcheck: 'false' });
      const form = h(
        'form',
        { class: 'resume-form', novalidate: true },
        h('div', { class: 'utrecht-form-field' }, h('label', { class: 'utrecht-form-label', for: inputId }, t('resumeLabel')), err, input),
        h('button', { type: 'submit', class: 'denhaag-button denhaag-button--secondary-action' }, t('resumeButton')),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const id = input.value.trim();
        if (!id) return;
        try {
          const scan = await getScan(id);
          this.stored = { scan_id: scan.scan_id || id, expires_at: scan.expires_at };
          state.scan = scan;
          state.answers = {};
          showResults(state, personaOf(scan));
        } catch (ex) {
          err.textContent = ex instanceof ApiError && ex.status === 404 ? t('resumeNotFound') : t('submitError');
          err.hidden = false;
          input.setAttribute('aria-describedby', errId);
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        }
      });
      return h('details', { class: 'resume no-print' }, h('summary', {}, t('resumeTitle')), form);
    },

    /** On the last step, right above the button: the consent to store the answers. */
    lastStepExtra() {
      const id = 'consent-store';
      const helpId = 'consent-help';
      const box = h('input', {
        type: 'checkbox',
        class: 'utrecht-checkbox utrecht-checkbox--html-input',
        id,
        name: 'store',
        checked: this.consent,
        'aria-describedby': helpId,
      });
      box.addEventListener('change', () => {
        this.consent = box.checked;
      });
      return h(
        'div',
        { class: 'consent' },
        h('label', { class: 'choice choice--checkbox consent-label', for: id }, box, h('span', { class: 'choice-text' }, t('consent'))),
        h('p', { class: 'utrecht-form-field-description', id: helpId }, t('consentHelp')),
      );
    },

    afterScan(state, scan) {
      // Only the latest answers are kept: a scan stored earlier in this visit (before the
      // answers were changed, or before consent was withdrawn) is erased.
      const old = this.stored;
      this.stored = scan.stored && scan.scan_id ? { scan_id: scan.scan_id, expires_at: scan.expires_at } : null;
      if (old && old.scan_id !== this.stored?.scan_id) deleteScan(old.scan_id).catch(() => {});
    },

    /** Right under the result heading: the stored scan's number and the erase button. */
    resultTop() {
      const box = h('div', { class: 'stored-box', id: 'stored-box', role: 'status' });
      this.storedBox = box;
      this.renderStored();
      return box;
    },

    renderStored(message) {
      const box = this.storedBox;
      if (!box) return;
      clear(box);
      if (message) {
        box.append(h('p', { class: 'utrecht-paragraph', id: 'erase-message' }, message));
        return;
      }
      if (!this.stored) {
        box.hidden = true;
        return;
      }
      box.hidden = false;
      // The scan number stands out, so it is easy to copy or read out.
      const [before, after] = t('storedText', {
        id: '\u0000',
        date: this.stored.expires_at ? date(this.stored.expires_at) : '',
      }).split('\u0000');
      box.append(
        h('p', { class: 'stored-title' }, t('storedTitle')),
        h('p', { class: 'utrecht-paragraph' }, before, h('code', { id: 'scan-id' }, this.stored.scan_id), after),
      );
      box.append(
        h(
          'button',
          {
            type: 'button',
            class: 'denhaag-button denhaag-button--secondary-action no-print',
            id: 'erase-scan',
            onclick: async () => {
              try {
                await deleteScan(this.stored.scan_id);
                this.stored = null;
                this.consent = false;
                this.renderStored(t('erased'));
                announce(t('erased'));
                this.refreshPrint?.();
              } catch {
                announce(t('eraseError'));
              }
            },
          },
          t('erase'),
        ),
      );
    },

    panels(state, results) {
      this.results = results;
      this.compareBox = this.renderCompare();
      this.carvingBox = this.renderCarving(state);
      this.printBox = h('section', { class: 'print-summary print-only', id: 'print-summary', 'aria-labelledby': 'print-title' });
      const printBar = h(
        'div',
        { class: 'print-bar no-print' },
        h('button', { type: 'button', class: 'denhaag-button', id: 'print-button', onclick: () => window.print() }, t('printButton')),
      );
      return [this.compareBox, this.carvingBox, printBar, this.printBox];
    },

    onMatched(state, resp, results) {
      this.fillCompare(resp);
      this.refreshPrint = () => this.renderPrint(state, results.persona, resp);
      this.refreshPrint();
    },

    // ------------------------------------------------------------ compare two tasks

    renderCompare() {
      const section = h('section', { class: 'compare no-print', id: 'compare', 'aria-labelledby': 'compare-title' });
      this.cmpA = h('select', { class: 'select', id: 'compare-a' });
      this.cmpB = h('select', { class: 'select', id: 'compare-b' });
      this.cmpOut = h('div', { class: 'compare-out', id: 'compare-out', 'aria-live': 'polite' });
      const form = h(
        'form',
        { class: 'compare-form', novalidate: true },
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'compare-a' }, t('compareA')), this.cmpA),
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'compare-b' }, t('compareB')), this.cmpB),
        h('button', { type: 'submit', class: 'denhaag-button', id: 'compare-button' }, t('compareButton')),
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.compare();
      });
      section.append(h('h2', { class: 'utrecht-heading-2', id: 'compare-title' }, t('compareTitle')), form, this.cmpOut);
      return section;
    },

    fillCompare(resp) {
      this.tasks = resp.tasks;
      for (const [sel, idx] of [
        [this.cmpA, 0],
        [this.cmpB, 1],
      ]) {
        const prev = sel.value;
        clear(sel);
        resp.tasks.forEach((task, i) =>
          sel.append(h('option', { value: task.id }, `${i + 1}. ${task.title} (${task.organisation?.name || ''})`)),
        );
        const keep = resp.tasks.some((x) => x.id === prev);
        sel.value = keep ? prev : resp.tasks[idx]?.id || '';
      }
      clear(this.cmpOut);
    },

    compare() {
      const a = this.tasks.find((x) => x.id === this.cmpA.value);
      const b = this.tasks.find((x) => x.id === this.cmpB.value);
      clear(this.cmpOut);
      if (!a || !b || a === b) {
        this.cmpOut.append(h('p', { class: 'utrecht-form-field-error-message' }, t('compareSame')));
        return;
      }
      const r = this.results;
      const names = [];
      for (const c of [...(a.explain || []), ...(b.explain || [])]) if (!names.includes(c.name)) names.push(c.name);
      const contrib = (task, name) => (task.explain || []).find((c) => c.name === name);
      // Bars are relative to the largest contribution in the table.
      const top = Math.max(0.0001, ...[...(a.explain || []), ...(b.explain || [])].map((c) => c.contribution));
      const bar = (c) => {
        if (!c) return '–';
        const fill = h('span', { class: 'bar-fill' });
        fill.style.width = `${Math.max(0, Math.min(100, (c.contribution / top) * 100))}%`;
        return [
          h('span', { class: 'contrib-num' }, num(c.contribution * 100, 0)),
          h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'contrib-detail' }, ` (${num(c.value, 2)} × ${num(c.weight, 1)})`),
        ];
      };
      const row = (label, fa, fb, cls = '') =>
        h(
          'tr',
          { class: `denhaag-table__row ${cls}` },
          h('th', { scope: 'row', class: 'denhaag-table__heading' }, label),
          h('td', { class: 'denhaag-table__cell' }, fa(a)),
          h('td', { class: 'denhaag-table__cell' }, fb(b)),
        );
      const same = (f) => [f, f];
      const table = h(
        'table',
        { class: 'denhaag-table compare-table', id: 'compare-table' },
        h('caption', { class: 'denhaag-table__caption' }, t('compareCaption')),
        h(
          'thead',
          { class: 'denhaag-table__header' },
          h(
            'tr',
            { class: 'denhaag-table__row' },
            h('th', { scope: 'col', class: 'denhaag-table__heading' }, t('compareFeature')),
            h('th', { scope: 'col', class: 'denhaag-table__heading' }, a.title),
            h('th', { scope: 'col', class: 'denhaag-table__heading' }, b.title),
          ),
        ),
        h(
          'tbody',
          { class: 'denhaag-table__body' },
          row(t('organisation'), ...same((x) => x.organisation?.name || '')),
          row(t('where'), ...same((x) => r.where(x.wijk, x.distance_km, x.remote))),
          row(t('when'), ...same((x) => r.when(x.schedule))),
          row(t('hoursLabel'), ...same((x) => r.hours(x))),
          row(t('whatYouGet'), ...same((x) => r.gets(x).join(', '))),
          row(t('contact'), ...same((x) => [x.contact?.name, x.contact?.phone, x.contact?.email].filter(Boolean).join(' · '))),
          row(t('compareScore'), ...same((x) => `${num(x.score * 100, 0)}`), 'score-row'),
          names.map((n) =>
            row(
              has(`explain_${n}`) ? t(`explain_${n}`) : n,
              (x) => bar(contrib(x, n)),
              (x) => bar(contrib(x, n)),
              'explain-row',
            ),
          ),
          row(t('compareReasons'), ...same((x) => h('ul', { class: 'reasons' }, (x.reasons || []).map((re) => h('li', {}, re.text))))),
        ),
      );
      this.cmpOut.append(h('p', { class: 'utrecht-paragraph compare-note' }, t('compareExplain')), h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('compareCaption') }, table));
    },

    // ------------------------------------------------------------ job carving

    renderCarving(state) {
      const section = h('section', { class: 'carving no-print', id: 'carving', 'aria-labelledby': 'carving-title' });
      const orgSel = h('select', { class: 'select', id: 'carving-org' }, h('option', { value: '' }, t('chooseOrg')));
      const roleSel = h('select', { class: 'select', id: 'carving-role', disabled: true }, h('option', { value: '' }, t('chooseRole')));
      const hoursIn = h('input', { class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric hours-input', id: 'carving-hours', type: 'number', min: '0.5', max: '40', step: '0.5', inputmode: 'decimal', 'aria-describedby': 'carving-hours-help' });
      const out = h('div', { class: 'carving-out', id: 'carving-out', 'aria-live': 'polite' });
      const err = h('p', { class: 'utrecht-form-field-error-message', id: 'carving-error', hidden: true });
      const button = h('button', { type: 'submit', class: 'denhaag-button', id: 'carving-button', disabled: true }, t('carvingButton'));
      const form = h(
        'form',
        { class: 'carving-form', novalidate: true },
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'carving-org' }, t('organisation')), orgSel),
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'carving-role' }, t('role')), roleSel),
        h(
          'div',
          { class: 'utrecht-form-field filter-field' },
          h('label', { class: 'utrecht-form-label', for: 'carving-hours' }, t('maxHours')),
          h('p', { class: 'utrecht-form-field-description', id: 'carving-hours-help' }, t('maxHoursHelp')),
          hoursIn,
        ),
        err,
        button,
      );
      section.append(
        h('h2', { class: 'utrecht-heading-2', id: 'carving-title' }, t('carvingTitle')),
        h('p', { class: 'utrecht-paragraph' }, t('carvingIntro')),
        form,
        out,
      );

      const loadOrgs = async () => {
        if (!this.orgs) {
          const [orgs, roles] = await Promise.all([listAll('/organisations'), listAll('/roles')]);
          const withRoles = new Set(roles.map((r) => r.organisation_id));
          this.orgs = orgs.filter((o) => withRoles.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
        }
        for (const o of this.orgs) orgSel.append(h('option', { value: o.id }, o.wijk ? `${o.name} (${o.wijk})` : o.name));
      };
      loadOrgs().catch(() => {
        err.textContent = t('loadError');
        err.hidden = false;
      });

      orgSel.addEventListener('change', async () => {
        clear(roleSel).append(h('option', { value: '' }, t('chooseRole')));
        roleSel.disabled = true;
        button.disabled = true;
        if (!orgSel.value) return;
        try {
          const page = await api('GET', `/roles?organisation=${encodeURIComponent(orgSel.value)}&limit=100`);
          for (const r of page.items) roleSel.append(h('option', { value: r.id }, r.title));
          roleSel.disabled = page.items.length === 0;
          if (page.items.length === 1) roleSel.value = page.items[0].id;
          button.disabled = !roleSel.value;
        } catch {
          err.textContent = t('loadError');
          err.hidden = false;
        }
      });
      roleSel.addEventListener('change', () => {
        button.disabled = !roleSel.value;
      });
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!roleSel.value) return;
        err.hidden = true;
        const body = { persona: this.results.persona, role_id: roleSel.value, lang: lang() };
        const hrs = Number(hoursIn.value);
        if (hoursIn.value && hrs > 0) body.max_hours_per_week = hrs;
        if (this.results.overrides.slots) body.slots = this.results.overrides.slots;
        out.setAttribute('aria-busy', 'true');
        try {
          const resp = await postCarving(body);
          this.renderProposals(out, resp);
          announce(resp.proposals.length ? t('carvingLoaded', { n: resp.proposals.length }) : t('noProposals'));
        } catch (ex) {
          clear(out);
          err.textContent = ex instanceof ApiError ? ex.errors.map((x) => x.message).join(' ') || ex.message : t('submitError');
          err.hidden = false;
        } finally {
          out.removeAttribute('aria-busy');
        }
      });
      return section;
    },

    renderProposals(out, resp) {
      clear(out);
      const r = this.results;
      if (!resp.proposals.length) {
        out.append(h('p', { class: 'utrecht-paragraph' }, t('noProposals')));
        return;
      }
      const titles = new Map();
      resp.proposals.forEach((p) => p.components.forEach((c) => titles.set(c.id, c.title)));
      out.append(
        h(
          'ol',
          { class: 'proposals' },
          resp.proposals.map((p, i) => {
            const hid = uid('proposal');
            return h(
              'li',
              { class: 'card proposal' },
              h(
                'article',
                { 'aria-labelledby': hid },
                h('h3', { class: 'utrecht-heading-3', id: hid }, `${t('proposal', { n: i + 1 })}: ${t('fit', { n: num(p.fit * 100, 0) })}`),
                h(
                  'p',
                  { class: 'proposal-summary' },
                  [t('perWeek', { n: num(p.hours_per_week) }), p.slots.length ? listJoin(p.slots.map((s) => r.slotLabel(s))) : t('anyTime')].join(' · '),
                ),
                h('p', { class: 'reasons-title' }, t('components')),
                h(
                  'ul',
                  { class: 'components' },
                  p.components.map((c) =>
                    h(
                      'li',
                      {},
                      h('strong', {}, c.title),
                      ` – ${t('perWeek', { n: num(c.hours_per_week) })}`,
                      c.slots.length ? `, ${listJoin(c.slots.map((s) => r.slotLabel(s)))}` : '',
                      `, ${t('fitInline', { n: num(c.fit * 100, 0) })}`,
                      c.essential ? h('span', { class: 'tag' }, t('essential')) : null,
                    ),
                  ),
                ),
                p.reasons.length ? [h('p', { class: 'reasons-title' }, t('whyFits')), h('ul', { class: 'reasons' }, p.reasons.map((x) => h('li', {}, x.text)))] : null,
                p.growth.length
                  ? [
                      h('p', { class: 'reasons-title' }, t('growth')),
                      h(
                        'ul',
                        { class: 'growth' },
                        p.growth.map((g) =>
                          h(
                            'li',
                            {},
                            h('strong', {}, titles.get(g.component) || g.component),
                            ': ',
                            g.stretches.length ? t('stretches', { items: listJoin(g.stretches) }) : '',
                            g.trainings.length ? `. ${t('trainingsFor', { items: listJoin(g.trainings.map((x) => x.title)) })}` : '',
                          ),
                        ),
                      ),
                    ]
                  : null,
                p.uncovered.length
                  ? [
                      h('p', { class: 'reasons-title' }, t('uncovered')),
                      h(
                        'ul',
                        { class: 'uncovered' },
                        p.uncovered.map((u) =>
                          h('li', {}, `${u.title} (${t('perWeek', { n: num(u.hours_per_week) })}): ${u.reason}`, u.essential ? h('span', { class: 'tag' }, t('essential')) : null),
                        ),
                      ),
                    ]
                  : null,
              ),
            );
          }),
        ),
      );
    },

    // ------------------------------------------------------------ print summary

    renderPrint(state, persona, resp) {
      const box = this.printBox;
      if (!box) return;
      clear(box);
      const r = this.results;
      const k = persona.kkwz || {};
      const ex = persona.kkwz_explanation || {};
      append(box, [
        h('p', { class: 'print-brand' }, 'Talent Scan Den Haag · Servicepunt XL'),
        h('h2', { class: 'utrecht-heading-2', id: 'print-title' }, t('printTitle')),
        h('p', { class: 'print-date' }, t('printDate', { date: date(new Date()) })),
        this.stored ? h('p', {}, t('resumeLabel'), ': ', h('code', {}, this.stored.scan_id)) : null,
        h('h3', { class: 'utrecht-heading-3' }, t('printPersona')),
        h('p', {}, h('strong', {}, t('youAre', { label: persona.archetype?.label || '' })), '. ', persona.archetype?.description || ''),
        h(
          'ul',
          { class: 'print-kkwz' },
          ['kennen', 'kunnen', 'willen', 'zijn'].map((d) => h('li', {}, h('strong', {}, `${t(d)} ${Math.round(k[d] ?? 50)}/100: `), ex[d] || '')),
        ),
        h('h3', { class: 'utrecht-heading-3' }, t('printTopTasks')),
        h(
          'ol',
          { class: 'print-tasks' },
          resp.tasks.slice(0, 5).map((task) =>
            h(
              'li',
              {},
              h('strong', {}, task.title),
              ` – ${task.organisation?.name || ''}`,
              h('br'),
              [r.where(task.wijk, task.distance_km, task.remote), r.when(task.schedule), r.hours(task)].filter(Boolean).join(' · '),
              h('br'),
              `${t('contact')}: ${[task.contact?.name, task.contact?.phone, task.contact?.email].filter(Boolean).join(', ')}`,
            ),
          ),
        ),
        resp.trainings.length
          ? [
              h('h3', { class: 'utrecht-heading-3' }, t('printTrainings')),
              h(
                'ol',
                { class: 'print-trainings' },
                resp.trainings.slice(0, 3).map((tr) =>
                  h('li', {}, h('strong', {}, tr.title), ` – ${tr.provider || ''}`, tr.next_session ? ` · ${date(tr.next_session.start)}` : ''),
                ),
              ),
            ]
          : null,
        h('ul', { class: 'print-notices' }, (resp.notices || []).map((n) => h('li', {}, n.text))),
        // The API's advice notice already says it is advice, not a decision.
        (resp.notices || []).some((n) => n.code === 'advice') ? null : h('p', { class: 'print-footer' }, t('printFooter')),
      ]);
    },
  };
  return desk;
}
