// npm run bench:dockerfile — the whole Dockerfile corpus (../shared/corpus/dockerfile) linted with every Dockerfile
// rule on, against dockerfile-utils' validate() on the same texts, in the same process, engine time only (parsers
// loaded first). Median of several interleaved runs; prints the ratio (target: ours <= 0.75 x theirs).
//   BENCH_RUNS=15 npm run bench:dockerfile      more runs
//   BENCH_PROFILE=1 node bench/dockerfile.mjs   also the time per rule (ours), to find hot spots
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(process.env.DG_ENGINE ?? join(root, 'dist/engine.js'));
const { validate } = require('dockerfile-utils');
const RUNS = Number(process.env.BENCH_RUNS || 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = join(root, '..', 'shared', 'corpus', 'dockerfile');
if (!existsSync(dir)) {
  console.error(`no corpus at ${dir}`);
  process.exit(2);
}
const files = readdirSync(dir)
  .filter((f) => dg.kindOf(f) === 'dockerfile')
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const bytes = files.reduce((a, t) => a + t.length, 0);
const lines = files.reduce((a, t) => a + t.split('\n').length, 0);

await dg.ready('dockerfile');

// Every Dockerfile rule on, the off-by-default ones included, and the configuration-dependent ones configured.
const rules = {};
for (const m of dg.allRules()) if (m.kind === 'dockerfile') rules[m.code] = m.severity === 'off' ? 'warning' : m.severity;
const config = dg.mergeConfig(dg.defaultConfig(), {
  rules,
  dockerfile: {
    shellcheck: false,
    trustedRegistries: ['docker.io', '*.example.com'],
    labelSchema: {
      'org.opencontainers.image.source': 'url',
      'org.opencontainers.image.created': 'rfc3339',
      'org.opencontainers.image.licenses': 'spdx',
      'org.opencontainers.image.revision': 'hash',
      'org.opencontainers.image.version': 'semver',
      'org.opencontainers.image.authors': 'email',
    },
    strictLabels: true,
  },
});

function ours() {
  let n = 0;
  for (const t of files) n += dg.lint(t, 'dockerfile', config).length;
  return n;
}
function theirs() {
  let n = 0;
  for (const t of files) n += validate(t).length;
  return n;
}

// warm up both (JIT, lazy tables), then interleave the timed runs so that machine noise hits both alike
let oursFindings = 0;
let theirFindings = 0;
for (let i = 0; i < 2; i++) {
  oursFindings = ours();
  theirFindings = theirs();
}
// the same engine with every rule off: what parsing and the model cost alone
const noRules = dg.mergeConfig(dg.defaultConfig(), { rules: Object.fromEntries(Object.keys(rules).map((c) => [c, 'off'])) });
const parseOnly = () => {
  for (const t of files) dg.lint(t, 'dockerfile', noRules);
};
parseOnly();
const a = [];
const b = [];
const c = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  ours();
  a.push(performance.now() - t);
  t = performance.now();
  theirs();
  b.push(performance.now() - t);
  t = performance.now();
  parseOnly();
  c.push(performance.now() - t);
}
const mo = median(a);
const mt = median(b);
const ruleCount = Object.keys(rules).length;
console.log(`Dockerfile corpus: ${files.length} files, ${lines} lines, ${(bytes / 1024).toFixed(0)} KiB; median of ${RUNS} runs`);
console.log(`  devops-guidance, ${ruleCount} rules on:  ${mo.toFixed(1)} ms  (${oursFindings} findings)`);
console.log(`  dockerfile-utils validate():        ${mt.toFixed(1)} ms  (${theirFindings} diagnostics)`);
console.log(`  ratio ours/theirs: ${(mo / mt).toFixed(2)} (target <= 0.75)`);
console.log(`  of which parsing and the model (every rule off): ${median(c).toFixed(1)} ms`);

if (process.env.BENCH_PROFILE) {
  // time each rule alone (parse excluded) by turning all others off
  const parseTimes = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    for (const f of files) dg.lint(f, 'dockerfile', dg.mergeConfig(dg.defaultConfig(), { rules: Object.fromEntries(Object.keys(rules).map((c) => [c, 'off'])) }));
    parseTimes.push(performance.now() - t);
  }
  const base = median(parseTimes);
  console.log(`  parse + engine, no rule: ${base.toFixed(1)} ms`);
  const per = [];
  for (const code of Object.keys(rules)) {
    const only = Object.fromEntries(Object.keys(rules).map((c) => [c, c === code ? rules[c] : 'off']));
    const cfg = dg.mergeConfig(config, { rules: only });
    const ts = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      for (const f of files) dg.lint(f, 'dockerfile', cfg);
      ts.push(performance.now() - t);
    }
    per.push([code, median(ts) - base]);
  }
  per.sort((x, y) => y[1] - x[1]);
  console.log('  slowest rules (ms over the corpus, parse excluded):');
  for (const [c, ms] of per.slice(0, 15)) console.log(`    ${c.padEnd(7)} ${ms.toFixed(1)}`);
}
