// npm run bench: the numbers we report. Engine timings in-process (dist/engine.js), median of several runs;
// the CLI over the repository's whole real-file corpus (test/corpus/files) as a user runs it; then the per-kind benchmarks when present.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const corpus = join(root, 'test', 'corpus', 'files');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const RUNS = Number(process.env.BENCH_RUNS || 7);

const t0 = performance.now();
const dg = require(join(root, 'dist/engine.js'));
const loadMs = performance.now() - t0;
// each parser loaded in a fresh process: loaded one right after another in one process, the second WASM module's
// compile waits for the background optimisation of the first (over a second on two cores), which no user sees twice
const readyMs = {};
for (const kind of ['dockerfile', 'mycnf', 'vagrantfile']) {
  const script = `const dg = require(${JSON.stringify(join(root, 'dist/engine.js'))}); const t = performance.now(); dg.ready('${kind}').then(() => console.log(performance.now() - t));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  readyMs[kind] = Number(r.stdout.trim());
}
for (const kind of Object.keys(readyMs)) await dg.ready(kind);
console.log(`engine bundle load: ${loadMs.toFixed(1)} ms; parser load: ${Object.entries(readyMs).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);

const FOLDERS = { dockerfile: 'dockerfile', mycnf: 'mycnf', vagrantfile: 'vagrantfile' };
for (const [kind, folder] of Object.entries(FOLDERS)) {
  const dir = join(corpus, folder);
  if (!existsSync(dir)) continue;
  const files = readdirSync(dir).filter((f) => dg.kindOf(f) === kind).map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));
  const bytes = files.reduce((a, x) => a + x.text.length, 0);
  const config = dg.mergeConfig(dg.defaultConfig(), {});
  const times = [];
  let findings = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    findings = 0;
    for (const x of files) findings += dg.lint(x.text, kind, config, dg.nodeEnv(join(dir, x.f))).length;
    if (i) times.push(performance.now() - t); // first run warms up
  }
  const m = median(times);
  console.log(`${kind.padEnd(12)} ${String(files.length).padStart(4)} files ${(bytes / 1024).toFixed(0).padStart(5)} KiB  median ${m.toFixed(1).padStart(7)} ms  (${(m / files.length).toFixed(2)} ms/file, ${findings} findings)`);
}

const cliTimes = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--format', 'json', '--no-shellcheck', corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
  cliTimes.push(performance.now() - t);
}
console.log(`CLI over test/corpus/files (all kinds, process start included, --no-shellcheck): median ${median(cliTimes).toFixed(0)} ms`);

for (const b of ['dockerfile.mjs', 'mycnf.mjs', 'vagrant.mjs', 'editor.mjs']) {
  const p = join(root, 'bench', b);
  if (!existsSync(p)) continue;
  console.log(`\n--- bench/${b} ---`);
  spawnSync(process.execPath, [p], { stdio: 'inherit', cwd: root });
}
