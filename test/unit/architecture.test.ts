/**
 * The layering rules of CONTRIBUTING.md ("Architecture"), checked on the source text:
 *   - src/core imports neither 'vscode' nor Node's file system, process or network modules; only src/vscode imports 'vscode'.
 *   - A kind folder (a folder of src/core with a language.ts: dockerfile/, mycnf/, vagrant/) imports no other kind
 *     folder. The kind-neutral folders (src/core/shell/, and the generic files) may be imported from any kind.
 *   - The generic files (src/core/*.ts) and the kind-neutral shell engine (src/core/shell/) name no kind in their
 *     code: not in identifiers, strings, types or import paths. Comments are not checked: a comment may name a kind
 *     as an example of what a language contributes. What differs between kinds is said by each kind's Language
 *     (src/core/language.ts); the kinds are listed once, in src/core/languages/index.ts (the composition root,
 *     which is neither generic nor a kind folder).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../helpers/setup';

function tsFiles(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) tsFiles(p, acc);
    else if (p.endsWith('.ts')) acc.push(p);
  }
  return acc;
}

const IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(text: string): string[] {
  return [...stripComments(text).matchAll(IMPORT)].map((m) => m[1]);
}

/**
 * The text with comments replaced by spaces (line breaks kept), strings, template literals and regular expression
 * literals left as they are, so a `//` inside a string or a regex is not taken for a comment.
 */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  // what came before, to tell a regex literal from a division
  let prev = '';
  const templateDepth: number[] = [];
  let braces = 0;
  while (i < src.length) {
    const c = src[i];
    const n = src[i + 1];
    if (c === '/' && n === '/') {
      const e = src.indexOf('\n', i);
      const end = e < 0 ? src.length : e;
      out += ' '.repeat(end - i);
      i = end;
      continue;
    }
    if (c === '/' && n === '*') {
      const e = src.indexOf('*/', i + 2);
      const end = e < 0 ? src.length : e + 2;
      out += src.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j + 1;
      prev = 'a';
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braces)) {
      if (c === '}') templateDepth.pop();
      let j = i + 1;
      while (j < src.length && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
      if (src[j] === '$') {
        templateDepth.push(braces);
        out += src.slice(i, j + 2);
        i = j + 2;
        prev = '(';
      } else {
        out += src.slice(i, j + 1);
        i = j + 1;
        prev = 'a';
      }
      continue;
    }
    if (c === '/' && !/[\w$)\]]/.test(prev)) {
      // a regular expression literal: up to the closing slash outside a character class
      let j = i + 1;
      let inClass = false;
      while (j < src.length && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j++;
      }
      out += src.slice(i, j + 1);
      i = j + 1;
      prev = 'a';
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces--;
    if (!/\s/.test(c)) prev = /[\w$]/.test(c) ? 'a' : c;
    out += c;
    i++;
  }
  return out;
}

const CORE = join(ROOT, 'src/core');
/** Folders of src/core with a language.ts: one per kind. */
const KIND_DIRS = readdirSync(CORE).filter((d) => existsSync(join(CORE, d, 'language.ts')));
/** Words that name a kind, its file names, or the tools and servers it is about. */
const KIND_WORDS = /dockerfile|containerfile|docker|hadolint|buildkit|mycnf|\bcnf\b|mysql|mariadb|percona|galera|vagrant/i;

function kindDirOf(file: string): string | undefined {
  const rel = relative(CORE, file);
  if (rel.startsWith('..')) return undefined;
  const top = rel.split(sep)[0];
  return KIND_DIRS.includes(top) ? top : undefined;
}

