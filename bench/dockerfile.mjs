// npm run bench:dockerfile — the whole Dockerfile corpus (test/corpus/files/dockerfile) linted with every Dockerfile
// rule on, against dockerfile-utils' validate() on the same texts, in the same process, engine time only (parsers
// loaded first). Median of several interleaved runs; target: ours <= 0.75 x theirs.
//
// Two numbers for us, each with its ratio to dockerfile-utils:
//   cold  the engine's caches are cleared before the run: every RUN script is parsed (first open of a file, CI)
//   warm  the same files linted again right after: scripts whose text did not change are not parsed again (what
//         re-linting a file in the editor after a keystroke costs, all RUNs but the edited one being unchanged)
// and what parsing and the model cost alone (every rule off).
//   BENCH_RUNS=15 npm run bench:dockerfile      more runs
//   BENCH_PROFILE=1 node bench/dockerfile.mjs   also the time per rule (ours, warm), to find hot spots
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(process.env.DG_ENGINE ?? join(root, 'dist/engine.js'));
const { validate } = require('dockerfile-utils');
const RUNS = Number(process.env.BENCH_RUNS || 11);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = join(root, 'test', 'corpus', 'files', 'dockerfile');
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
// the same engine with every rule off: what parsing and the model cost alone
const noRules = dg.mergeConfig(dg.defaultConfig(), { rules: Object.fromEntries(Object.keys(rules).map((c) => [c, 'off'])) });
const parseOnly = () => {
  for (const t of files) dg.lint(t, 'dockerfile', noRules);
};
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// warm up both (JIT, lazy tables), then interleave the timed runs so that machine noise hits all alike
let oursFindings = 0;
let theirFindings = 0;
for (let i = 0; i < 2; i++) {
  dg.clearCaches();
  oursFindings = ours();
  if (ours() !== oursFindings) throw new Error('a warm lint found something else than the cold one');
  theirFindings = theirs();
  parseOnly();
}
const load = loadavg();
const cold = [];
const warm = [];
const them = [];
const parse = [];
for (let i = 0; i < RUNS; i++) {
  dg.clearCaches();
  cold.push(time(ours));
  warm.push(time(ours));
  them.push(time(theirs));
  dg.clearCaches();
  parse.push(time(parseOnly));
}
const load2 = loadavg();
const mc = median(cold);
const mw = median(warm);
const mt = median(them);
const ruleCount = Object.keys(rules).length;
const f1 = (x) => x.toFixed(1).padStart(7);
console.log(`Dockerfile corpus: ${files.length} files, ${lines} lines, ${(bytes / 1024).toFixed(0)} KiB; median of ${RUNS} runs; load average ${load[0].toFixed(2)} before, ${load2[0].toFixed(2)} after; node ${process.versions.node}`);
console.log(`  devops-guidance, ${ruleCount} rules on, cold: ${f1(mc)} ms  ratio ${(mc / mt).toFixed(2)}  (caches cleared first: first open, CI; ${oursFindings} findings)`);
console.log(`  devops-guidance, ${ruleCount} rules on, warm: ${f1(mw)} ms  ratio ${(mw / mt).toFixed(2)}  (the same files again: editor re-lint)`);
console.log(`  dockerfile-utils validate():         ${f1(mt)} ms             (${theirFindings} diagnostics)`);
console.log(`  target: ratio <= 0.75`);
console.log(`  of which parsing and the model (every rule off): ${f1(median(parse))} ms`);
console.log(`  spread (min-max): cold ${Math.min(...cold).toFixed(0)}-${Math.max(...cold).toFixed(0)}, warm ${Math.min(...warm).toFixed(0)}-${Math.max(...warm).toFixed(0)}, dockerfile-utils ${Math.min(...them).toFixed(0)}-${Math.max(...them).toFixed(0)} ms`);

if (process.env.BENCH_PROFILE) {
  // time each rule alone (parse excluded) by turning all others off; caches warm, so shell parsing is not counted
  const base = median([0, 1, 2].map(() => time(parseOnly)));
  console.log(`  parse + engine, no rule: ${base.toFixed(1)} ms`);
  const per = [];
  for (const code of Object.keys(rules)) {
    const only = Object.fromEntries(Object.keys(rules).map((c) => [c, c === code ? rules[c] : 'off']));
    const cfg = dg.mergeConfig(config, { rules: only });
    const ts = [0, 1, 2].map(() => time(() => files.forEach((f) => dg.lint(f, 'dockerfile', cfg))));
    per.push([code, median(ts) - base]);
  }
  per.sort((x, y) => y[1] - x[1]);
  console.log('  slowest rules (ms over the corpus, parse excluded, warm):');
  for (const [c, ms] of per.slice(0, 15)) console.log(`    ${c.padEnd(7)} ${ms.toFixed(1)}`);
}
