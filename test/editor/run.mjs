#!/usr/bin/env node
// The editor suite: packages the extension as a .vsix, installs it into a real VS Code (code-server 4.100.3, which
// carries VS Code 1.100.3's server, Node extension host and web workbench), and runs test/editor/suite/*.test.ts
// inside that extension host, driven through Debian's Chromium with playwright-core. Why this way, and what was
// verified: the editor-tests design note.
//
//   node test/editor/run.mjs [--screenshots] [--keep] [--grep TEXT] [--only main|activation]
//     --screenshots  copy the screenshots the tests take into docs/ (README images)
//     --keep         keep the temporary folder (logs, workspace copies, profile) and print its path
//     --grep TEXT    only tests whose full title matches TEXT (or DG_EDITOR_GREP, or MOCHA_GREP as the other suites)
//     --only PASS    run only the main pass or only the per-kind activation passes
//
// Environment: DG_CODE_SERVER_DIR (default ~/.cache/devops-guidance/code-server; test/editor/install-code-server.sh
// installs it there), DG_VSCE_ARGS (extra arguments for vsce package), DG_CHROMIUM (default /usr/bin/chromium), DG_EDITOR_TIMEOUT_S (whole run, default 300),
// RESULT_FILE (written as {"passes","failures","pending"} for scripts/test.mjs).
//
// The extension under test is the installed .vsix. VS Code only runs extensionTestsPath together with an
// extensionDevelopmentPath, so the development extension is a separate, empty "harness" (a package.json written
// next to the built tests): the tests load in its context and drive the installed extension through the vscode API.
//
// Passes: one workbench page per pass, all against the same code-server. Three activation passes each open a folder
// holding one file of one kind, so each kind's activation is seen from a cold extension host; the main pass opens
// a copy of test/editor/workspace and runs everything else.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const here = join(root, 'test/editor');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SCREENSHOTS = flag('--screenshots');
const KEEP = flag('--keep');
const GREP = option('--grep') ?? process.env.DG_EDITOR_GREP ?? process.env.MOCHA_GREP ?? '';
const ONLY = option('--only');
const DEBUG = !!process.env.DG_EDITOR_DEBUG;
const CS_DIR = process.env.DG_CODE_SERVER_DIR || join(homedir(), '.cache/devops-guidance/code-server');
const ENTRY = join(CS_DIR, 'node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.DG_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.DG_EDITOR_TIMEOUT_S || 300) * 1000;
const EXTENSION_ID = 'devops-guidance.devops-guidance';
/** Every line the suite prints starts with this (test/editor/log.ts); the rest of codeAutomationLog is the workbench's. */
const PREFIX = 'DG| ';
const KINDS = [
  { kind: 'dockerfile', file: 'Dockerfile' },
  { kind: 'mycnf', file: 'my.cnf' },
  { kind: 'vagrantfile', file: 'Vagrantfile' },
];

const t0 = performance.now();
const secs = (t = t0) => ((performance.now() - t) / 1000).toFixed(1);
const say = (msg) => console.log(`editor: ${msg}`);
const totals = { passes: 0, failures: 0, pending: 0 };
const failedTitles = [];
const metrics = {};
const shots = [];
const problems = [];
const extensionLog = { activate: [], parsers: {} }; // harness-level failures (build, packaging, start, timeout), each counted as one failure
let tmp;
let server;
let context;

function writeResult() {
  const result = { ...totals, failures: totals.failures + problems.length };
  if (process.env.RESULT_FILE) writeFileSync(process.env.RESULT_FILE, JSON.stringify(result));
  return result;
}

function fail(message) {
  problems.push(message);
  throw Object.assign(new Error(message), { harness: true });
}

/** Runs a command to completion; fails the run with its output when it does not succeed. */
function must(what, cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...opts });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) fail(`${what} failed (${cmd} ${args.join(' ')}; exit ${r.status ?? r.signal}):\n${out.trim().split('\n').slice(-30).join('\n')}`);
  say(`${what} (${secs(t)} s)`);
  return out;
}

