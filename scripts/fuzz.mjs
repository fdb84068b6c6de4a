// The fuzz suite's long mode: 100,000 inputs per kind by default (CI runs a few thousand in `npm test`).
//   npm run fuzz                          build, then 100,000 inputs per kind
//   npm run fuzz -- --count 20000 --seed 7 --kind mycnf
//   npm run fuzz -- --kind dockerfile --start 50000 --count 50000     one chunk of a long run (same seed)
//   npm run fuzz -- --no-build ...                                    run the last build (out/) as it is
//   npm run fuzz -- --trace /tmp/current.txt ...                      write each input there before linting it (a hang names its input)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const build = args.includes('--no-build') ? { status: 0 } : spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const env = { ...process.env, FUZZ_COUNT: opt('count', '100000'), MOCHA_REPORTER: 'spec', MOCHA_TIMEOUT: '0' };
if (opt('seed')) env.FUZZ_SEED = opt('seed');
if (opt('kind')) env.FUZZ_KIND = opt('kind');
if (opt('start')) env.FUZZ_START = opt('start');
if (opt('trace')) env.FUZZ_TRACE = opt('trace');
const r = spawnSync(process.execPath, ['--expose-gc', join(root, 'scripts/run-mocha.cjs'), join(root, 'out/test/fuzz/fuzz.test.js')], { cwd: root, stdio: 'inherit', env });
process.exit(r.status ?? 1);