/** Imports from one kind folder into another, as `file imports spec`. */
export function crossKindImports(files: string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const bad: string[] = [];
  for (const f of files) {
    const own = kindDirOf(f);
    if (!own) continue;
    for (const spec of importsOf(read(f))) {
      if (!spec.startsWith('.')) continue;
      const other = kindDirOf(resolve(dirname(f), spec));
      if (other && other !== own) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
  }
  return bad;
}

/** Lines of code (comments stripped) that name a kind, as `file:line: text`. */
export function kindNamesInCode(files: string[], read: (f: string) => string = (f) => readFileSync(f, 'utf8')): string[] {
  const bad: string[] = [];
  for (const f of files) {
    stripComments(read(f))
      .split('\n')
      .forEach((line, i) => {
        const m = KIND_WORDS.exec(line);
        if (m) bad.push(`${relative(ROOT, f)}:${i + 1}: "${m[0]}" in ${line.trim().slice(0, 120)}`);
      });
  }
  return bad;
}

describe('architecture', () => {
  it("src/core imports neither 'vscode' nor Node's file system, process or network modules", () => {
    const bad: string[] = [];
    for (const f of tsFiles(CORE)) {
      for (const i of importsOf(readFileSync(f, 'utf8'))) {
        if (i === 'vscode' || /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$/.test(i)) bad.push(`${relative(ROOT, f)} imports ${i}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it("only src/vscode imports 'vscode'", () => {
    const bad: string[] = [];
    for (const dir of ['src/core', 'src/cli', 'src/node', 'src/lsp']) {
      for (const f of tsFiles(join(ROOT, dir))) if (importsOf(readFileSync(f, 'utf8')).includes('vscode')) bad.push(relative(ROOT, f));
    }
    assert.deepEqual(bad, []);
  });

  it('finds the kind folders', () => {
    assert.deepEqual(KIND_DIRS.sort(), ['dockerfile', 'mycnf', 'vagrant']);
  });

  it('no kind folder imports another kind folder', () => {
    assert.deepEqual(crossKindImports(tsFiles(CORE)), []);
  });

  it('the generic files and the shell engine name no kind in their code', () => {
    const generic = readdirSync(CORE)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(CORE, f));
    assert.ok(generic.length >= 10, `generic files: ${generic.length}`);
    assert.deepEqual(kindNamesInCode([...generic, ...tsFiles(join(CORE, 'shell'))]), []);
  });

  it('every rule is declared the same way: defineRule<Model>({ meta, check(model, ctx) }), meta naming its kind', () => {
    const bad: string[] = [];
    for (const dir of KIND_DIRS) {
      const model = `${dir[0].toUpperCase()}${dir.slice(1)}Model`;
      const kind = /kind: '([a-z]+)'/.exec(readFileSync(join(CORE, dir, 'language.ts'), 'utf8'))?.[1];
      const rulesDir = join(CORE, dir, 'rules');
      for (const f of readdirSync(rulesDir).filter((x) => /^[A-Z]+\d+\.ts$/.test(x))) {
        const code = stripComments(readFileSync(join(rulesDir, f), 'utf8'));
        const name = `${dir}/rules/${f}`;
        if (!code.includes(`export default defineRule<${model}>({`)) bad.push(`${name}: not "export default defineRule<${model}>({"`);
        if (!new RegExp(String.raw`meta: \{\s*code: '${f.replace(/\.ts$/, '')}',\s*name: '[a-z0-9-]+',\s*kind: '${kind}'`).test(code)) bad.push(`${name}: meta is not { code: '<file name>', name, kind: '${kind}', ... }`);
        if (!/\bcheck\(\w+, ctx\)/.test(code)) bad.push(`${name}: no check(model, ctx)`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it("CONTRIBUTING.md is a map of this repository: no path outside it, its commands and files exist", () => {
    const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    assert.doesNotMatch(text, /\.\.\/(?!\.\.\/)(?:shared|[a-z]+\/)/, 'names a path outside the repository');
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
    const missing: string[] = [];
    for (const m of text.matchAll(/npm run ([\w:-]+)/g)) if (!scripts.includes(m[1])) missing.push(`npm run ${m[1]}`);
    for (const m of text.matchAll(/`((?:src|test|scripts|bench|data)\/[^`\s<>*]+)`/g)) if (!existsSync(join(ROOT, m[1]))) missing.push(m[1]);
    for (const m of text.matchAll(/^ {2}([a-z][\w./-]*\.(?:ts|mjs))\s/gm)) if (!existsSync(join(ROOT, 'src/core', m[1]))) missing.push(`src/core/${m[1]}`);
    for (const suite of ['unit', 'rules', 'corpus']) assert.match(text, new RegExp(`npm test -- [a-z ]*\\b${suite}\\b`));
    assert.match(text, /UPDATE_CORPUS=1 npm test -- corpus/);
    assert.deepEqual(missing, []);
  });

  it('the checks catch a violation (and ignore comments, strings that look like comments, regexes)', () => {
    const file = (name: string, text: string) => ({ path: join(CORE, name), text });
    const files = [
      file('mycnf/x.ts', "import { a } from '../dockerfile/model';\nimport type { S } from '../shell/script';\n"),
      file('vagrant/rules/y.ts', "const m = require('../../mycnf/names');\n// import { b } from '../../dockerfile/model';\n"),
      file('engine.ts', "// a Dockerfile's parser directives\nconst url = 'http://example.com'; // mysql\nconst re = /\\/\\//;\nif (kind === 'dockerfile') x();\n"),
      file('config.ts', 'const t = `${a}/*`; /* hadolint */ const u = `${b}`;\nexport const MYSQL_TARGETS = [];\n'),
    ];
    const read = (p: string) => files.find((f) => f.path === p)!.text;
    const paths = files.map((f) => f.path);
    assert.deepEqual(crossKindImports(paths, read), ['src/core/mycnf/x.ts imports ../dockerfile/model', 'src/core/vagrant/rules/y.ts imports ../../mycnf/names']);
    assert.deepEqual(
      kindNamesInCode(paths.slice(2), read).map((s) => s.split(': ')[0]),
      ['src/core/engine.ts:4', 'src/core/config.ts:2'],
    );
  });
});
