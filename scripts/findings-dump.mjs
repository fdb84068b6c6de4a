// What scripts/dockerfile-findings.mjs and scripts/mycnf-findings.mjs share: the engine (dist/engine.js, or the one
// named by DG_ENGINE), their arguments ([out.json] [--compare before.json]), and the check that ends them: the cold
// lint agrees with the other ways of linting the same inputs, is written out, and equals an earlier dump.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const dg = createRequire(import.meta.url)(process.env.DG_ENGINE ?? join(root, 'dist/engine.js'));
export { root };

const args = process.argv.slice(2);
const ci = args.indexOf('--compare');
const compareWith = ci >= 0 ? args.splice(ci, 2)[1] : undefined;
const out = args[0];

const firstDiff = (a, b) => Object.keys({ ...a, ...b }).find((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));

/**
 * `cold`: findings per input name; `others`: [what, findings per name] that must equal it; `what`: the inputs
 * counted in the summary line ("files", "lints"). Exits 1 when anything differs.
 */
export function finish(cold, others, what) {
  let failed = false;
  for (const [how, other] of others) {
    if (!other) continue;
    const d = firstDiff(cold, other);
    if (d) {
      console.error(`the ${how} lint differs from the cold one on ${d}`);
      failed = true;
    }
  }
  if (out) writeFileSync(out, JSON.stringify(cold, null, 1));
  const count = Object.values(cold).reduce((a, fs) => a + fs.length, 0);
  console.log(`${Object.keys(cold).length} ${what}, ${count} findings${out ? ` written to ${out}` : ''}`);
  if (compareWith) {
    const d = firstDiff(JSON.parse(readFileSync(compareWith, 'utf8')), cold);
    if (d) {
      console.error(`findings differ from ${compareWith} on ${d}`);
      failed = true;
    } else console.log(`identical to ${compareWith}`);
  }
  process.exit(failed ? 1 : 0);
}
