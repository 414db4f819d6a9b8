// The Servicepunt XL desk view (/balie): the resident's scan plus consent to store it,
// erasing, opening a stored scan, what-if filters (in Results), comparing two tasks with the
// score contributions, job carving and a printable one-page summary.
//
// Everything the employee reads is the page's own Dutch/English text: API error messages
// (English, for developers) are never shown; they are mapped by their JSON pointer.
import { h, append, clear, uid, announce } from './dom.js';
import { t, tn, has, num, date, lang, hoursText, localiseText } from './i18n.js';
import { api, listAll, getScan, deleteScan, postCarving, ApiError } from './api.js';
import { personaOf, showResults } from './app.js';
import { slotOrder, listJoin, gloss, retentionDays } from './common.js';
import { isUnknown, dimText, isSearchReason } from './results.js';
import { forgetResponses } from './respond.js';

// ------------------------------------------------------------------ small helpers

const HEX32 = /^[0-9a-f]{32}$/;

/**
 * A scan number as typed or pasted: with or without spaces, dashes or dots, any case.
 * 32 hex digits become the canonical 8-4-4-4-12 form the API knows; anything else is
 * returned without its spaces (and then simply not found).
 */
export function normaliseScanId(input) {
  const raw = String(input || '').trim();
  const bare = raw.replace(/[\s\-_.–—]/g, '').toLowerCase();
  if (HEX32.test(bare)) return `${bare.slice(0, 8)}-${bare.slice(8, 12)}-${bare.slice(12, 16)}-${bare.slice(16, 20)}-${bare.slice(20)}`;
  return raw.replace(/\s+/g, '');
}

/** The scan number in blocks of 4 ("1a2b-3c4d-…"), easy to read out and write down. */
export function groupScanId(id) {
  const bare = String(id || '').replace(/-/g, '').toLowerCase();
  const src = HEX32.test(bare) ? bare : String(id || '');
  return (src.match(/.{1,4}/g) || []).join('-');
}

/** A number of hours as typed: "4", "2,5" or "2.5". NaN when it is not a number. */
function parseHours(s) {
  const v = String(s || '').trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(v)) return Number.NaN;
  return Number(v);
}

const HOURS_MIN = 0.5;
const HOURS_MAX = 40;

function haversineKm(a, b) {
  const R = 6371.0088;
  const rad = (x) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}

/** How well something fits, in words (0–1 → "past goed" …). */
function fitWord(fit, capital = false) {
  const n = Math.round(fit * 100); // the number shown next to it
  const key = n >= 70 ? 'Good' : n >= 45 ? 'Fair' : n >= 25 ? 'Some' : 'Low';
  return t(`desk_${capital ? 'fit' : 'part'}${key}`);
}

/** How much of what the resident looks for a fit covers, in words. */
function shareWord(fit) {
  const n = Math.round(fit * 100);
  const key = n >= 85 ? 'All' : n >= 70 ? 'Most' : n >= 45 ? 'Half' : n >= 25 ? 'Small' : 'Little';
  return t(`desk_share${key}`);
}

