// npm run bench:dockerfile — the whole Dockerfile corpus (test/corpus/files/dockerfile) linted with every Dockerfile
// rule on, against dockerfile-utils' validate() on the same texts, in the same process, engine time only (parsers
// loaded first). Median of several interleaved runs; target: ours <= 0.75 x theirs.
//
// Two numbers for us, each with its ratio to dockerfile-utils:
//   cold  the engine's caches are cleared before the run: every RUN script is parsed (first open of a file, CI)
//   warm  the same files linted again right after: scripts whose text did not change are not parsed again, and
//         those also at the same place (offsets, lines, columns) are not walked again either (what re-linting a file
//         in the editor after a keystroke costs: the RUNs above the edit are reused whole, the ones below it are
//         walked from their cached syntax trees, the edited one is parsed)
// and what parsing and the model cost alone (every rule off); the cold lint again with tree-sitter trees walked
// through web-tree-sitter's public TreeCursor instead of its internal cursor functions (src/core/shell/parser.ts: the
// fallback used when the load-time self-check fails); and pathological inputs (each must lint in under 1 s).
//   BENCH_RUNS=15 npm run bench:dockerfile      more runs
//   BENCH_PROFILE=1 node bench/dockerfile.mjs   also the time per rule (ours, warm), to find hot spots
//   BENCH_ALLOC=1 node bench/dockerfile.mjs     also the memory allocated per lint of the corpus and kept by the caches
//                                               (steady on a loaded machine, where times are not)
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { everyDockerfileRule } from './dockerfile-config.mjs';

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

const config = everyDockerfileRule(dg);
const rules = Object.fromEntries(dg.allRules().filter((m) => m.kind === 'dockerfile').map((m) => [m.code, config.rules[m.code]]));

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
// wall time; the CPU time of the same call is kept too (steadier than wall time on a loaded machine)
const cpuOf = new Map();
const time = (fn) => {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  (cpuOf.get(fn) ?? cpuOf.set(fn, []).get(fn)).push((u.user + u.system) / 1000);
  return ms;
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
const fallback = [];
const nativeOn = dg.nativeCursorActive?.() ?? false;
const setNative = dg.setNativeCursor ?? (() => {});
for (let i = 0; i < RUNS; i++) {
  dg.clearCaches();
  cold.push(time(ours));
  warm.push(time(ours));
  them.push(time(theirs));
  dg.clearCaches();
  parse.push(time(parseOnly));
  dg.clearCaches();
  setNative(false);
  fallback.push(time(ours));
  setNative(true);
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
console.log(`  target: cold ratio <= 0.75, warm ratio <= 0.5`);
const mf = median(fallback);
console.log(`  cold with tree-sitter's public TreeCursor (fallback): ${f1(mf)} ms  ratio ${(mf / mt).toFixed(2)}  (${(mf / mc).toFixed(2)} x the internal cursor, which is ${nativeOn ? 'active' : 'NOT active: self-check failed'})`);
console.log(`  of which parsing and the model (every rule off): ${f1(median(parse))} ms`);
const spread = (xs) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
const ratios = (xs) => xs.map((x, i) => x / them[i]);
const rs = (xs) => `${Math.min(...ratios(xs)).toFixed(2)}-${Math.max(...ratios(xs)).toFixed(2)}`;
console.log(`  spread (min-max): cold ${spread(cold)}, warm ${spread(warm)}, fallback ${spread(fallback)}, dockerfile-utils ${spread(them)} ms`);
console.log(`  per-run ratio spread (min-max): cold ${rs(cold)}, warm ${rs(warm)}`);
{
  // CPU time of the same runs (cold and warm lints alternate in cpuOf.get(ours): cold first)
  const o = cpuOf.get(ours).slice(-3 * RUNS);
  const coldCpu = o.filter((_, i) => i % 3 === 0);
  const warmCpu = o.filter((_, i) => i % 3 === 1);
  const themCpu = cpuOf.get(theirs).slice(-RUNS);
  const mcc = median(coldCpu);
  const mwc = median(warmCpu);
  const mtc = median(themCpu);
  console.log(`  CPU time (median): cold ${mcc.toFixed(0)} ms ratio ${(mcc / mtc).toFixed(2)}, warm ${mwc.toFixed(0)} ms ratio ${(mwc / mtc).toFixed(2)}, dockerfile-utils ${mtc.toFixed(0)} ms`);
}

// pathological inputs, every rule on, caches cleared before each (median of 3)
const patho = [
  ['a RUN of a million quotes', () => 'FROM alpine:3.20\nRUN ' + '"'.repeat(1_000_000) + '\n'],
  ['10,000 stages', () => Array.from({ length: 10_000 }, (_, i) => `FROM alpine:3.20 AS s${i}\nRUN echo ${i}\n`).join('')],
  ['a line of 1 MB', () => 'FROM alpine:3.20\nRUN echo ' + 'a'.repeat(1_000_000) + '\n'],
  ['100k continuation lines', () => 'FROM alpine:3.20\nRUN echo \\\n' + '  a \\\n'.repeat(100_000) + '  end\n'],
  ['deep heredoc nesting', () => 'FROM alpine:3.20\n' + Array.from({ length: 2000 }, (_, i) => `RUN <<E${i} bash\ncat <<F${i}\nx\nF${i}\nE${i}\n`).join('') + 'RUN ' + Array.from({ length: 500 }, (_, i) => `<<H${i}`).join(' ') + '\n' + Array.from({ length: 500 }, (_, i) => `x\nH${i}\n`).join('')],
];
if (!process.env.BENCH_NO_PATHO) {
  console.log('  pathological inputs (every rule on, cold, median of 3; target < 1000 ms each):');
  for (const [name, make] of patho) {
    const text = make();
    const ts = [0, 1, 2].map(() => {
      dg.clearCaches();
      return time(() => dg.lint(text, 'dockerfile', config));
    });
    console.log(`    ${name.padEnd(26)} ${(text.length / 1024).toFixed(0).padStart(5)} KiB ${f1(median(ts))} ms  (${spread(ts)})`);
  }
}

if (process.env.BENCH_ALLOC) {
  // memory pressure, which wall and CPU time on a shared machine hide: bytes allocated by one cold and one warm lint
  // of the corpus (V8's sampling heap profiler, counting objects the collector already freed; no V8 flag) and what
  // the caches keep after a cold lint (heap after a full collection, minus the heap with the caches cleared)
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  const heapAfterGc = async () => {
    await session.post('HeapProfiler.collectGarbage');
    return process.memoryUsage().heapUsed;
  };
  const allocated = async (fn) => {
    await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    fn();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let total = 0;
    const walk = (n) => {
      total += n.selfSize;
      n.children.forEach(walk);
    };
    walk(profile.head);
    return total;
  };
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  dg.clearCaches();
  const empty = await heapAfterGc();
  const coldBytes = await allocated(ours);
  const kept = (await heapAfterGc()) - empty;
  const warmBytes = await allocated(ours);
  dg.clearCaches();
  const parseBytes = await allocated(parseOnly);
  console.log(`  allocated (sampled): cold ${mb(coldBytes)} MiB, warm ${mb(warmBytes)} MiB, parsing and the model alone ${mb(parseBytes)} MiB; kept by the caches after a cold lint: ${mb(kept)} MiB`);
  session.disconnect();
}

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
