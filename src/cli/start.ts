/**
 * dist/cli.js, the `devops-guidance` command: a small loader for the CLI proper (dist/cli-main.js).
 *
 * Starting fast is most of a one-file run's time. Two things make it so:
 * - V8's code cache: the build runs the CLI once and saves the compiled code (dist/cli-main.js.cache); here the
 *   bundle is compiled with it, so its 1 MB is not parsed and compiled again on every run. A cache made by another
 *   Node version is rejected by V8 and the bundle compiles as usual: same result, a little slower.
 * - For `lint`, the WebAssembly parsers are compiled with V8's baseline compiler only (Liftoff): on this machine
 *   class the optimising tier costs more than it earns back, even over the whole corpus (216 Dockerfiles: 11.7-13.1 s
 *   with Liftoff only, 15.5-17.7 s with tiering). DEVOPS_GUIDANCE_NO_LIFTOFF=1 keeps V8's default. The language
 *   server, which runs for hours, keeps the default too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import Module from 'node:module';

/** lint runs end before V8's optimising WebAssembly tier pays off (measured: bench/cli-start.mjs, and the corpus). */
function baselineOnly(argv: string[]): boolean {
  return (argv[0] === 'lint' || argv[0] === 'hadolint') && !process.env.DEVOPS_GUIDANCE_NO_LIFTOFF;
}

const file = join(__dirname, 'cli-main.js');
const source = readFileSync(file, 'utf8');
let cachedData: Buffer | undefined;
const writeCache = process.env.DEVOPS_GUIDANCE_WRITE_CODE_CACHE === '1';
if (!writeCache) {
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
if (process.env.DEVOPS_GUIDANCE_DEBUG_START) {
  process.stderr.write(`devops-guidance: code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'absent'}\n`);
}
if (writeCache) process.once('exit', () => writeFileSync(`${file}.cache`, script.createCachedData()));
else if (baselineOnly(process.argv.slice(2))) setFlagsFromString('--liftoff-only');
(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, __dirname);
