// Vagrantfile lint time on the largest Vagrantfiles of the repository's corpus, against a peer measured in the same
// run: the parse alone (hoverAt at the file's first character parses the file into the model and does almost
// nothing else). The ratio lint/parse is what the rules, the helper-method analysis and the provisioning shell cost.
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
