// Vagrantfile lint time on the largest Vagrantfiles of the repository's corpus, against a peer measured in the same
// run: the parse alone (hoverAt at the file's first character parses the file into the model and does almost
// nothing else). The ratio lint/parse is what the rules, the helper-method analysis and the provisioning shell cost.
// Then both ways to the Ruby parser (src/core/vagrant/prism.ts), each loaded anew in this process and timed on the
// same files: internal (parsePrism on our own instance, the default) and public (@ruby/prism's loadPrism(), the
// fallback when the internal way fails its self-check); public/internal is the fallback's cost.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
const dir = join(root, 'test', 'corpus', 'files', 'vagrantfile');
const RUNS = Number(process.env.BENCH_RUNS || 21);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await dg.ready('vagrantfile');
const config = dg.mergeConfig(dg.defaultConfig(), {});
const files = readdirSync(dir)
  .filter((f) => dg.kindOf(f) === 'vagrantfile')
  .map((f) => ({ f, size: statSync(join(dir, f)).size }))
  .sort((a, b) => b.size - a.size)
  .slice(0, 3);
for (const { f, size } of files) {
  const text = readFileSync(join(dir, f), 'utf8');
  const env = dg.nodeEnv(join(dir, f));
  const lintT = [];
  const parseT = [];
  let findings = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    let t = performance.now();
    dg.hoverAt(text, 'vagrantfile', { line: 0, character: 0 }, config, env);
    const p = performance.now() - t;
    t = performance.now();
    findings = dg.lint(text, 'vagrantfile', config, env).length;
    const l = performance.now() - t;
    if (i >= 2) {
      parseT.push(p);
      lintT.push(l);
    }
  }
  const l = median(lintT);
  const p = median(parseT);
  console.log(`${f.padEnd(44)} ${(size / 1024).toFixed(1).padStart(5)} KiB  lint ${l.toFixed(2).padStart(6)} ms  parse ${p.toFixed(2).padStart(6)} ms  lint/parse ${(l / p).toFixed(2)}  (${findings} findings)`);
}

// ---------------------------------------------------------------- the two ways to the parser
const ways = {};
for (const way of ['internal', 'public', 'internal', 'public']) {
  await dg.loadRubyParser(way);
  if (dg.prismBackend() !== way) throw new Error(`asked for the ${way} way, got ${dg.prismBackend()}`);
  const w = (ways[way] ??= { load: [], parse: new Map() });
  w.load.push(dg.prismLoadMs);
  for (const { f } of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    const env = dg.nodeEnv(join(dir, f));
    const t = { ruby: [], lint: [] };
    // CPU time of this process, not wall time: on a shared machine the wall clock also counts other processes
    const cpu = (c0) => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    for (let i = 0; i < RUNS + 2; i++) {
      let c0 = process.cpuUsage();
      dg.parseRuby(text);
      const r = cpu(c0);
      c0 = process.cpuUsage();
      dg.lint(text, 'vagrantfile', config, env);
      const l = cpu(c0);
      if (i >= 2) {
        t.ruby.push(r);
        t.lint.push(l);
      }
    }
    const prev = w.parse.get(f) ?? { ruby: [], lint: [] };
    w.parse.set(f, { ruby: [...prev.ruby, ...t.ruby], lint: [...prev.lint, ...t.lint] });
  }
}
await dg.loadRubyParser('internal');
const fmt = (n) => n.toFixed(2).padStart(7);
const loads = (w) => w.load.map((x) => x.toFixed(0)).join(', ');
// the first WASM compile in a process also waits for background work: each way was loaded twice, in turn
console.log(`parser load (compile + instantiate + self-check), ms: internal ${loads(ways.internal)}; public ${loads(ways.public)} (two loads each, in turn; the public way then loads a spare instance, not counted)`);
for (const { f } of files) {
  const i = ways.internal.parse.get(f);
  const p = ways.public.parse.get(f);
  const [ri, rp, li, lp] = [median(i.ruby), median(p.ruby), median(i.lint), median(p.lint)];
  console.log(`${f.padEnd(44)} Prism parse: internal ${fmt(ri)} ms  public ${fmt(rp)} ms  (${(rp / ri).toFixed(2)})   lint: internal ${fmt(li)} ms  public ${fmt(lp)} ms  (${(lp / li).toFixed(2)})  [CPU ms, medians]`);
}
