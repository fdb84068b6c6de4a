// node scripts/mycnf-findings.mjs [out.json] [--compare before.json]
// Every finding (code, severity, message, range, fixes, related, file) of the option-file corpus
// (test/corpus/files/mycnf, includes followed inside it), of the option-file rule fixtures and of the files
// bench/mycnf.mjs lints, the fixtures and the bench's worst-case file once per target, as JSON: the proof that a
// speed change changes no finding. Lints everything twice (cold, then warm) and fails when the two disagree. With
// --compare, exits 1 and names the first differing entry when the result differs from an earlier dump.
// Uses dist/engine.js (npm run build first) or the engine named by DG_ENGINE.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, generateRealistic } from '../bench/mycnf-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(process.env.DG_ENGINE ?? join(root, 'dist/engine.js'));
const args = process.argv.slice(2);
const ci = args.indexOf('--compare');
const compareWith = ci >= 0 ? args.splice(ci, 2)[1] : undefined;
const out = args[0];

await dg.ready('mycnf');
const corpus = join(root, 'test', 'corpus', 'files', 'mycnf');
const fixtures = join(root, 'test', 'rules', 'fixtures', 'mycnf');
const base = dg.defaultConfig();
const withTarget = (target) => dg.mergeConfig(base, { mysql: { target } });
/** [name, text, config, env] */
const jobs = [];
for (const f of readdirSync(corpus).filter((f) => f.endsWith('.cnf')).sort()) {
  const file = join(corpus, f);
  jobs.push([`corpus/${f}`, readFileSync(file, 'utf8'), base, () => dg.nodeEnv(file, { root: corpus })]);
}
const fixtureNames = readdirSync(fixtures).filter((f) => /\.(cnf|ini)$/.test(f)).sort();
for (const target of ['auto', ...dg.MYSQL_TARGETS]) {
  const config = target === 'auto' ? base : withTarget(target);
  for (const f of fixtureNames) {
    const file = join(fixtures, f);
    jobs.push([`fixtures/${f}@${target}`, readFileSync(file, 'utf8'), config, () => dg.nodeEnv(file, { root: fixtures })]);
  }
}
// the bench files as bench/mycnf.mjs lints them: every finding listed (no per-rule cap)
const FULL = () => ({ maxFindingsPerRule: Infinity });
const worst1k = generate(1000);
jobs.push(['bench/worst-1000', worst1k, base, FULL]);
jobs.push(['bench/everyday-1000', generateRealistic(1000), base, FULL]);
jobs.push(['bench/worst-10000', generate(10000), base, FULL]);
for (const target of dg.MYSQL_TARGETS) {
  jobs.push([`bench/worst-1000@${target}`, worst1k.replace('target=mysql-8.4', `target=${target}`), base, FULL]);
  jobs.push([`bench/worst-1000-setting@${target}`, worst1k.replace(/^# devops-guidance target=\S+\n/, ''), withTarget(target), FULL]);
}

const lintAll = () => Object.fromEntries(jobs.map(([name, text, config, env]) => [name, dg.lint(text, 'mycnf', config, env())]));
dg.clearCaches();
const cold = lintAll();
const warm = lintAll();
const firstDiff = (a, b) => Object.keys({ ...a, ...b }).find((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
let failed = false;
const dw = firstDiff(cold, warm);
if (dw) {
  console.error(`the warm lint differs from the cold one on ${dw}`);
  failed = true;
}
const json = JSON.stringify(cold, null, 1);
if (out) writeFileSync(out, json);
const count = Object.values(cold).reduce((a, fs) => a + fs.length, 0);
console.log(`${jobs.length} lints, ${count} findings${out ? ` written to ${out}` : ''}`);
if (compareWith) {
  const before = JSON.parse(readFileSync(compareWith, 'utf8'));
  const d = firstDiff(before, cold);
  if (d) {
    console.error(`findings differ from ${compareWith} on ${d}`);
    failed = true;
  } else console.log(`identical to ${compareWith}`);
}
process.exit(failed ? 1 : 0);
