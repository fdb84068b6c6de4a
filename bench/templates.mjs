// npm run bench:templates — the real templates of test/corpus/templates linted as templates, against their rendered
// equivalents in the same run (tags removed, each expression rendered as one word, lines of tags only dropped):
// findings, and lint time as a ratio (median of several runs, engine bundle dist/engine.js).
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
const RUNS = Number(process.env.BENCH_RUNS || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = join(root, 'test/corpus/templates');

/** Helm values.yaml: the embedded `configuration: |-` option files, dedented (as test/corpus/templates.test.ts reads them). */
function embedded(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)configuration: \|-?\s*$/.exec(lines[i]);
    if (!m) continue;
    const body = [];
    let indent;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k];
      if (l.trim() === '') { body.push(''); continue; }
      const ind = /^\s*/.exec(l)[0].length;
      indent ??= ind;
      if (ind < indent || ind <= m[1].length) break;
      body.push(l.slice(indent));
    }
    if (body.some((l) => /^\[/.test(l))) out.push({ name: `line${i + 1}`, text: body.join('\n').trimEnd() + '\n' });
  }
  return out;
}

/** The rendered equivalent: statements and comments removed (and the lines they were alone on), expressions as `x`. */
function render(text, reading) {
  let out = '';
  let last = 0;
  for (const t of reading.tags) {
    out += text.slice(last, t.start);
    out += t.type === 'expression' || t.type === 'placeholder' ? 'x' : '';
    last = t.end;
  }
  out += text.slice(last);
  const kept = [];
  const orig = text.split('\n');
  out.split('\n').forEach((l, i) => {
    if (l.trim() === '' && orig[i] !== undefined && orig[i].trim() !== '' && l.length !== orig[i].length) return;
    kept.push(l);
  });
  return kept.join('\n');
}

await dg.ready();
const config = dg.mergeConfig(dg.defaultConfig(), { dockerfile: { shellcheck: false } });
const rows = [];
for (const kind of ['mycnf', 'dockerfile']) {
  for (const f of readdirSync(join(dir, kind)).sort()) {
    if (f === 'SOURCES.tsv') continue;
    const text = readFileSync(join(dir, kind, f), 'utf8');
    const files = f.endsWith('values.yaml') ? embedded(text).map((e) => ({ name: `${f}#${e.name}`, path: `${f}.${e.name}.my.cnf.tpl`, text: e.text })) : [{ name: f, path: f, text }];
    for (const file of files) {
      const reading = dg.templateOf(file.path, file.text);
      const plainName = kind === 'mycnf' ? 'my.cnf' : 'Dockerfile';
      const rendered = render(file.text, reading);
      const tEnv = { fileName: join(dir, kind, file.path) };
      const rEnv = { fileName: join(dir, kind, plainName) };
      const tf = dg.lint(file.text, kind, config, tEnv);
      const rf = dg.lint(rendered, kind, config, rEnv);
      const tt = [], rt = [];
      for (let i = 0; i < RUNS; i++) {
        dg.clearCaches();
        let s = process.hrtime.bigint();
        dg.lint(file.text, kind, config, tEnv);
        tt.push(Number(process.hrtime.bigint() - s) / 1e6);
        dg.clearCaches();
        s = process.hrtime.bigint();
        dg.lint(rendered, kind, config, rEnv);
        rt.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      rows.push({ kind, name: file.name, syntax: reading.syntax, findings: tf.length, renderedFindings: rf.length, t: median(tt), r: median(rt) });
    }
  }
}
for (const kind of ['mycnf', 'dockerfile']) {
  const rs = rows.filter((x) => x.kind === kind);
  const t = rs.reduce((a, x) => a + x.t, 0);
  const r = rs.reduce((a, x) => a + x.r, 0);
  console.log(`${kind}: ${rs.length} templates, ${rs.reduce((a, x) => a + x.findings, 0)} findings as templates, ${rs.reduce((a, x) => a + x.renderedFindings, 0)} on the rendered equivalents; lint ${t.toFixed(1)} ms vs ${r.toFixed(1)} ms rendered (ratio ${(t / r).toFixed(2)}), median of ${RUNS} runs each`);
}
if (process.env.BENCH_VERBOSE) for (const x of rows) console.log(`  ${x.kind} ${x.name} ${x.syntax}: ${x.findings} / ${x.renderedFindings} findings, ${x.t.toFixed(2)} / ${x.r.toFixed(2)} ms`);
