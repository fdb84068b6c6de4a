// node scripts/dockerfile-findings.mjs [out.json] [--compare before.json]
// Every finding (code, severity, message, range, fixes, related) of the whole Dockerfile corpus
// (test/corpus/files/dockerfile) with every Dockerfile rule on (the bench's configuration), as JSON: the proof that a
// speed change changes no finding. Lints each file cold, warm and with web-tree-sitter's public TreeCursor and
// fails when the three disagree. With --compare, exits 1 and names the first differing file when the result differs
// from an earlier dump. Uses dist/engine.js (npm run build first) or the engine named by DG_ENGINE.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { everyDockerfileRule } from '../bench/dockerfile-config.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(process.env.DG_ENGINE ?? join(root, 'dist/engine.js'));
const args = process.argv.slice(2);
const ci = args.indexOf('--compare');
const compareWith = ci >= 0 ? args.splice(ci, 2)[1] : undefined;
const out = args[0];

const dir = join(root, 'test', 'corpus', 'files', 'dockerfile');
const names = readdirSync(dir).filter((f) => dg.kindOf(f) === 'dockerfile').sort();
await dg.ready('dockerfile');
const config = everyDockerfileRule(dg);
const lintAll = () => Object.fromEntries(names.map((f) => [f, dg.lint(readFileSync(join(dir, f), 'utf8'), 'dockerfile', config)]));
dg.clearCaches();
const cold = lintAll();
const warm = lintAll();
let fallback;
if (dg.setNativeCursor) {
  dg.clearCaches();
  dg.setNativeCursor(false);
  fallback = lintAll();
  dg.setNativeCursor(true);
}
const firstDiff = (a, b) => Object.keys({ ...a, ...b }).find((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
let failed = false;
for (const [what, other] of [['warm', warm], ['public-cursor', fallback]]) {
  if (!other) continue;
  const d = firstDiff(cold, other);
  if (d) {
    console.error(`${what} lint differs from the cold one on ${d}`);
    failed = true;
  }
}
const json = JSON.stringify(cold, null, 1);
if (out) writeFileSync(out, json);
const count = Object.values(cold).reduce((a, fs) => a + fs.length, 0);
console.log(`${names.length} files, ${count} findings${out ? ` written to ${out}` : ''}`);
if (compareWith) {
  const before = JSON.parse(readFileSync(compareWith, 'utf8'));
  const d = firstDiff(before, cold);
  if (d) {
    console.error(`findings differ from ${compareWith} on ${d}`);
    failed = true;
  } else console.log(`identical to ${compareWith}`);
}
process.exit(failed ? 1 : 0);
