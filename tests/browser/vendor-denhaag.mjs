// Regenerates src/web/static/vendor/ from the Den Haag design-system npm packages
// (devDependencies of this folder): only the component rules the pages use, and only the
// design tokens those rules and ../../src/web/static/app.css refer to (transitively).
//
//   cd tests/browser && npm ci --ignore-scripts && node vendor-denhaag.mjs
//
// Both packages are EUPL-1.2; their licence text is copied next to the output.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'src', 'web', 'static', 'vendor');
const nm = join(here, 'node_modules', '@gemeente-denhaag');
const pkg = (name) => JSON.parse(readFileSync(join(nm, name, 'package.json'), 'utf8'));
const tokensPkg = pkg('design-tokens-components');
const componentsPkg = pkg('components-css');

// Component blocks (BEM block names) whose rules are kept. A selector is kept only when
// every denhaag-/utrecht- class in it belongs to one of these blocks.
const BLOCKS = new Set([
  'denhaag-button',
  'denhaag-button-group',
  'denhaag-link',
  'denhaag-alert',
  'denhaag-form-progress',
  'denhaag-table',
  'denhaag-table-wrapper',
  'utrecht-checkbox',
  'utrecht-radio-button',
  'utrecht-form-fieldset',
  'utrecht-form-field',
  'utrecht-form-field-description',
  'utrecht-form-field-error-message',
  'utrecht-form-label',
  'utrecht-textbox',
  'utrecht-heading-1',
  'utrecht-heading-2',
  'utrecht-heading-3',
  'utrecht-heading-4',
  'utrecht-paragraph',
  'utrecht-unordered-list',
]);

function stripComments(css, licences) {
  return css.replace(/\/\*[\s\S]*?\*\//g, (c) => {
    if (c.includes('@license') && licences) licences.add(c.replace(/\s+\n/g, '\n').trim());
    return '';
  });
}

// Splits CSS (without comments) into top-level statements: {prelude, body} for blocks,
// {text} for ;-terminated at-rules.
function statements(css) {
  const out = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /\s/.test(css[i])) i++;
    if (i >= css.length) break;
    let j = i;
    let depth = 0;
    let quote = null;
    while (j < css.length) {
      const ch = css[j];
      if (quote) {
        if (ch === '\\') j++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if ((ch === '{' || ch === ';') && depth === 0) break;
      j++;
    }
    if (css[j] === ';') {
      out.push({ text: css.slice(i, j + 1).trim() });
      i = j + 1;
      continue;
    }
    const prelude = css.slice(i, j).trim();
    let k = j + 1;
    let level = 1;
    quote = null;
    while (k < css.length && level > 0) {
      const ch = css[k];
      if (quote) {
        if (ch === '\\') k++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '{') level++;
      else if (ch === '}') level--;
      k++;
    }
    out.push({ prelude, body: css.slice(j + 1, k - 1) });
    i = k;
  }
  return out;
}

function splitSelectors(s) {
  const parts = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts;
}

const blockOf = (cls) => cls.split('__')[0].split('--')[0];

function keepSelector(sel) {
  const classes = [...sel.matchAll(/\.((?:denhaag|utrecht)-[a-z0-9_-]+)/g)].map((m) => m[1]);
  if (classes.length === 0) return false;
  return classes.every((c) => BLOCKS.has(blockOf(c)));
}

function tidyBody(body) {
  return body
    .split(';')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((d) => `  ${d};`)
    .join('\n');
}

function filterRules(css, indent = '') {
  const kept = [];
  for (const st of statements(css)) {
    if (st.text) continue; // @charset, @import: dropped
    if (st.prelude.startsWith('@media') || st.prelude.startsWith('@supports')) {
      const inner = filterRules(st.body, indent + '  ');
      if (inner.trim()) kept.push(`${indent}${st.prelude} {\n${inner}\n${indent}}`);
      continue;
    }
    if (st.prelude.startsWith('@')) continue; // keyframes, font-face: not needed
    const sels = splitSelectors(st.prelude).filter(keepSelector);
    if (sels.length === 0) continue;
    const body = tidyBody(st.body)
      .split('\n')
      .map((l) => indent + l)
      .join('\n');
    kept.push(`${indent}${sels.join(`,\n${indent}`)} {\n${body}\n${indent}}`);
  }
  return kept.join('\n\n');
}

const varsIn = (text) => new Set([...text.matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]));

