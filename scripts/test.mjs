// The whole test suite: type-check, build, plain-Node suites (unit, rules, corpus), then the editor suite in a
// real VS Code (code-server). Ends with one line "N passed, N failed" summing every suite.
//   npm test                       everything
//   npm test -- unit rules         only these suites (typecheck and build always run)
//   SKIP_EDITOR=1 npm test         everything but the editor suite
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdtempSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (s) => !only.length || only.includes(s);
const results = [];
const t0 = performance.now();

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0;
}

function record(suite, passes, failures, pending = 0, ms = 0) {
  results.push({ suite, passes, failures, pending, ms });
}

// Committed generated sources (the rule registries) must be what the generator writes now; checked before the
// build, which rewrites them.
let t = performance.now();
const current = run(process.execPath, [join(root, 'scripts/gen-registry.mjs'), '--check']);
record('generated', current ? 1 : 0, current ? 0 : 1, 0, performance.now() - t);

t = performance.now();
const built = run(process.execPath, ['esbuild.mjs']);
record('build', built ? 1 : 0, built ? 0 : 1, 0, performance.now() - t);

t = performance.now();
const typed = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
record('typecheck', typed ? 1 : 0, typed ? 0 : 1, 0, performance.now() - t);

function walk(dir, acc = []) {
  if (!existsSync(dir)) return acc;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (p.endsWith('.test.js')) acc.push(p);
  }
  return acc;
}

const tmp = mkdtempSync(join(tmpdir(), 'dg-test-'));
if (built) {
  const suites = readdirSync(join(root, 'out/test')).filter((d) => d !== 'editor' && statSync(join(root, 'out/test', d)).isDirectory()).sort();
  for (const suite of suites) {
    if (!want(suite)) continue;
    const files = walk(join(root, 'out/test', suite)).sort();
    if (!files.length) continue;
    const resultFile = join(tmp, `${suite}.json`);
    console.log(`\n=== ${suite} (${files.length} files) ===`);
    t = performance.now();
    // --enable-source-maps: stack traces name the TypeScript files and lines (the test bundles carry inline maps)
    run(process.execPath, ['--enable-source-maps', join(root, 'scripts/run-mocha.cjs'), ...files], { env: { ...process.env, RESULT_FILE: resultFile } });
    if (existsSync(resultFile)) {
      const r = JSON.parse(readFileSync(resultFile, 'utf8'));
      record(suite, r.passes, r.failures, r.pending, performance.now() - t);
    } else record(suite, 0, 1, 0, performance.now() - t);
  }
  if (want('editor') && !process.env.SKIP_EDITOR && existsSync(join(root, 'test/editor/run.mjs'))) {
    console.log('\n=== editor (VS Code via code-server) ===');
    const resultFile = join(tmp, 'editor.json');
    t = performance.now();
    run(process.execPath, [join(root, 'test/editor/run.mjs')], { env: { ...process.env, RESULT_FILE: resultFile } });
    if (existsSync(resultFile)) {
      const r = JSON.parse(readFileSync(resultFile, 'utf8'));
      record('editor', r.passes, r.failures, r.pending, performance.now() - t);
    } else record('editor', 0, 1, 0, performance.now() - t);
  }
}

console.log('\nsuite        passed  failed  skipped   seconds');
for (const r of results) {
  console.log(`${r.suite.padEnd(12)} ${String(r.passes).padStart(6)}  ${String(r.failures).padStart(6)}  ${String(r.pending).padStart(7)}  ${(r.ms / 1000).toFixed(1).padStart(8)}`);
}
const passed = results.reduce((a, r) => a + r.passes, 0);
const failed = results.reduce((a, r) => a + r.failures, 0);
const skipped = results.reduce((a, r) => a + r.pending, 0);
console.log(`total time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
