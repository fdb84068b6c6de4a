// Runs mocha over the given built test files and writes {passes, failures, pending, failed: [titles]} to $RESULT_FILE.
// Stack traces point at the TypeScript sources: the test bundles carry inline source maps (esbuild.mjs), read when
// node runs with --enable-source-maps (scripts/test.mjs passes it) or, for a direct `node scripts/run-mocha.cjs`, here.
process.setSourceMapsEnabled(true);
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

const files = process.argv.slice(2);
const mocha = new Mocha({ timeout: Number(process.env.MOCHA_TIMEOUT || 20000), reporter: process.env.MOCHA_REPORTER || 'dot', grep: process.env.MOCHA_GREP || undefined });
for (const f of files) mocha.addFile(f);
const failed = [];
const runner = mocha.run((failures) => {
  const s = runner.stats || {};
  const result = { passes: s.passes || 0, failures: s.failures || 0, pending: s.pending || 0, failed };
  if (process.env.RESULT_FILE) writeFileSync(process.env.RESULT_FILE, JSON.stringify(result));
  process.exitCode = failures ? 1 : 0;
  // A failed test can leave a child (a language server, a browser) holding the event loop open: the suite must still
  // end. The timer does not keep the process alive by itself.
  setTimeout(() => {
    console.error(`run-mocha: handles still open 15 s after the last test (${failures} failed); exiting`);
    process.exit(process.exitCode);
  }, 15000).unref();
});
runner.on('fail', (test) => failed.push(test.fullTitle()));