/**
 * Builds the suite into the run's own folder (never into out/, which a concurrent `npm run build` deletes and
 * rewrites). That folder is also the harness: the development extension VS Code requires beside extensionTestsPath.
 * It contributes nothing; its node_modules link lets the built tests require mocha.
 */
async function buildTests(dir) {
  const esbuild = await import('esbuild');
  const suiteDir = join(here, 'suite');
  const entries = [join(here, 'index.ts'), ...readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => join(suiteDir, f))];
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    entryPoints: entries,
    outdir: dir,
    outbase: here,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['mocha', 'vscode'],
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: 'devops-guidance-editor-tests', publisher: 'devops-guidance', version: '0.0.0', private: true, engines: { vscode: '^1.100.0' }, extensionKind: ['workspace'] },
      null,
      2,
    ),
  );
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

async function waitHealthy(port) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  fail(`code-server did not answer /healthz on port ${port} within 10 s (log: ${join(tmp, 'code-server.log')})`);
}

/** Starts code-server in its own process group on a port the OS picks; resolves with the port once /healthz answers. */
async function startServer(dirs, env) {
  const args = [
    ENTRY,
    '--config', dirs.config,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
  server = spawn(process.execPath, args, { cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const log = [];
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server printed no listening address within 20 s')), 20000);
    const onData = (chunk) => {
      const s = chunk.toString();
      log.push(s);
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log.join(''));
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${log.join('').trim()}`));
    });
  }).catch((e) => fail(e.message));
  server.stdout.on('data', (c) => log.push(c.toString()));
  server.stderr.on('data', (c) => log.push(c.toString()));
  server.log = log;
  await waitHealthy(port);
  return port;
}

function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = (sig) => {
      try {
        process.kill(-server.pid, sig); // the whole group: code-server, its extension hosts, file watchers, pty host
      } catch {}
    };
    const hard = setTimeout(() => kill('SIGKILL'), 3000);
    server.once('exit', () => {
      clearTimeout(hard);
      kill('SIGKILL'); // stragglers of the group that outlive the server process
      done();
    });
    kill('SIGTERM');
  });
}

/**
 * One workbench page: opens `folder` with the harness and the tests module, streams the extension host's console
 * (mocha's report) to stdout, takes screenshots on request, and resolves with the mocha result.
 */
async function runPass(name, folder, port, dirs, deadline, buffered = false) {
  const t = performance.now();
  const out = [];
  const print = buffered ? (l) => out.push(l) : (l) => console.log(l);
  const page = await context.newPage();
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  let result;
  let exitCode;
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  const pending = [];

  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = String(message ?? '');
    for (const line of text.split('\n')) {
      if (DEBUG) print(`  [${name} ${secs(t)}] ${level} ${line}`);
      if (!line.startsWith(PREFIX)) {
        // the workbench's own log; keep only what concerns the extension under test
        if (!DEBUG && (level === 'error' || level === 'warn') && line.includes(EXTENSION_ID)) print(`  [workbench ${level}] ${line}`);
        continue;
      }
      const msg = line.slice(PREFIX.length);
      if (msg.startsWith('DG_EDITOR_RESULT ')) {
        try {
          result = JSON.parse(msg.slice('DG_EDITOR_RESULT '.length));
        } catch {}
        continue;
      }
      const metric = /^DG_METRIC (\S+) ([\d.]+)/.exec(msg);
      if (metric) {
        metrics[metric[1]] = Number(metric[2]);
        continue;
      }
      const click = /^DG_CLICK (\S+) (.*)$/.exec(msg);
      if (click) {
        pending.push(clickFor(page, click[1], dirs.clicks, JSON.parse(click[2])));
        continue;
      }
      const keys = /^DG_KEYS (\S+) (.*)$/.exec(msg);
      if (keys) {
        pending.push(keysFor(page, keys[1], dirs.clicks, JSON.parse(keys[2])));
        continue;
      }
      const read = /^DG_READ (\S+) (.*)$/.exec(msg);
      if (read) {
        pending.push(readFor(page, read[1], dirs.clicks, JSON.parse(read[2])));
        continue;
      }
      const shot = /^DG_SCREENSHOT (\S+)(?: (.*))?$/.exec(msg);
      if (shot) {
        pending.push(takeScreenshot(page, shot[1], dirs.screens, shot[2] ? JSON.parse(shot[2]) : {}));
        continue;
      }
      if (!DEBUG) print(`  ${msg}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    if (DEBUG) say(`[${secs(t)}] codeAutomationExit(${code})`);
    exitCode = code;
    resolveExit();
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));

  const payload = [
    ['extensionDevelopmentPath', remote(dirs.harness)],
    ['extensionTestsPath', remote(join(dirs.harness, 'index.js'))],
    ['extensionDevelopmentKind', 'workspace'],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  say(`pass ${name}: ${basename(folder)}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  let timer;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise((r) => (timer = setTimeout(() => r(true), Math.max(1000, deadline - Date.now())))),
  ]);
  clearTimeout(timer);
  await Promise.allSettled(pending);
  await page.close().catch(() => {});
  const ms = performance.now() - t;
  if (timedOut) {
    const where = result ? 'after the tests reported' : 'before the tests reported a result';
    problems.push(`pass ${name}: timed out ${where} (${(ms / 1000).toFixed(0)} s)${pageErrors.length ? `; page errors: ${pageErrors.slice(0, 3).join(' | ')}` : ''}`);
  } else if (!result) {
    problems.push(`pass ${name}: the extension host ended (exit ${exitCode}) without a mocha result: the tests module did not load or run${pageErrors.length ? `; page errors: ${pageErrors.slice(0, 3).join(' | ')}` : ''}`);
  }
  if (result && !GREP && result.passes + result.failures + result.pending === 0) problems.push(`pass ${name}: no tests ran`);
  if (result) {
    totals.passes += result.passes;
    totals.failures += result.failures;
    totals.pending += result.pending;
    for (const f of result.failed ?? []) failedTitles.push(`[${name}] ${f.title}: ${f.error.split('\n')[0]}`);
    if (!timedOut && exitCode !== (result.failures ? 1 : 0)) problems.push(`pass ${name}: exit code ${exitCode} does not match ${result.failures} failures`);
  }
  for (const l of out) console.log(l);
  say(`pass ${name} done in ${(ms / 1000).toFixed(1)} s${result ? `: ${result.passes} passed, ${result.failures} failed, ${result.pending} skipped` : ''}`);
}

function findFiles(dir, pred, acc = []) {
  for (const e of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    const p = join(dir, e.name);
    if (e.isDirectory()) findFiles(p, pred, acc);
    else if (pred(p)) acc.push(p);
  }
  return acc;
}

/**
 * Clicks, as a user would with the mouse, the first visible element of the workbench (or, `inFrames`, of any frame:
 * webviews) matching `selector` (and containing `text`), for a test that asked with a `DG_CLICK` line; then writes `<id>.done` (or `<id>.failed` with
 * the reason) in `dir`, which the test waits for.
 */
async function clickFor(page, id, dir, { selector, text, inFrames }) {
  if (!/^[\w.-]+$/.test(id)) return;
  try {
    const match = (root) => {
      let target = root.locator(selector);
      if (text) target = target.filter({ hasText: text });
      return target.first();
    };
    let target = inFrames ? undefined : match(page);
    // in a webview (a rendered page): its document is an iframe inside an iframe
    for (const end = Date.now() + 15000; !target && Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      for (const f of page.frames()) if (await match(f).isVisible().catch(() => false)) target = match(f);
    }
    if (!target) throw new Error(`nothing visible matches ${selector} ${text ?? ''} in any frame`);
    await target.click({ timeout: 15000 });
    writeFileSync(join(dir, `${id}.done`), '');
  } catch (e) {
    writeFileSync(join(dir, `${id}.failed`), String(e?.message ?? e));
  }
}

/**
 * Types on the keyboard, as a user would, into whatever has the focus in the workbench (`text`, then the keys in
 * `press`, such as "Escape"), for a test that asked with a `DG_KEYS` line; then writes `<id>.done` (or `<id>.failed`).
 */
async function keysFor(page, id, dir, { text, press }) {
  if (!/^[\w.-]+$/.test(id)) return;
  try {
    if (text) await page.keyboard.type(text, { delay: 20 });
    for (const k of press ?? []) await page.keyboard.press(k);
    writeFileSync(join(dir, `${id}.done`), '');
  } catch (e) {
    writeFileSync(join(dir, `${id}.failed`), String(e?.message ?? e));
  }
}

/**
 * Reads what a user sees: the text (an input's value) of every visible element of the workbench matching `selector`, in document order,
 * written as JSON to `<id>.json` (or `<id>.failed`), for a test that asked with a `DG_READ` line.
 */
async function readFor(page, id, dir, { selector }) {
  if (!/^[\w.-]+$/.test(id)) return;
  try {
    const texts = await page.locator(selector).evaluateAll((els) =>
      els.filter((e) => e.offsetParent !== null || e.getClientRects().length).map((e) => ({ text: e.innerText, value: typeof e.value === 'string' ? e.value : '', aria: e.getAttribute('aria-label') ?? '', top: e.getBoundingClientRect().top })),
    );
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(texts));
  } catch (e) {
    writeFileSync(join(dir, `${id}.failed`), String(e?.message ?? e));
  }
}

/**
 * Screenshots the page once what the test wants shown is drawn: `selector` (in the workbench) and/or `text` (in any
 * frame, so inside webviews such as the Markdown preview). Then renames the file into place: the test waits for it.
 */
async function takeScreenshot(page, name, dir, { selector, text } = {}) {
  if (!/^[\w.-]+$/.test(name)) return;
  const final = join(dir, `${name}.png`);
  const part = join(dir, `.${name}.part.png`);
  try {
    const end = Date.now() + 15000;
    const drawn = async () => {
      if (selector && !(await page.locator(selector).first().isVisible().catch(() => false))) return false;
      if (!text) return true;
      for (const f of page.frames()) if (await f.getByText(text, { exact: false }).first().isVisible().catch(() => false)) return true;
      return false;
    };
    while (!(await drawn())) {
      if (Date.now() > end) {
        const parts = (selector ?? '').split(' ').filter(Boolean);
        const counts = await Promise.all(parts.map((_, i) => page.locator(parts.slice(0, i + 1).join(' ')).count().catch(() => -1)));
        console.log(`  warning: screenshot ${name}: ${selector ?? ''} ${text ?? ''} not visible after 15 s (matches per selector prefix: ${counts.join(', ')}); taken anyway`);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 300)); // let animations (hover fade-in, squiggles) settle
    await page.screenshot({ path: part, type: 'png' });
    renameSync(part, final); // the test waits for the final name: it must appear complete
    shots.push(final);
  } catch (e) {
    console.log(`  warning: screenshot ${name} failed: ${e?.message ?? e}`);
  }
}

async function main() {
  if (!existsSync(ENTRY)) {
    fail(
      `code-server is not installed in ${CS_DIR} (DG_CODE_SERVER_DIR).\n` +
        `  Install it with: test/editor/install-code-server.sh "${CS_DIR}"   (.ci/run does this on CI),\n` +
        `  or skip this suite with SKIP_EDITOR=1 npm test.`,
    );
  }
  if (!existsSync(CHROMIUM)) fail(`Chromium not found at ${CHROMIUM} (DG_CHROMIUM); install the Debian package: apt-get install chromium`);

  tmp = mkdtempSync(join(tmpdir(), 'dg-editor-'));
  const dirs = {
    config: join(tmp, 'code-server.yaml'),
    userData: join(tmp, 'user-data'),
    extensions: join(tmp, 'extensions'),
    profile: join(tmp, 'chromium'),
    screens: join(tmp, 'screenshots'),
    clicks: join(tmp, 'clicks'),
    harness: join(tmp, 'harness'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.profile, dirs.screens, dirs.clicks]) mkdirSync(d, { recursive: true });
  writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  // The workbench as a user would have it, minus what would only get in the way of tests and screenshots.
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User/settings.json'),
    JSON.stringify(
      {
        // the web workbench saves after a delay by default: tests edit files and revert them, nothing may reach disk
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.colorTheme': 'Default Light Modern',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.minimap.enabled': false,
        'editor.fontSize': 14,
        'editor.hover.delay': 100,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );

  // 1. the .vsix, exactly as `npm run package` builds it (production bundle), and the tests
  must('production build', process.execPath, ['esbuild.mjs', '--production', '--no-tests']);
  const vsix = join(tmp, 'devops-guidance.vsix');
  const vsceOut = must('vsce package', process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix, ...(process.env.DG_VSCE_ARGS ?? '').split(' ').filter(Boolean)]);
  const vsceWarnings = vsceOut.split('\n').filter((l) => /WARNING/.test(l));
  for (const w of vsceWarnings) say(`vsce: ${w.trim()}`);
  let t = performance.now();
  await buildTests(dirs.harness);
  say(`editor tests built (${secs(t)} s)`);

  const env = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}',
    DG_EDITOR_GREP: GREP,
    ...(SCREENSHOTS ? { DG_SCREENSHOT_DIR: dirs.screens } : {}),
    DG_CLICK_DIR: dirs.clicks,
    DG_EXTENSIONS_DIR: dirs.extensions,
    DG_VSIX: vsix,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to a VS Code this process may have been started from

  // 2. install it as a user would
  const installed = must('install the .vsix', process.execPath, [ENTRY, '--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], { env });
  if (!/successfully installed/i.test(installed)) fail(`code-server did not install the .vsix:\n${installed}`);

  // 3. workspaces: a copy per pass, so the tests may edit, save and create files freely
  const mainWs = join(tmp, 'workspace');
  cpSync(join(here, 'workspace'), mainWs, { recursive: true });
  // the repository's examples, for tests that check what the editor does to them (a copy: tests never touch the repo)
  const examples = join(tmp, 'examples');
  cpSync(join(root, 'examples'), examples, { recursive: true });
  env.DG_EXAMPLES_DIR = examples;
  const passes = [];
  if (ONLY !== 'main') {
    for (const k of KINDS) {
      const ws = join(tmp, `activation-${k.kind}`);
      mkdirSync(ws);
      copyFileSync(join(here, 'workspace', k.file), join(ws, k.file));
      passes.push({ name: `activation-${k.kind}`, folder: ws });
    }
  }
  if (ONLY !== 'activation') passes.push({ name: 'main', folder: mainWs });

  // 4. code-server and Chromium
  t = performance.now();
  const port = await startServer(dirs, env);
  say(`code-server ${port} ready (${secs(t)} s)`);
  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  for (const p of context.pages()) await p.close();

  const deadline = Date.now() + (TIMEOUT_MS - (performance.now() - t0));
  // The activation passes are small and mostly wait on workbench start-up: run them side by side, each in its own
  // page and extension host, their reports printed whole when each ends. Then the main pass, alone.
  const activation = passes.filter((p) => p.name.startsWith('activation-'));
  await Promise.all(activation.map((p) => runPass(p.name, p.folder, port, dirs, deadline, true)));
  for (const p of passes.filter((x) => !activation.includes(x))) {
    if (Date.now() >= deadline) {
      problems.push(`pass ${p.name}: not run, the ${TIMEOUT_MS / 1000} s budget is used up`);
      continue;
    }
    await runPass(p.name, p.folder, port, dirs, deadline);
  }

  // The extension's own log (its output channel), one file per extension host: activation and parser load times.
  for (const f of findFiles(join(dirs.userData, 'logs'), (p) => p.endsWith('DevOps Guidance.log'))) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const m = /activated in ([\d.]+) ms|(\w+) parser loaded in ([\d.]+) ms/.exec(line);
      if (m?.[1]) extensionLog.activate.push(Number(m[1]));
      else if (m?.[2]) (extensionLog.parsers[m[2]] ??= []).push(Number(m[3]));
    }
  }

  if (SCREENSHOTS) {
    const docs = join(root, 'docs');
    mkdirSync(docs, { recursive: true });
    for (const f of shots) copyFileSync(f, join(docs, `screenshot-${basename(f)}`));
    say(`${shots.length} screenshot(s) copied to docs/: ${shots.map((f) => `screenshot-${basename(f)}`).join(', ') || '(none)'}`);
  }
}

// Never leave code-server behind: it runs in its own process group (Chromium is Playwright's to close).
const killGroup = () => {
  try {
    if (server && server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
  } catch {}
};
process.on('exit', killGroup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.log(`editor: ${sig}; stopping code-server`);
    killGroup();
    if (tmp && !KEEP) rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

const guard = setTimeout(() => {
  problems.push(`the editor suite did not finish within ${TIMEOUT_MS / 1000 + 30} s; stopped`);
  cleanup().finally(() => report(true));
}, TIMEOUT_MS + 30000);

async function cleanup() {
  await context?.close().catch(() => {});
  await stopServer();
  if (!tmp || KEEP) return;
  if (!process.exitCode) rmSync(tmp, { recursive: true, force: true });
  else for (const big of ['chromium', 'extensions', 'devops-guidance.vsix']) rmSync(join(tmp, big), { recursive: true, force: true }); // keep the logs
}

function report(forced = false) {
  clearTimeout(guard);
  const r = writeResult();
  const metricNames = Object.keys(metrics).sort();
  if (metricNames.length) {
    say('timings (ms):');
    for (const k of metricNames) console.log(`  ${k.padEnd(36)} ${metrics[k].toFixed(1).padStart(8)}`);
  }
  if (extensionLog.activate.length) {
    const list = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
    say(`extension log: activate() ${list(extensionLog.activate)} ms; parser load ${Object.entries(extensionLog.parsers).map(([k, v]) => `${k} ${list(v)} ms`).join('; ')}`);
  }
  if (failedTitles.length) {
    say('failed tests:');
    for (const f of failedTitles) console.log(`  ✗ ${f}`);
  }
  for (const p of problems) console.log(`editor: ✗ ${p}`);
  if ((problems.length || failedTitles.length) && tmp) {
    const logs = join(tmp, 'user-data/logs');
    console.log(`editor: logs kept in ${tmp} (code-server.log; extension host: ${logs}/*/exthost*/remoteexthost.log)`);
  } else if (KEEP && tmp) console.log(`editor: kept ${tmp}`);
  console.log(`editor: ${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''} in ${secs()} s`);
  process.exitCode = r.failures ? 1 : 0;
  if (forced) process.exit(process.exitCode);
}

try {
  await main();
} catch (e) {

  if (!e?.harness) problems.push(`the runner crashed: ${e?.stack ?? e}`);
}
if (server?.log && tmp && existsSync(tmp)) writeFileSync(join(tmp, 'code-server.log'), server.log.join(''));
process.exitCode = problems.length || totals.failures ? 1 : 0;
await cleanup();
report();
