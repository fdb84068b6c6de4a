// npm run bench:mycnf — lint time of a generated 1,000-line option file (and a 10,000-line one), hover and
// completion on it, median of several runs, with the engine bundle (dist/engine.js).
// The file mixes what real files hold: several groups, comments, sizes with suffixes, booleans, enums, renamed and
// unknown options, duplicates, a MariaDB group and client groups, so that most rules have work to do.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generate, generateRealistic } from './mycnf-files.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
const RUNS = Number(process.env.BENCH_RUNS || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// every finding listed (the engine lists at most 1,000 per rule and file, and this file has about 9,000 duplicates):
// the benchmark measures the whole work
const FULL = { maxFindingsPerRule: Infinity };

// The peer measured in the same run: the `ini` package (npm's own INI reader) parsing the same text. It only splits
// sections and keys, so the ratio says what linting costs over reading the file at all, on this machine, now.
let ini;
try {
  ini = require('ini');
} catch {
  ini = undefined;
}

await dg.ready('mycnf');
const config = dg.mergeConfig(dg.defaultConfig(), {});
for (const [lines, kind] of [[1000, 'worst'], [1000, 'everyday'], [10000, 'worst']]) {
  const text = kind === 'worst' ? generate(lines) : generateRealistic(lines);
  const times = [];
  const cpu = [];
  let findings = [];
  for (let k = 0; k < RUNS + 2; k++) {
    const c = process.cpuUsage();
    const t = performance.now();
    findings = dg.lint(text, 'mycnf', config, FULL);
    if (k >= 2) {
      times.push(performance.now() - t); // the first runs load the option reference and warm up
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  // On a shared machine the wall time above includes the time other processes held the CPU; the process's CPU time
  // (all its threads: the compiler and the garbage collector too) and the fastest run once the code is optimized
  // (runs RUNS+2 .. 2*RUNS+2) say what the lint itself costs.
  const warm = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    dg.lint(text, 'mycnf', config, FULL);
    warm.push(performance.now() - t);
  }
  const byCode = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  let peer = '';
  if (ini) {
    const pt = [];
    for (let k = 0; k < RUNS + 2; k++) {
      const t = performance.now();
      ini.parse(text);
      if (k >= 2) pt.push(performance.now() - t);
    }
    peer = `; peer ini.parse ${median(pt).toFixed(2)} ms, ratio ${(median(times) / median(pt)).toFixed(1)}`;
  }
  console.log(`mycnf lint, ${lines} lines, ${kind === 'worst' ? 'a finding on nearly every line' : 'every option once, few findings'} (${(text.length / 1024).toFixed(0)} KiB): median ${median(times).toFixed(1)} ms, ${findings.length} findings (${Object.keys(byCode).length} codes)${peer}; target < ${lines === 1000 ? 10 : 60} ms`);
  console.log(`  same runs, CPU time of the process: median ${median(cpu).toFixed(1)} ms; warmed up (next ${RUNS} runs): median ${median(warm).toFixed(1)} ms, fastest ${Math.min(...warm).toFixed(1)} ms`);
  if (lines === 1000 && kind === 'worst') {
    const hov = [];
    const comp = [];
    for (let k = 0; k < RUNS; k++) {
      let t = performance.now();
      dg.hoverAt(text, 'mycnf', { line: 500, character: 3 }, config);
      hov.push(performance.now() - t);
      t = performance.now();
      dg.completionsAt(text, 'mycnf', { line: 2, character: 3 }, config);
      comp.push(performance.now() - t);
    }
    console.log(`mycnf hover on the 1000-line file: median ${median(hov).toFixed(1)} ms; completion: median ${median(comp).toFixed(1)} ms`);
  }
}
