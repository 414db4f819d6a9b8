// Helpers shared by the resident page, the desk page and the questionnaire: the order of
// the moments of the week, lists in words, the data files next to the pages, the glossary
// (jargon as a button that shows a short explanation) and phone numbers and e-mail
// addresses that wrap well on a phone.
import { h, uid } from './dom.js';
import { lang } from './i18n.js';

// ------------------------------------------------------------------ moments and lists

const DAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PART_ORDER = ['morning', 'afternoon', 'evening'];

/** Sorts slot ids ("mon-morning") from Monday morning to Sunday evening. */
/**
 * How many days the service keeps stored answers and responses (the server's
 * `--retention-days`, put in the page's `<meta name="talentscan-retention-days">`): the
 * consent texts name it. 30, the server's default, when the page came from elsewhere.
 */
export function retentionDays() {
  const n = Number.parseInt(document.querySelector('meta[name="talentscan-retention-days"]')?.content ?? '', 10);
  return n > 0 ? n : 30;
}

export function slotOrder(a, b) {
  const [da, pa] = a.split('-');
  const [db, pb] = b.split('-');
  return DAY_ORDER.indexOf(da) - DAY_ORDER.indexOf(db) || PART_ORDER.indexOf(pa) - PART_ORDER.indexOf(pb);
}

/** "a, b en c" / "a, b and c"; empty items are left out. */
export function listJoin(items) {
  const xs = items.filter((x) => x !== null && x !== undefined && x !== '');
  if (xs.length <= 1) return xs.join('');
  const and = lang() === 'en' ? 'and' : 'en';
  return `${xs.slice(0, -1).join(', ')} ${and} ${xs[xs.length - 1]}`;
}

// ------------------------------------------------------------------ data files

const dataCache = new Map();
const loaded = {};

/** A small data file next to the pages (/assets/data/NAME.json), fetched once per page load. */
export function loadData(name) {
  if (!dataCache.has(name)) {
    dataCache.set(
      name,
      fetch(`/assets/data/${name}.json`, { headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null)
        .then((data) => {
          loaded[name] = data;
          return data;
        }),
    );
  }
  return dataCache.get(name);
}

/** The data file when it has arrived, else null. */
export function dataNow(name) {
  return loaded[name] || null;
}

// ------------------------------------------------------------------ glossary

let glossRe = null;
let glossForms = null;

function glossaryRegExp(g) {
  if (glossRe) return glossRe;
  const forms = [];
  glossForms = new Map();
  for (const [term, entry] of Object.entries(g)) {
    for (const f of [term, ...(entry.also || [])]) {
      forms.push(f);
      glossForms.set(f.toLowerCase(), term);
    }
  }
  forms.sort((a, b) => b.length - a.length);
  const esc = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  glossRe = new RegExp(`(?<![\\p{L}\\d])(${esc.join('|')})(?![\\p{L}\\d])`, 'giu');
  return glossRe;
}

/**
 * Text with the glossary's terms (data/glossary.json) as buttons that show a short
 * explanation on tap (aria-expanded). Each term once per text. With `defs` (an array) the
 * explanations are pushed there instead of placed in the text: for headings, so that the
 * heading's own text stays the title (place the defs right after the heading).
 */
export function gloss(text, defs = null) {
  const g = dataNow('glossary');
  if (!g || !text) return text;
  const re = glossaryRegExp(g);
  const out = [];
  const seen = new Set();
  let last = 0;
  const s = String(text);
  for (const m of s.matchAll(re)) {
    const term = glossForms.get(m[1].toLowerCase());
    if (!term || seen.has(term)) continue;
    seen.add(term);
    // Punctuation right before and after the term stays with it: no line break between
    // "(" and "HACCP", or between the sign after "HACCP" and ")."
    const lead = /[(‘“'"]+$/.exec(s.slice(last, m.index))?.[0] || '';
    if (m.index - lead.length > last) out.push(s.slice(last, m.index - lead.length));
    last = m.index + m[1].length;
    const trail = /^[).,;:!?’”'"]+/.exec(s.slice(last))?.[0] || '';
    out.push(glossTerm(m[1], term, defs, trail, lead));
    last += trail.length;
  }
  if (!out.length) return text;
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** One glossary term: the button, the punctuation right after it, and its explanation (no
 *  space between them, so a full stop right after the term stays right after it). */
function glossTerm(shown, term, defs, trail = '', lead = '') {
  const entry = dataNow('glossary')?.[term] || {};
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
  if (defs) {
    defs.push(def);
    return trail || lead ? h('span', { class: 'term-wrap' }, lead, btn, trail) : btn;
  }
  return h('span', { class: 'term-wrap' }, lead, btn, trail, def);
}

// ------------------------------------------------------------------ phone and e-mail

/** A phone number that never breaks inside (CSS white-space: nowrap). */
export function phoneNode(phone) {
  return h('span', { class: 'nowrap' }, phone);
}

/** An e-mail address that may break only after "@" and before a dot. */
export function emailNodes(email) {
  const s = String(email || '');
  const out = [];
  let part = '';
  for (const ch of s) {
    if (ch === '.' && part) {
      out.push(part, h('wbr'));
      part = '';
    }
    part += ch;
    if (ch === '@') {
      out.push(part, h('wbr'));
      part = '';
    }
  }
  if (part) out.push(part);
  return h('span', { class: 'email' }, out);
}

/** A text with {phone} (or {email}) filled in as a node: "Bel Naima: 070 555 15 32". */
export function withNode(template, key, node) {
  const i = template.indexOf(`{${key}}`);
  if (i < 0) return template;
  return [template.slice(0, i), node, template.slice(i + key.length + 2)];
}
