// node scripts/dockerfile-findings.mjs [out.json] [--compare before.json]
// Every finding (code, severity, message, range, fixes, related) of the whole Dockerfile corpus
// (test/corpus/files/dockerfile) with every Dockerfile rule on (the bench's configuration), as JSON: the proof that a
// speed change changes no finding. Lints each file cold, warm and with web-tree-sitter's public TreeCursor and
// fails when the three disagree. With --compare, exits 1 and names the first differing file when the result differs
// from an earlier dump. Uses dist/engine.js (npm run build first) or the engine named by DG_ENGINE.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { everyDockerfileRule } from '../bench/dockerfile-config.mjs';
import { dg, finish, root } from './findings-dump.mjs';

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
finish(cold, [['warm', warm], ['public-cursor', fallback]], 'files');