// --- components
const licences = new Set();
const componentsCss = stripComments(
  readFileSync(join(nm, 'components-css', 'dist', 'index.css'), 'utf8'),
  licences,
);
const components = filterRules(componentsCss);

// --- tokens: the :root block of dist/index.css as an ordered list of declarations.
const tokensCss = stripComments(readFileSync(join(nm, 'design-tokens-components', 'dist', 'index.css'), 'utf8'));
const tokenDecls = [];
for (const st of statements(tokensCss)) {
  if (st.prelude !== ':root') continue;
  for (const d of st.body.split(/;\s*\n/)) {
    const m = d.trim().match(/^(--[a-zA-Z0-9_-]+)\s*:\s*([\s\S]*?);?$/);
    if (m) tokenDecls.push([m[1], m[2].trim()]);
  }
}
const tokenMap = new Map(tokenDecls);
const appCss = readFileSync(join(root, 'src', 'web', 'static', 'app.css'), 'utf8');
const needed = new Set();
const queue = [...varsIn(components), ...varsIn(appCss)];
while (queue.length) {
  const v = queue.pop();
  if (needed.has(v) || !tokenMap.has(v)) continue;
  needed.add(v);
  queue.push(...varsIn(tokenMap.get(v)));
}
const tokens = tokenDecls.filter(([n]) => needed.has(n)).map(([n, v]) => `  ${n}: ${v};`);

const header = (p, file) =>
  `/*\n * Vendored from the npm package ${p.name}@${p.version} (${file}), licensed under the\n` +
  ` * EUPL-1.2 (see LICENSE.md in this folder). Copyright (C) 2021 Gemeente Den Haag and\n` +
  ` * contributors. Reduced by tests/browser/vendor-denhaag.mjs to what the talentscan pages use;\n` +
  ` * otherwise unchanged. Do not edit by hand: regenerate.\n */\n`;

mkdirSync(out, { recursive: true });
const tokensOut = `${header(tokensPkg, 'dist/index.css')}:root {\n${tokens.join('\n')}\n}\n`;
const componentsOut = `${header(componentsPkg, 'dist/index.css')}${[...licences].join('\n')}\n\n${components}\n`;
for (const [name, text] of [
  ['denhaag-tokens.css', tokensOut],
  ['denhaag-components.css', componentsOut],
]) {
  if (/url\(\s*['"]?(https?:)?\/\//i.test(text) || /@import/i.test(text)) {
    throw new Error(`${name}: remote url() or @import found`);
  }
  writeFileSync(join(out, name), text);
  console.log(`${name}: ${text.length} bytes`);
}
writeFileSync(join(out, 'LICENSE.md'), readFileSync(join(nm, 'design-tokens-components', 'LICENSE.md'), 'utf8'));
writeFileSync(
  join(out, 'README.md'),
  `# Vendored Den Haag design system\n\n` +
    `- \`denhaag-tokens.css\`: from \`${tokensPkg.name}\` ${tokensPkg.version} (\`dist/index.css\`), only the tokens the pages use.\n` +
    `- \`denhaag-components.css\`: from \`${componentsPkg.name}\` ${componentsPkg.version} (\`dist/index.css\`), only the rules of the components the pages use.\n\n` +
    `Both packages are published by Gemeente Den Haag under the EUPL-1.2; the licence text is in \`LICENSE.md\`.\n` +
    `No fonts, images or remote resources are included (the TheSans font is not shipped; the pages fall back to the system sans-serif).\n` +
    `Regenerate with \`cd tests/browser && npm ci --ignore-scripts && node vendor-denhaag.mjs\` (the list of components is in that script).\n` +
    `\`--utrecht-*\` variables that the Den Haag tokens do not define are set in \`../app.css\`.\n`,
);
// Variables the kept rules use that neither the tokens nor app.css define: the browser then
// uses the rule's fallback or the property's initial value. Listed so gaps stay visible.
const appDefined = new Set([...appCss.matchAll(/(--[a-zA-Z0-9_-]+)\s*:/g)].map((m) => m[1]));
const localDefined = new Set([...components.matchAll(/(--[a-zA-Z0-9_-]+)\s*:/g)].map((m) => m[1]));
const open = [...varsIn(components)].filter((v) => !tokenMap.has(v) && !appDefined.has(v) && !localDefined.has(v)).sort();
console.log(`${open.length} variables used by the kept rules are defined neither by the tokens nor by app.css:\n  ${open.join('\n  ')}`);
