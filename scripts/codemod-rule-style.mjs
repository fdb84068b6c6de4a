// Rewrites option-file rules from the old declaration style to the one every kind uses (CONTRIBUTING.md, "Adding a
// rule"). Safe to run again: files already in the new style are left alone.
//   old: export default defineMycnfRule({ meta: { code, name, severity, fix }, check(m, report) { report(o, range, msg, { fixes }) } })
//   new: export default defineRule<MycnfModel>({ meta: { code, name, kind: 'mycnf', severity, fix },
//          check(m, ctx) { ctx.report({ input: o.source, range, message: msg, fixes }) } })
//   node scripts/codemod-rule-style.mjs [files...]   (default: src/core/mycnf/rules/*.ts)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = join(root, 'src/core/mycnf/rules');
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(dir).filter((f) => /^[A-Z]+\d+\.ts$/.test(f)).map((f) => join(dir, f));

/** Index just after the bracket that closes the one at `open`, skipping strings, templates, comments and regexes. */
function closing(src, open) {
  const stack = [];
  let prev = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    const n = src[i + 1];
    if (c === '/' && n === '/') {
      i = src.indexOf('\n', i);
      continue;
    }
    if (c === '/' && n === '*') {
      i = src.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      i = j;
      prev = 'a';
      continue;
    }
    if (c === '`') {
      let j = i + 1;
      while (src[j] !== '`') {
        if (src[j] === '\\') j += 2;
        else if (src[j] === '$' && src[j + 1] === '{') j = closing(src, j + 1);
        else j++;
      }
      i = j;
      prev = 'a';
      continue;
    }
    if (c === '/' && !/[\w$)\]]/.test(prev)) {
      let j = i + 1;
      let cls = false;
      while (cls || src[j] !== '/') {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') cls = true;
        else if (src[j] === ']') cls = false;
        j++;
      }
      i = j;
      prev = 'a';
      continue;
    }
    if ('([{'.includes(c)) stack.push(c);
    else if (')]}'.includes(c)) {
      stack.pop();
      if (!stack.length) return i + 1;
    }
    if (!/\s/.test(c)) prev = /[\w$]/.test(c) ? 'a' : c;
  }
  throw new Error(`unclosed bracket at ${open}`);
}

/** Top-level comma-separated parts of the text between brackets `open` and its closing one. */
function args(src, open) {
  const end = closing(src, open) - 1;
  const parts = [];
  let start = open + 1;
  for (let i = open + 1; i < end; ) {
    const c = src[i];
    if ('([{\'"`'.includes(c) || (c === '/' && (src[i + 1] === '/' || src[i + 1] === '*'))) {
      if ('([{'.includes(c)) i = closing(src, i);
      else {
        // a string, template or comment
        let j;
        if (c === '/' && src[i + 1] === '/') j = src.indexOf('\n', i) - i;
        else if (c === '/') j = src.indexOf('*/', i) + 2 - i;
        else {
          let x = i + 1;
          while (src[x] !== c) {
            if (src[x] === '\\') x += 2;
            else if (c === '`' && src[x] === '$' && src[x + 1] === '{') x = closing(src, x + 1);
            else x++;
          }
          j = x + 1 - i;
        }
        i += j;
      }
      continue;
    }
    if (c === ',') {
      parts.push(src.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  const last = src.slice(start, end);
  if (last.trim()) parts.push(last);
  return { parts: parts.map((p) => p.trim()), end: end + 1 };
}

function rewriteCalls(src) {
  let out = '';
  let i = 0;
  const re = /(?<![\w$.])report\(/g;
  for (let m; (m = re.exec(src)); ) {
    const open = m.index + 'report'.length;
    const { parts, end } = args(src, open);
    if (parts.length < 3 || parts.length > 4) throw new Error(`report() with ${parts.length} arguments at ${src.slice(m.index, m.index + 80)}`);
    const [where, range, message, extra] = parts;
    const fields = [];
    const literal = /^\{\s*source:\s*([\s\S]+?)\s*,?\s*\}$/.exec(where);
    if (literal) {
      if (literal[1] !== '0') fields.push(`input: ${literal[1]}`);
    } else fields.push(`input: ${/^[\w$.!\[\]]+$/.test(where) ? where : `(${where})`}.source`);
    fields.push(range === 'range' ? 'range' : `range: ${range}`);
    fields.push(message === 'message' ? 'message' : `message: ${message}`);
    if (extra) {
      if (/^\{[\s\S]*\}$/.test(extra)) fields.push(...args(extra, 0).parts.filter(Boolean));
      else fields.push(`...${extra}`);
    }
    const oneLine = `ctx.report({ ${fields.join(', ')} })`;
    const lineStart = src.lastIndexOf('\n', m.index) + 1;
    const indent = /^\s*/.exec(src.slice(lineStart, m.index))[0];
    const wasMultiLine = src.slice(m.index, end).includes('\n');
    const call = !wasMultiLine && indent.length + oneLine.length <= 160 ? oneLine : `ctx.report({\n${fields.map((f) => `${indent}  ${f},`).join('\n')}\n${indent}})`;
    out += src.slice(i, m.index) + call;
    i = end;
    re.lastIndex = end;
  }
  return out + src.slice(i);
}

let changed = 0;
for (const file of files) {
  let s = readFileSync(file, 'utf8');
  if (!s.includes('defineMycnfRule(')) continue;
  s = s.replace(/import \{([^}]*)\} from '\.\.\/report';\n/, (_, names) => {
    const rest = names.split(',').map((x) => x.trim()).filter((x) => x && x !== 'defineMycnfRule');
    return `import { defineRule } from '../../rule';\n` + (rest.length ? `import { ${rest.join(', ')} } from '../report';\n` : '');
  });
  if (/import type \{([^}]*)\} from '\.\.\/model';/.test(s)) {
    s = s.replace(/import type \{([^}]*)\} from '\.\.\/model';/, (all, names) => (/\bMycnfModel\b/.test(names) ? all : `import type { ${[...names.split(',').map((x) => x.trim()).filter(Boolean), 'MycnfModel'].join(', ')} } from '../model';`));
  } else s = s.replace(`import { defineRule } from '../../rule';\n`, `import { defineRule } from '../../rule';\nimport type { MycnfModel } from '../model';\n`);
  s = s.replace('defineMycnfRule({', 'defineRule<MycnfModel>({');
  s = s.replace(/(meta: \{ code: '[A-Z0-9]+', name: '[^']+', )/, "$1kind: 'mycnf', ");
  if (!/check\(m, report\) \{/.test(s)) throw new Error(`${file}: no check(m, report)`);
  s = s.replace(/check\(m, report\) \{/, 'check(m, ctx) {');
  s = rewriteCalls(s);
  writeFileSync(file, s);
  changed++;
}
console.log(`rule style: ${changed} file(s) rewritten`);
