// Builds everything: rule registries, the knowledge base (validated), the extension, the CLI and the tests.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified extension and CLI (what the .vsix ships)
//   node esbuild.mjs --no-tests    skip the test bundles
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('.', import.meta.url).pathname;
const production = process.argv.includes('--production');
const withTests = !process.argv.includes('--no-tests');
const dist = join(root, 'dist');
const out = join(root, 'out');

function step(name, fn) {
  const t = performance.now();
  const r = fn();
  const done = () => console.log(`build: ${name} ${Math.round(performance.now() - t)} ms`);
  return r instanceof Promise ? r.then((v) => (done(), v)) : (done(), r);
}

mkdirSync(dist, { recursive: true });
mkdirSync(out, { recursive: true });

step('rule registries', () => execFileSync(process.execPath, [join(root, 'scripts/gen-registry.mjs')], { stdio: 'inherit' }));

// Build-time generators (TypeScript, bundled then run): each writes assets into dist/.
const generators = ['scripts/build-kb.ts', 'scripts/build-mysql-options.ts'];
for (const g of generators) {
  const outfile = join(out, 'scripts', g.replace(/^scripts\//, '').replace(/\.ts$/, '.cjs'));
  await step(`bundle ${g}`, () =>
    esbuild.build({ entryPoints: [join(root, g)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' }),
  );
  try {
    step(`run ${g}`, () => execFileSync(process.execPath, [outfile, dist], { stdio: 'inherit', cwd: root }));
  } catch {
    console.error(`build: ${g} failed (see above)`);
    process.exit(1);
  }
}

const assets = [
  ['node_modules/@ruby/prism/src/prism.wasm', 'prism.wasm'],
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/tree-sitter-bash/tree-sitter-bash.wasm', 'tree-sitter-bash.wasm'],
];
step('copy assets', () => {
  for (const [from, to] of assets) copyFileSync(join(root, from), join(dist, to));
});

// @ruby/prism's entry point finds prism.wasm through its own import.meta.url. Bundled, that module's URL is made a
// call to src/node/prism-public.ts's prismEntryUrl() (a file in the assets folder the host names), and only there:
// the define below (web-tree-sitter) would send it to file:///prism.wasm.
const prismEntryUrl = {
  name: 'prism-entry-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]@ruby[\\/]prism[\\/]src[\\/]index\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const src = await readFile(args.path, 'utf8');
      if (!src.includes('new URL("prism.wasm", import.meta.url)')) {
        return { errors: [{ text: `@ruby/prism's entry point changed (${args.path}): review src/node/prism-public.ts` }] };
      }
      const helper = JSON.stringify(join(root, 'src/node/prism-public.ts'));
      return { contents: `import { prismEntryUrl as __dgPrismEntryUrl } from ${helper};\n` + src.replaceAll('import.meta.url', '__dgPrismEntryUrl()'), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const common = {
  plugins: [prismEntryUrl],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // web-tree-sitter's ESM build references import.meta.url; we always pass the wasm bytes ourselves.
  define: { 'import.meta.url': '"file:///"' },
};

await step('bundle extension + cli', () =>
  Promise.all([
    esbuild.build({ ...common, entryPoints: [join(root, 'src/vscode/extension.ts')], outfile: join(dist, 'extension.js'), external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: [join(root, 'src/node/engine-entry.ts')], outfile: join(dist, 'engine.js') }),
    esbuild.build({ ...common, entryPoints: [join(root, 'src/lsp/main.ts')], outfile: join(dist, 'lsp.js') }),
    // the Ruby parser's worker thread (src/node/prism-guard.ts starts it)
    esbuild.build({ ...common, entryPoints: [join(root, 'src/node/prism-worker.ts')], outfile: join(dist, 'prism-worker.js') }),
    // the CLI proper, loaded by dist/cli.js with V8's code cache (see src/cli/start.ts). A script compiled through
    // node:vm cannot call import() on Node 20: web-tree-sitter's CommonJS build (which loads no module through
    // import()) is used, and import() elsewhere becomes require().
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'src/cli/main.ts')],
      outfile: join(dist, 'cli-main.js'),
      alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') },
      supported: { 'dynamic-import': false },
    }),
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'src/cli/start.ts')],
      outfile: join(dist, 'cli.js'),
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]),
);

// V8's code cache for the CLI, made by running it once over the examples (functions compiled during the run are
// in it too). Rebuilt with every build: a cache only fits the exact source and Node version it was made with.
step('cli code cache', () => {
  rmSync(join(dist, 'cli-main.js.cache'), { force: true });
  try {
    execFileSync(process.execPath, [join(dist, 'cli.js'), 'lint', '--no-shellcheck', '--format', 'json', join(root, 'examples')], {
      env: { ...process.env, DEVOPS_GUIDANCE_WRITE_CODE_CACHE: '1' },
      stdio: 'ignore',
    });
  } catch {
    // exit 1: the examples have findings
  }
  if (!existsSync(join(dist, 'cli-main.js.cache'))) {
    console.error('build: the CLI did not run (no code cache written)');
    process.exit(1);
  }
});

function walk(dir, pred, acc = []) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return acc;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

if (withTests) {
  // Tests are built into a fresh folder and swapped in at the end, so a test run in progress elsewhere never
  // sees a half-written or deleted out/test.
  const staging = join(out, `test-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const nodeTests = walk(join(root, 'test'), (p) => p.endsWith('.test.ts') && !relative(join(root, 'test'), p).startsWith('editor/'));
  const editorEntries = walk(join(root, 'test/editor'), (p) => p.endsWith('.ts') && (p.includes('/suite/') || p.endsWith('index.ts')));
  await step('bundle tests', () =>
    Promise.all([
      nodeTests.length &&
        esbuild.build({
          ...common,
          sourcemap: 'inline',
          minify: false,
          entryPoints: nodeTests,
          outdir: staging,
          outbase: join(root, 'test'),
          external: ['mocha', 'vscode'],
        }),
      editorEntries.length &&
        esbuild.build({
          ...common,
          sourcemap: 'inline',
          minify: false,
          entryPoints: editorEntries,
          outdir: join(staging, 'editor'),
          outbase: join(root, 'test/editor'),
          external: ['mocha', 'vscode'],
        }),
    ]),
  );
  const old = join(out, `test-old-${process.pid}`);
  if (existsSync(join(out, 'test'))) renameSync(join(out, 'test'), old);
  renameSync(staging, join(out, 'test'));
  rmSync(old, { recursive: true, force: true });
  console.log(`build: ${nodeTests.length} node test files, ${editorEntries.length} editor test files (${relative(root, out)}/test)`);
}