/** Copies text to the clipboard; the fallback works where the async API is not allowed. */
async function copyText(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall back below */
  }
  const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function createDesk() {
  const desk = {
    consent: false,
    stored: null, // {scan_id, expires_at} while a stored scan exists
    orgs: null,
    agreed: '', // "Afgesproken volgende stap", typed by the employee, printed as text

    reset() {
      this.consent = false;
      this.agreed = '';
      // The next resident: the last one's stored scan is theirs and stays (it is erased only
      // by "Wis" or when the same resident's answers are stored again, see afterScan).
      this.stored = null;
    },

    /** Safe calls into Results (its helpers format places, times and hours). */
    r(fn, ...args) {
      const r = this.results;
      return r && typeof r[fn] === 'function' ? r[fn](...args) : '';
    },

    slotLabel(id) {
      return this.r('slotLabel', id) || id;
    },

    // ------------------------------------------------------------ scan number

    /** The scan number in blocks, as a <code> that keeps the real id in data-scan-id. */
    scanNumber(id, attrs = {}) {
      return h('code', { class: 'scan-number', dataset: { scanId: id }, translate: 'no', ...attrs }, groupScanId(id));
    },

    /** Above the questions: open a stored scan by its number. */
    scanTop(state) {
      const inputId = 'resume-id';
      const errId = 'resume-error';
      const helpId = 'resume-help';
      const err = h('p', { class: 'utrecht-form-field-error-message', id: errId, hidden: true });
      const input = h('input', {
        class: 'utrecht-textbox utrecht-textbox--html-input resume-input',
        id: inputId,
        name: 'scan_id',
        type: 'text',
        autocomplete: 'off',
        autocapitalize: 'off',
        spellcheck: 'false',
        'aria-describedby': helpId,
      });
      const showError = (text) => {
        err.textContent = text;
        err.hidden = false;
        input.setAttribute('aria-describedby', `${errId} ${helpId}`);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      };
      const form = h(
        'form',
        { class: 'resume-form', novalidate: true },
        h(
          'div',
          { class: 'utrecht-form-field' },
          h('label', { class: 'utrecht-form-label', for: inputId }, t('resumeLabel')),
          h('p', { class: 'utrecht-form-field-description', id: helpId }, t('desk_resumeHelp')),
          err,
          input,
        ),
        h('button', { type: 'submit', class: 'denhaag-button denhaag-button--secondary-action', id: 'resume-button' }, t('resumeButton')),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!input.value.trim()) {
          showError(t('desk_resumeEmpty'));
          return;
        }
        const id = normaliseScanId(input.value);
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
          showError(t('desk_resumeInvalid'));
          return;
        }
        try {
          const scan = await getScan(id);
          forgetResponses(); // another resident's scan: the last one's erase buttons go
          this.stored = { scan_id: scan.scan_id || id, expires_at: scan.expires_at };
          state.scan = scan;
          state.answers = {};
          showResults(state, personaOf(scan));
        } catch (ex) {
          showError(ex instanceof ApiError && (ex.status === 404 || ex.status === 400) ? t('resumeNotFound') : t('submitError'));
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
        h('label', { class: 'choice choice--checkbox consent-label', for: id }, box, h('span', { class: 'choice-text' }, t('consent', { days: retentionDays() }))),
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
      const box = h('div', { class: 'stored-box', id: 'stored-box' });
      this.storedBox = box;
      this.renderStored();
      return box;
    },

    renderStored(message) {
      const box = this.storedBox;
      if (!box) return;
      clear(box);
      if (message) {
        box.hidden = false;
        box.append(h('p', { class: 'utrecht-paragraph', id: 'erase-message', role: 'status' }, message));
        return;
      }
      if (!this.stored) {
        box.hidden = true;
        return;
      }
      box.hidden = false;
      const id = this.stored.scan_id;
      const copied = h('span', { class: 'copy-status', id: 'copy-status', role: 'status' });
      box.append(
        h('p', { class: 'stored-title' }, t('storedTitle')),
        h('p', { class: 'utrecht-paragraph stored-label', id: 'scan-id-label' }, t('desk_storedNumber')),
        h(
          'div',
          { class: 'scan-number-row' },
          this.scanNumber(id, { id: 'scan-id' }),
          h(
            'button',
            {
              type: 'button',
              class: 'denhaag-button denhaag-button--secondary-action copy-button no-print',
              id: 'copy-scan-id',
              'aria-label': t('desk_copyLabel'),
              onclick: async () => {
                const ok = await copyText(id);
                copied.textContent = ok ? t('desk_copied') : t('desk_copyFailed');
              },
            },
            t('desk_copy'),
          ),
          copied,
        ),
        h('p', { class: 'utrecht-paragraph' }, this.stored.expires_at ? t('desk_storedUntil', { date: date(this.stored.expires_at) }) : t('desk_storedWrite')),
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
      return [this.compareBox, this.carvingBox, this.renderPrintPanel(), this.printBox];
    },

    onMatched(state, resp, results) {
      this.results = results;
      this.fillCompare(resp);
      this.noMatchNotice(resp);
      this.updateHoursHelp?.();
      this.refreshPrint = () => this.renderPrint(state, results.persona, resp);
      this.refreshPrint();
    },

    // ------------------------------------------------------------ what-if: search words

    /**
     * Search words only lift the tasks that contain them (they do not filter): say so at the
     * top of the list. When none of the tasks has the word, the list looks the same as
     * before: say that instead.
     */
    noMatchNotice(resp) {
      const q = (this.results?.overrides?.q || '').trim();
      const lists = this.results?.lists;
      if (!q || !lists) return;
      // The API's reason for the search word: `search` (newer) or `text`.
      const found = (resp.tasks || []).some(
        (task) => (task.reasons || []).some(isSearchReason) || (task.explain || []).some((c) => (c.name === 'text' || c.name === 'search') && c.value > 0),
      );
      if (found) {
        lists.querySelector('#q-on-top')?.remove();
        const note = h('p', { class: 'utrecht-paragraph q-on-top', id: 'q-on-top' }, t('desk_qOnTop', { q }));
        const count = lists.querySelector('#task-count');
        if (count) count.after(note);
        else lists.prepend(note);
        return;
      }
      lists.querySelector('#q-no-match')?.remove();
      // When the what-if narrowed hours, distance or moments, the word may be found without
      // those limits: say which limits, and what to widen.
      const narrow = this.narrowed();
      const text = narrow.filters.length
        ? t('desk_qNoMatchFilters', { q, filters: narrow.filters.join(', '), tries: listJoin(narrow.tries) })
        : t('desk_qNoMatch', { q });
      const box = h(
        'div',
        { class: 'denhaag-alert denhaag-alert--warning alert q-no-match', id: 'q-no-match', role: 'status' },
        h('p', { class: 'utrecht-paragraph q-no-match-text' }, text),
        resp.tasks?.length ? h('p', { class: 'utrecht-paragraph' }, t('desk_qNoMatchRest')) : null,
      );
      const heading = lists.querySelector('#tasks-title');
      if (heading) heading.after(box);
      else lists.prepend(box);
      // After the Results' own "list updated" message, so this is what is heard.
      setTimeout(() => announce(text), 120);
    },

    /** The limits the what-if made narrower than the resident's own answers, and what to widen. */
    narrowed() {
      const ov = this.results?.overrides || {};
      const p = this.results?.persona || {};
      const filters = [];
      const tries = [];
      const ownHours = p.availability?.hours_per_week;
      if (typeof ov.hours_per_week === 'number' && !(typeof ownHours === 'number' && ov.hours_per_week >= ownHours)) {
        filters.push(t('desk_filterHours', { h: hoursText(ov.hours_per_week) }));
        tries.push(t('desk_tryMoreHours'));
      }
      const ownRadius = p.travel?.radius_km;
      if (typeof ov.radius_km === 'number' && !(typeof ownRadius === 'number' && ov.radius_km >= ownRadius)) {
        filters.push(t('desk_filterRadius', { n: num(ov.radius_km) }));
        tries.push(t('desk_tryFarther'));
      }
      const own = new Set(p.availability?.slots || []);
      if (Array.isArray(ov.slots) && [...own].some((x) => !ov.slots.includes(x))) {
        filters.push(tn('desk_filterSlots', ov.slots.length));
        tries.push(t('desk_tryMoreSlots'));
      }
      return { filters, tries };
    },

    // ------------------------------------------------------------ compare two tasks

    renderCompare() {
      const section = h('section', { class: 'compare no-print', id: 'compare', 'aria-labelledby': 'compare-title' });
      this.cmpA = h('select', { class: 'select', id: 'compare-a' });
      this.cmpB = h('select', { class: 'select', id: 'compare-b' });
      this.cmpOut = h('div', { class: 'compare-out', id: 'compare-out', 'aria-live': 'polite' });
      this.cmpButton = h('button', { type: 'submit', class: 'denhaag-button', id: 'compare-button' }, t('compareButton'));
      const form = h(
        'form',
        { class: 'compare-form', novalidate: true },
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'compare-a' }, t('compareA')), this.cmpA),
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'compare-b' }, t('compareB')), this.cmpB),
        this.cmpButton,
      );
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.compare();
      });
      // A and B are never the same task: choosing B's task as A moves B to another one.
      this.cmpA.addEventListener('change', () => this.keepApart(this.cmpA, this.cmpB));
      this.cmpB.addEventListener('change', () => this.keepApart(this.cmpB, this.cmpA));
      section.append(h('h2', { class: 'utrecht-heading-2', id: 'compare-title' }, t('compareTitle')), form, this.cmpOut);
      return section;
    },

    /** After `changed` got a new value: make sure `other` differs, and mark the taken option. */
    keepApart(changed, other) {
      if (changed.value && changed.value === other.value) {
        const next = (this.tasks || []).find((x) => x.id !== changed.value);
        if (next) other.value = next.id;
      }
      this.markTaken();
    },

    /** The task chosen on one side cannot be chosen on the other side. */
    markTaken() {
      for (const [sel, otherSel] of [
        [this.cmpA, this.cmpB],
        [this.cmpB, this.cmpA],
      ]) {
        for (const o of sel.options) o.disabled = o.value === otherSel.value;
      }
    },

    fillCompare(resp) {
      const tasks = resp.tasks || [];
      this.tasks = tasks;
      const ids = tasks.map((x) => x.id);
      const prevA = this.cmpA.value;
      const prevB = this.cmpB.value;
      for (const sel of [this.cmpA, this.cmpB]) {
        clear(sel);
        tasks.forEach((task, i) => sel.append(h('option', { value: task.id }, `${i + 1}. ${task.title} (${task.organisation?.name || ''})`)));
      }
      // Keep the employee's choice when the tasks are still there; otherwise the first two
      // different tasks. Never the same task twice.
      const a = ids.includes(prevA) ? prevA : ids[0] || '';
      const b = ids.includes(prevB) && prevB !== a ? prevB : ids.find((x) => x !== a) || '';
      this.cmpA.value = a;
      this.cmpB.value = b;
      this.markTaken();
      const enough = new Set(ids).size >= 2;
      this.cmpButton.disabled = !enough;
      clear(this.cmpOut);
      if (!enough) this.cmpOut.append(h('p', { class: 'utrecht-paragraph', id: 'compare-too-few' }, t('desk_compareTooFew')));
    },

    /** What a task needs first (courses, a VOG) and its conditions, for the compare table. */
    neededCell(task) {
      const needed = this.r('neededFirstText', task);
      const reqs = [].concat(this.r('requirementTexts', task) || []);
      if (!needed && !reqs.length) return t('compareNothing');
      return h(
        'ul',
        { class: 'needed-list' },
        needed ? h('li', {}, gloss(needed)) : null,
        reqs.map((x) => h('li', {}, `${t('requirement')}: `, gloss(x))),
      );
    },

    compare() {
      const a = this.tasks.find((x) => x.id === this.cmpA.value);
      const b = this.tasks.find((x) => x.id === this.cmpB.value);
      clear(this.cmpOut);
      if (!a || !b || a.id === b.id) {
        this.cmpOut.append(h('p', { class: 'utrecht-form-field-error-message' }, t('compareSame')));
        return;
      }
      const all = [...(a.explain || []), ...(b.explain || [])];
      const contrib = (task, name) => (task.explain || []).find((c) => c.name === name);
      // Rows in order of weight in the score: what counts most comes first.
      const names = [];
      for (const c of all) if (!names.includes(c.name)) names.push(c.name);
      const most = (n) => Math.max(contrib(a, n)?.contribution || 0, contrib(b, n)?.contribution || 0);
      names.sort((x, y) => most(y) - most(x));
      // Bars are relative to the largest contribution in the table.
      const top = Math.max(0.0001, ...all.map((c) => c.contribution));
      const cell = (task, c) => {
        if (!c) return h('span', { class: 'contrib-words' }, t('desk_countsNone'));
        const score = task.score > 0 ? task.score : all.reduce((s, x) => s + Math.max(0, x.contribution), 0) || 1;
        const share = c.contribution / score;
        const words =
          c.contribution < 0
            ? t('desk_countsAgainst')
            : c.contribution === 0
              ? t('desk_countsNone')
              : share >= 0.25
                ? t('desk_countsMuch')
                : share >= 0.1
                  ? t('desk_countsSome')
                  : t('desk_countsLittle');
        const fill = h('span', { class: 'bar-fill' });
        fill.style.width = `${Math.max(0, Math.min(100, (c.contribution / top) * 100))}%`;
        return h(
          'span',
          { class: 'contrib' },
          h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
          h('span', { class: 'contrib-words' }, words),
          c.contribution > 0 ? h('span', { class: 'contrib-share' }, ` (${t('desk_shareOfScore', { n: num(Math.round(share * 100), 0) })})`) : null,
        );
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
          row(t('where'), ...same((x) => this.r('where', x.wijk, x.distance_km, x.remote))),
          row(t('when'), ...same((x) => this.r('when', x.schedule))),
          row(t('hoursLabel'), ...same((x) => this.r('hours', x))),
          row(t('whatYouGet'), ...same((x) => [].concat(this.r('gets', x, false) || []).join(', '))),
          row(t('compareNeeded'), ...same((x) => this.neededCell(x)), 'needed-row'),
          row(
            t('compareStart'),
            ...same((x) => {
              const steps = [].concat(this.r('onboardingTexts', x) || []);
              return steps.length ? h('ul', { class: 'needed-list' }, steps.map((st) => h('li', {}, st))) : t('compareNothing');
            }),
            'start-row',
          ),
          row(t('contact'), ...same((x) => [x.contact?.name, x.contact?.phone, x.contact?.email].filter(Boolean).join(' · '))),
          row(
            t('compareScore'),
            ...same((x) => h('span', {}, h('strong', {}, t('desk_scoreOf', { n: num(x.score * 100, 0) })), ` · ${fitWord(x.score)}`)),
            'score-row',
          ),
          names.map((n) =>
            row(
              has(`explain_${n}`) ? t(`explain_${n}`) : n,
              (x) => cell(x, contrib(x, n)),
              (x) => cell(x, contrib(x, n)),
              'explain-row',
            ),
          ),
          row(t('compareReasons'), ...same((x) => h('ul', { class: 'reasons' }, (x.reasons || []).map((re) => h('li', {}, re.text))))),
        ),
      );
      this.cmpOut.append(
        h('p', { class: 'utrecht-paragraph compare-note' }, t('desk_compareNote')),
        h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('compareCaption') }, table),
      );
    },

    // ------------------------------------------------------------ job carving

    /** The page's own text for an API error on POST /v1/carvings (by JSON pointer). */
    carvingError(ex) {
      if (!(ex instanceof ApiError)) return { text: t('desk_errCarving') };
      if (ex.status === 404) return { text: t('desk_errRoleGone') };
      if (ex.status !== 422) return { text: t('desk_errCarving') };
      const ptrs = ex.errors.map((x) => String(x.pointer || ''));
      if (ptrs.some((p) => p === '/max_hours_per_week')) return { field: 'hours', text: t('desk_hoursError') };
      if (ptrs.some((p) => p === '/slots' || p.startsWith('/slots/'))) return { text: t('desk_errSlots') };
      if (ptrs.some((p) => p === '/role_id' || p === '/organisation_id')) return { text: t('desk_errRole') };
      if (ptrs.some((p) => p.startsWith('/must_include'))) return { text: t('desk_errMust') };
      if (ptrs.some((p) => p.startsWith('/persona') || p === '' || p === '/scan_id')) return { text: t('desk_errPersona') };
      return { text: t('desk_errCarving') };
    },

    renderCarving(state) {
      const section = h('section', { class: 'carving no-print', id: 'carving', 'aria-labelledby': 'carving-title' });
      const orgSel = h('select', { class: 'select', id: 'carving-org' }, h('option', { value: '' }, t('chooseOrg')));
      const roleSel = h('select', { class: 'select', id: 'carving-role', disabled: true }, h('option', { value: '' }, t('chooseRole')));
      const hoursHelp = h('p', { class: 'utrecht-form-field-description', id: 'carving-hours-help' });
      const hoursErr = h('p', { class: 'utrecht-form-field-error-message', id: 'carving-hours-error', hidden: true });
      const hoursIn = h('input', {
        class: 'utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric hours-input',
        id: 'carving-hours',
        name: 'carving-hours',
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        'aria-describedby': 'carving-hours-help',
      });
      const out = h('div', { class: 'carving-out', id: 'carving-out', 'aria-live': 'polite' });
      const err = h('p', { class: 'utrecht-form-field-error-message', id: 'carving-error', role: 'alert', hidden: true });
      const button = h('button', { type: 'submit', class: 'denhaag-button', id: 'carving-button', disabled: true }, t('carvingButton'));
      const hoursField = h(
        'div',
        { class: 'utrecht-form-field filter-field hours-field' },
        h('label', { class: 'utrecht-form-label', for: 'carving-hours' }, t('desk_hoursLabel')),
        hoursHelp,
        hoursErr,
        hoursIn,
      );
      const form = h(
        'form',
        { class: 'carving-form', novalidate: true },
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'carving-org' }, t('organisation')), orgSel),
        h('div', { class: 'utrecht-form-field filter-field' }, h('label', { class: 'utrecht-form-label', for: 'carving-role' }, t('role')), roleSel),
        hoursField,
        err,
        button,
      );
      section.append(
        h('h2', { class: 'utrecht-heading-2', id: 'carving-title' }, t('carvingTitle')),
        h('p', { class: 'utrecht-paragraph' }, t('carvingIntro')),
        form,
        out,
      );

      // The hours used when the field is empty: the what-if hours, else the resident's.
      const defaultHours = () => {
        const ov = this.results?.overrides?.hours_per_week;
        if (ov) return { n: ov, key: 'desk_hoursHelpWhatIf' };
        const own = this.results?.persona?.availability?.hours_per_week;
        return own ? { n: own, key: 'desk_hoursHelpAnswers' } : { n: 4, key: 'desk_hoursHelpDefault' };
      };
      this.updateHoursHelp = () => {
        const d = defaultHours();
        hoursHelp.textContent = t(d.key, { n: num(d.n), min: num(HOURS_MIN), max: num(HOURS_MAX) });
      };
      this.updateHoursHelp();

      const setHoursError = (text) => {
        if (text) {
          hoursErr.textContent = text;
          hoursErr.hidden = false;
          hoursField.classList.add('utrecht-form-field--invalid');
          hoursIn.setAttribute('aria-invalid', 'true');
          hoursIn.setAttribute('aria-describedby', 'carving-hours-error carving-hours-help');
        } else {
          hoursErr.hidden = true;
          hoursField.classList.remove('utrecht-form-field--invalid');
          hoursIn.removeAttribute('aria-invalid');
          hoursIn.setAttribute('aria-describedby', 'carving-hours-help');
        }
      };
      /** The hours from the field: null when empty, NaN when wrong. */
      const readHours = () => {
        const raw = hoursIn.value.trim();
        if (!raw) return null;
        const v = parseHours(raw);
        return Number.isFinite(v) && v >= HOURS_MIN && v <= HOURS_MAX ? Math.round(v * 100) / 100 : Number.NaN;
      };
      // The error goes away on the next try, not on blur: removing it on blur moves the button
      // away from under the pointer between mouse down and up, and the click is lost.

      const showError = (text) => {
        err.textContent = text;
        err.hidden = false;
      };
      const loadOrgs = async () => {
        if (!this.orgs) {
          const [orgs, roles] = await Promise.all([listAll('/organisations'), listAll('/roles')]);
          const withRoles = new Set(roles.map((r) => r.organisation_id));
          this.orgs = orgs.filter((o) => withRoles.has(o.id)).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
        }
        for (const o of this.orgs) orgSel.append(h('option', { value: o.id }, o.wijk ? `${o.name} (${o.wijk})` : o.name));
      };
      loadOrgs().catch(() => showError(t('loadError')));

      // Proposals belong to one role and one number of hours: any change clears them.
      const clearOut = () => {
        clear(out);
        this.proposal = null;
        this.refreshPrint?.();
      };
      this.clearCarving = clearOut;
      orgSel.addEventListener('change', async () => {
        clearOut();
        err.hidden = true;
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
          showError(t('loadError'));
        }
      });
      roleSel.addEventListener('change', () => {
        clearOut();
        button.disabled = !roleSel.value;
      });
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        err.hidden = true;
        if (!roleSel.value) {
          showError(t('desk_errRole'));
          return;
        }
        const hrs = readHours();
        if (Number.isNaN(hrs)) {
          clearOut();
          setHoursError(t('desk_hoursError'));
          hoursIn.focus();
          announce(t('desk_hoursError'));
          return;
        }
        setHoursError(null);
        const body = this.carvingRequest(roleSel.value, hrs);
        this.roleTitle = roleSel.selectedOptions[0]?.textContent || '';
        out.setAttribute('aria-busy', 'true');
        try {
          const resp = await postCarving(body);
          if (resp.proposals.length) {
            this.renderProposals(out, resp);
            announce(tn('carvingLoaded', resp.proposals.length));
          } else {
            this.proposal = null;
            await this.renderNoProposals(out, roleSel.value, body, resp);
            announce(t('desk_noProposalsTitle'));
          }
          this.refreshPrint?.();
        } catch (ex) {
          clearOut();
          const m = this.carvingError(ex);
          if (m.field === 'hours') {
            setHoursError(m.text);
            hoursIn.focus();
          } else showError(m.text);
          announce(m.text);
        } finally {
          out.removeAttribute('aria-busy');
        }
      });
      return section;
    },

    /**
     * The carving request follows the what-if choices the list shows: moments, distance and
     * hours. (The API takes slots and hours; the distance travels in the inline persona.)
     */
    carvingRequest(roleId, hours) {
      const ov = this.results?.overrides || {};
      const persona = structuredClone(this.results?.persona || {});
      if (ov.radius_km && persona.travel) persona.travel.radius_km = ov.radius_km;
      const body = { persona, role_id: roleId, lang: lang() };
      if (ov.radius_km) body.radius_km = ov.radius_km;
      const budget = hours ?? ov.hours_per_week ?? null;
      if (budget) body.max_hours_per_week = budget;
      if (ov.slots?.length) body.slots = ov.slots;
      return body;
    },

    /**
     * No proposal. With the API's `uncovered` list: each part and why it cannot be taken, and
     * only the changes that would help (hours, distance, moments). Without it: what the page
     * can tell about the role.
     */
    async renderNoProposals(out, roleId, body, resp) {
      clear(out);
      const uncovered = Array.isArray(resp?.uncovered) ? resp.uncovered.filter((u) => u && (u.title || u.id)) : null;
      if (uncovered?.length) {
        const why = uncovered.map((u) => String(u.reason || ''));
        const tries = [];
        if (why.some((x) => /\buur\b|\buren\b|\bhours?\b/i.test(x))) {
          const hrs = uncovered.map((u) => u.hours_per_week).filter((x) => typeof x === 'number');
          const budget = resp?.budget_hours;
          tries.push(hrs.length && typeof budget === 'number' && Math.min(...hrs) > budget ? t('desk_tryHoursMin', { n: num(Math.min(...hrs)), budget: num(budget) }) : t('desk_tryHours'));
        }
        if (why.some((x) => /te ver|too far/i.test(x))) tries.push(t('desk_tryDistance'));
        if (why.some((x) => /momenten|not at your times|moments/i.test(x))) tries.push(t('desk_tryMoments'));
        if (!tries.length) tries.push(t('desk_tryNothing'));
        tries.push(t('desk_tryRole'));
        out.append(
          h(
            'div',
            { class: 'no-proposals', id: 'no-proposals' },
            h('p', { class: 'utrecht-paragraph no-proposals-title' }, h('strong', {}, t('desk_noProposalsTitle'))),
            h('p', { class: 'reasons-title' }, t('desk_uncoveredTitle')),
            h(
              'ul',
              { class: 'uncovered', id: 'uncovered-parts' },
              uncovered.map((u) =>
                h(
                  'li',
                  { dataset: { part: u.id || '' } },
                  h('strong', {}, u.title || u.id),
                  typeof u.hours_per_week === 'number' ? ` (${t('perWeek', { n: num(u.hours_per_week) })})` : '',
                  u.reason ? `: ${localiseText(u.reason)}` : '',
                  u.essential ? [' ', h('span', { class: 'tag' }, t('essential'))] : null,
                ),
              ),
            ),
            h('p', { class: 'reasons-title' }, t('desk_tryTitle')),
            h('ul', { class: 'tries' }, tries.map((x) => h('li', {}, x))),
          ),
        );
        return;
      }
      const facts = [];
      let minHours = null;
      try {
        const role = await api('GET', `/roles/${encodeURIComponent(roleId)}`);
        const comps = role.components || [];
        if (comps.length) {
          const slots = [...new Set(comps.flatMap((c) => c.schedule?.slots || []))].sort(slotOrder);
          const anyTime = comps.some((c) => !(c.schedule?.slots || []).length || c.schedule?.flexible || c.schedule?.on_call);
          const hrs = comps.map((c) => c.schedule?.hours_per_week).filter((x) => typeof x === 'number');
          minHours = hrs.length ? Math.min(...hrs) : null;
          facts.push(t('desk_roleParts', { n: comps.length }));
          if (slots.length) facts.push(t('desk_roleWhen', { slots: listJoin(slots.map((s) => this.slotLabel(s))) }) + (anyTime ? ` ${t('desk_roleAnyTime')}` : ''));
          if (hrs.length) facts.push(t('desk_roleHours', { min: num(Math.min(...hrs)), max: num(Math.max(...hrs)) }));
          const origin = body.persona?.travel?.origin;
          const placed = comps.filter((c) => !c.remote && c.location?.lat !== undefined && c.location?.lon !== undefined);
          if (origin?.lat !== undefined && placed.length) {
            const km = Math.min(...placed.map((c) => haversineKm(origin, c.location)));
            const radius = body.persona?.travel?.radius_km;
            const wijken = [...new Set(placed.map((c) => c.location.wijk).filter(Boolean))];
            facts.push(
              t('desk_roleWhere', { place: listJoin(wijken) || '–', km: num(km) }) +
                (radius && km > radius ? ` ${t('desk_roleTooFar', { radius: num(radius) })}` : ''),
            );
          }
        }
      } catch {
        /* the advice below still helps */
      }
      const budget = resp?.budget_hours;
      const tries = [
        minHours && budget !== undefined && minHours > budget
          ? t('desk_tryHoursMin', { n: num(minHours), budget: num(budget) })
          : t('desk_tryHours'),
        t('desk_tryWhatIf'),
        t('desk_tryRole'),
      ];
      out.append(
        h(
          'div',
          { class: 'no-proposals', id: 'no-proposals' },
          h('p', { class: 'utrecht-paragraph no-proposals-title' }, h('strong', {}, t('desk_noProposalsTitle')), ' ', t('desk_noProposalsWhy')),
          facts.length ? [h('p', { class: 'reasons-title' }, t('desk_roleFacts')), h('ul', { class: 'role-facts' }, facts.map((f) => h('li', {}, f)))] : null,
          h('p', { class: 'reasons-title' }, t('desk_tryTitle')),
          h('ul', { class: 'tries' }, tries.map((x) => h('li', {}, x))),
        ),
      );
    },

    renderProposals(out, resp) {
      clear(out);
      // The first proposal goes on the printed summary unless another one is chosen.
      this.proposal = resp.proposals[0] || null;
      const picks = [];
      const pick = (p) => {
        this.proposal = p;
        for (const b of picks) {
          b.el.setAttribute('aria-pressed', String(b.proposal === p));
        }
        this.refreshPrint?.();
      };
      const titles = new Map();
      resp.proposals.forEach((p) => p.components.forEach((c) => titles.set(c.id, c.title)));
      const slotsText = (slots) => (slots.length ? listJoin([...slots].sort(slotOrder).map((s) => this.slotLabel(s))) : t('anyTime'));
      out.append(
        h(
          'ol',
          { class: 'proposals' },
          resp.proposals.map((p, i) => {
            const hid = uid('proposal');
            const score = Math.round(p.fit * 100);
            return h(
              'li',
              { class: 'card proposal' },
              h(
                'article',
                { 'aria-labelledby': hid },
                h('h3', { class: 'utrecht-heading-3', id: hid }, t('desk_proposalTitle', { n: i + 1, hours: num(p.hours_per_week) })),
                h('p', { class: 'proposal-summary' }, p.slots.length ? slotsText(p.slots) : ((p.reasons || []).find((r) => r.code === 'slot')?.text ?? t('anyTime'))),
                h(
                  'div',
                  { class: 'fit-box' },
                  h(
                    'p',
                    { class: 'fit-line' },
                    h('span', { class: 'fit-meter', 'aria-hidden': 'true' }, h('span', { class: 'fit-meter-fill', dataset: { fit: String(score) } })),
                    h('strong', {}, t('desk_fitLine', { label: fitWord(p.fit, true), n: num(score, 0) })),
                  ),
                  h('p', { class: 'fit-meaning' }, t('desk_fitMeaning', { share: shareWord(p.fit) })),
                ),
                p.reasons.length ? [h('p', { class: 'reasons-title' }, t('desk_whatFits')), h('ul', { class: 'reasons' }, p.reasons.map((x) => h('li', {}, x.text)))] : null,
                h('p', { class: 'reasons-title' }, t('desk_partsTitle')),
                h(
                  'ul',
                  { class: 'components' },
                  p.components.map((c) =>
                    h(
                      'li',
                      {},
                      h('strong', {}, c.title),
                      ` – ${t('perWeek', { n: num(c.hours_per_week) })}`,
                      c.slots.length ? `, ${slotsText(c.slots)}` : '',
                      ' · ',
                      h('span', { class: 'part-fit' }, fitWord(c.fit)),
                      c.essential ? [' ', h('span', { class: 'tag' }, t('essential'))] : null,
                    ),
                  ),
                ),
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
                (() => {
                  const el = h(
                    'button',
                    {
                      type: 'button',
                      class: 'denhaag-button denhaag-button--secondary-action pick-proposal no-print',
                      'aria-pressed': String(i === 0),
                      'aria-describedby': hid,
                      onclick: () => pick(p),
                    },
                    t('desk_pickProposal'),
                  );
                  picks.push({ el, proposal: p });
                  return el;
                })(),
                p.uncovered.length
                  ? [
                      h('p', { class: 'reasons-title' }, t('uncovered')),
                      h(
                        'ul',
                        { class: 'uncovered' },
                        p.uncovered.map((u) =>
                          h('li', {}, `${u.title} (${t('perWeek', { n: num(u.hours_per_week) })}): ${u.reason}`, u.essential ? [' ', h('span', { class: 'tag' }, t('essential'))] : null),
                        ),
                      ),
                    ]
                  : null,
              ),
            );
          }),
        ),
      );
      // The meter's width comes from CSSOM (no inline style attribute under the CSP).
      for (const fill of out.querySelectorAll('.fit-meter-fill')) fill.style.width = `${fill.dataset.fit}%`;
    },

    // ------------------------------------------------------------ print summary

    /** On screen: the agreed next step (typed before printing) and the print button. */
    renderPrintPanel() {
      const id = 'agreed-step';
      const helpId = 'agreed-step-help';
      const area = h('textarea', {
        class: 'utrecht-textbox utrecht-textbox--html-input textarea agreed-input',
        id,
        name: 'agreed-step',
        rows: '3',
        maxlength: '300',
        'aria-describedby': helpId,
      });
      area.value = this.agreed;
      area.addEventListener('input', () => {
        this.agreed = area.value;
        this.fillAgreed();
      });
      return h(
        'section',
        { class: 'print-panel no-print', id: 'print-panel', 'aria-labelledby': 'print-panel-title' },
        h('h2', { class: 'utrecht-heading-2', id: 'print-panel-title' }, t('desk_printPanelTitle')),
        h('p', { class: 'utrecht-paragraph' }, t('desk_printPanelIntro')),
        h(
          'div',
          { class: 'utrecht-form-field agreed-field' },
          h('label', { class: 'utrecht-form-label', for: id }, t('desk_agreedTitle')),
          h('p', { class: 'utrecht-form-field-description', id: helpId }, t('desk_agreedHelp')),
          area,
        ),
        h(
          'div',
          { class: 'print-bar' },
          h(
            'button',
            {
              type: 'button',
              class: 'denhaag-button',
              id: 'print-button',
              onclick: () => {
                this.refreshPrint?.();
                window.print();
              },
            },
            t('printButton'),
          ),
        ),
      );
    },

    /** The agreed next step on paper: the text as typed, or empty lines to write on. */
    fillAgreed() {
      const box = this.agreedBox;
      if (!box) return;
      clear(box);
      const text = this.agreed.trim();
      if (text) box.append(h('p', { class: 'agreed-text', id: 'print-agreed-text' }, text));
      else box.append(h('div', { class: 'write-lines', 'aria-hidden': 'true' }, h('span'), h('span')));
    },

    /** What the what-if changed compared with the resident's own answers. */
    changes() {
      const r = this.results;
      const ov = r?.overrides || {};
      const p = r?.persona || {};
      const out = [];
      const ownRadius = p.travel?.radius_km;
      if (ov.radius_km !== undefined && ov.radius_km !== ownRadius) {
        out.push(ownRadius !== undefined ? t('desk_chRadius', { new: num(ov.radius_km), old: num(ownRadius) }) : t('desk_chRadiusNone', { new: num(ov.radius_km) }));
      }
      if (ov.hours_per_week !== undefined && ov.hours_per_week !== p.availability?.hours_per_week) {
        const old = p.availability?.hours_per_week;
        out.push(old !== undefined ? t('desk_chHours', { new: num(ov.hours_per_week), old: num(old) }) : t('desk_chHoursNone', { new: num(ov.hours_per_week) }));
      }
      if (ov.slots) {
        const own = new Set(p.availability?.slots || []);
        const now = new Set(ov.slots);
        const added = [...now].filter((s) => !own.has(s)).sort(slotOrder);
        const removed = [...own].filter((s) => !now.has(s)).sort(slotOrder);
        if (added.length) out.push(t('desk_chSlotsAdded', { slots: listJoin(added.map((s) => this.slotLabel(s))) }));
        if (removed.length) out.push(t('desk_chSlotsRemoved', { slots: listJoin(removed.map((s) => this.slotLabel(s))) }));
      }
      if (ov.categories?.length) {
        out.push(t('desk_chCategories', { items: ov.categories.map((c) => this.r('categoryLabel', c) || c).join(', ') }));
      }
      if (ov.q) out.push(t('desk_chQ', { q: ov.q }));
      return out;
    },

    /** The carving proposal chosen on screen, on paper: its parts and hours. */
    printProposal() {
      const p = this.proposal;
      if (!p) return null;
      const slotsText = (slots) => (slots?.length ? listJoin([...slots].sort(slotOrder).map((x) => this.slotLabel(x))) : t('anyTime'));
      return [
        h('h3', { class: 'utrecht-heading-3' }, t('desk_printProposal')),
        h(
          'p',
          { class: 'print-proposal', id: 'print-proposal' },
          h('strong', {}, `${this.roleTitle || ''}${this.roleTitle ? ' – ' : ''}${t('perWeek', { n: num(p.hours_per_week) })}`),
          ': ',
          p.components.map((c) => `${c.title} (${t('perWeek', { n: num(c.hours_per_week) })}, ${slotsText(c.slots)})`).join('; '),
          '.',
        ),
      ];
    },

    renderPrint(state, persona, resp) {
      const box = this.printBox;
      if (!box) return;
      clear(box);
      const k = persona.kkwz || {};
      const ex = persona.kkwz_explanation || {};
      const changes = this.changes();
      const printed = resp.tasks.slice(0, 5);
      const trainings = [].concat(this.r('printTrainings', printed) || []);
      this.agreedBox = h('div', { class: 'print-agreed', id: 'print-agreed' });
      append(box, [
        h('p', { class: 'print-brand' }, 'Talent Scan Den Haag · Servicepunt XL'),
        h('h2', { class: 'utrecht-heading-2', id: 'print-title' }, t('printTitle')),
        h('p', { class: 'print-date' }, t('printDate', { date: date(new Date()) })),
        this.stored
          ? h(
              'p',
              { class: 'print-scan-id' },
              `${t('resumeLabel')}: `,
              this.scanNumber(this.stored.scan_id, { id: 'print-scan-id' }),
              this.stored.expires_at ? ` (${t('desk_printKeptUntil', { date: date(this.stored.expires_at) })})` : '',
            )
          : null,
        h('h3', { class: 'utrecht-heading-3' }, t('printPersona')),
        persona.archetype?.label ? h('p', {}, h('strong', {}, t('youAre', { label: persona.archetype.label })), '. ', persona.archetype.description || '') : null,
        h(
          'ul',
          { class: 'print-kkwz' },
          ['kennen', 'kunnen', 'willen', 'zijn'].map((d) =>
            isUnknown(persona, d)
              ? h('li', { class: 'print-kkwz-unknown' }, h('strong', {}, `${t(d)}: ${t('notAsked')}`))
              : h('li', {}, h('strong', {}, `${t(d)} ${Math.round(k[d] ?? 50)}/100: `), dimText(persona, d) || ex[d] || ''),
          ),
        ),
        h('h3', { class: 'utrecht-heading-3' }, t('desk_printChangedTitle')),
        changes.length
          ? [h('p', {}, t('desk_printChangedIntro')), h('ul', { class: 'print-changes', id: 'print-changes' }, changes.map((c) => h('li', {}, c)))]
          : h('p', { class: 'print-changes-none', id: 'print-changes' }, t('desk_printUnchanged')),
        h('h3', { class: 'utrecht-heading-3' }, t('printTopTasks')),
        resp.tasks.length
          ? h(
              'ol',
              { class: 'print-tasks' },
              printed.map((task) =>
                h(
                  'li',
                  {},
                  h('strong', {}, task.title),
                  ` – ${task.organisation?.name || ''} · `,
                  [this.r('where', task.wijk, task.distance_km, task.remote), this.r('when', task.schedule), this.r('season', task.schedule), this.r('hours', task)].filter(Boolean).join(' · '),
                  h('br'),
                  `${t('contact')}: ${[task.contact?.name, task.contact?.phone, task.contact?.email].filter(Boolean).join(', ')}`,
                  this.r('neededFirstText', task) ? [h('br'), h('span', { class: 'print-needed' }, `${t('neededFirstLabel')} ${this.r('neededFirstText', task)}`)] : null,
                  [].concat(this.r('requirementTexts', task) || []).length
                    ? [h('br'), h('span', { class: 'print-needed' }, `${t('requirement')}: ${[].concat(this.r('requirementTexts', task)).join('; ')}`)]
                    : null,
                  (task.reasons || []).length
                    ? [h('br'), h('span', { class: 'print-why' }, `${t('desk_printWhy')}: ${(task.reasons || []).slice(0, 2).map((re) => re.text).join('; ')}.`)]
                    : null,
                ),
              ),
            )
          : h('p', {}, t('noTasks')),
        this.printProposal(),
        h('h3', { class: 'utrecht-heading-3' }, t('desk_agreedTitle')),
        this.agreedBox,
        // Only courses for the printed tasks or the resident's learning goals, each with why.
        trainings.length
          ? [
              h('h3', { class: 'utrecht-heading-3' }, t('printTrainings')),
              h(
                'ul',
                { class: 'print-trainings', id: 'print-trainings' },
                trainings.map((tr) =>
                  h(
                    'li',
                    { dataset: { trainingId: tr.id } },
                    h('strong', {}, tr.title),
                    ` – ${[tr.online ? t('online') : tr.wijk, tr.next_session ? date(tr.next_session.start) : null].filter(Boolean).join(' · ')}`,
                    tr.reasons?.length ? [' · ', h('span', { class: 'print-course-why' }, `${t('desk_printWhy')}: `, this.r('reasonText', tr.reasons[0]))] : null,
                  ),
                ),
              ),
            ]
          : null,
        h('ul', { class: 'print-notices' }, (resp.notices || []).map((n) => h('li', {}, n.text))),
        // The API's advice notice already says it is advice, not a decision.
        (resp.notices || []).some((n) => n.code === 'advice') ? null : h('p', { class: 'print-footer' }, t('printFooter')),
      ]);
      this.fillAgreed();
    },
  };
  // Printing from the browser menu also gets the latest next step and choices.
  window.addEventListener('beforeprint', () => desk.refreshPrint?.());
  return desk;
}
