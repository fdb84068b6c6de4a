// node scripts/mycnf-findings.mjs [out.json] [--compare before.json]
// Every finding (code, severity, message, range, fixes, related, file) of the option-file corpus
// (test/corpus/files/mycnf, includes followed inside it), of the option-file rule fixtures and of the files
// bench/mycnf.mjs lints, the fixtures and the bench's worst-case file once per target, as JSON: the proof that a
// speed change changes no finding. Lints everything twice (cold, then warm) and fails when the two disagree. With
// --compare, exits 1 and names the first differing entry when the result differs from an earlier dump.
// Uses dist/engine.js (npm run build first) or the engine named by DG_ENGINE.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, generateRealistic } from '../bench/mycnf-files.mjs';
import { dg, finish, root } from './findings-dump.mjs';

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
finish(cold, [['warm', warm]], 'lints');
