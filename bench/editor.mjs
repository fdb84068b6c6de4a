// node bench/editor.mjs (after `node esbuild.mjs --production --no-tests`; bench/all.mjs runs it too) — the editor's
// in-process latency budgets for a 1,000-line file of each kind: diagnostics (a full lint) under 50 ms, a hover under
// 20 ms (the reference hover at a line in the middle, and the short hover of a finding). Median of several runs with
// the engine bundle (dist/engine.js). The peer, measured in the same run, is JSON.parse + JSON.stringify of the same
// text as a JSON string: the cost of merely handing that text across a process boundary, as a language server would.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const dg = require(join(root, 'dist/engine.js'));
const RUNS = Number(process.env.BENCH_RUNS || 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const BUDGET = { lint: 50, hover: 20 };
/** CPU time of this process (user + system, all its threads: the engine's work plus V8's GC helpers), in ms. */
const cpuMs = (u) => (u.user + u.system) / 1000;

function dockerfile(lines) {
  const out = [];
  for (let s = 0; out.length < lines; s++) {
    out.push(
      `FROM node:20.11-bookworm-slim AS build${s}`,
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'RUN npm ci',
      'COPY . .',
      `RUN npm run build -- --out dist${s} && cd dist${s} && ls -la`,
      'ENV NODE_ENV=production PORT=3000',
      'EXPOSE 3000',
      'USER node',
      `HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:3000/healthz || exit 1`,
      'CMD ["node", "dist/server.js"]',
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function mycnf(lines) {
  const samples = ['innodb_buffer_pool_size = 8G', 'max_connections = 500', 'binlog_format = ROW', 'sync_binlog = 1', 'innodb_flush_log_at_trx_commit = 1', 'gtid_mode = ON', 'enforce_gtid_consistency = ON', 'skip-name-resolve', 'character_set_server = utf8mb4', 'innodb_bufer_pool_size = 1G', 'long_query_time = 0.5', 'slow_query_log = yes', 'log_error = /var/log/mysql/error.log'];
  const out = ['# devops-guidance target=mysql-8.4', '[mysqld]'];
  for (let i = 0; out.length < lines; i++) {
    if (out.length % 97 === 0) out.push('', `[${['mysqld', 'client', 'mysqldump'][i % 3]}]`);
    else if (out.length % 13 === 0) out.push(`# note ${i}`);
    else out.push(samples[i % samples.length]);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function vagrantfile(lines) {
  const out = ['# -*- mode: ruby -*-', 'Vagrant.configure("2") do |config|', '  config.vm.box = "bento/ubuntu-24.04"', '  config.vm.box_version = "202404.26.0"'];
  for (let n = 0; out.length < lines - 1; n++) {
    out.push(
      `  config.vm.define "node${n}" do |node|`,
      `    node.vm.hostname = "node${n}"`,
      `    node.vm.network "private_network", ip: "192.168.56.${(n % 250) + 2}"`,
      `    node.vm.network "forwarded_port", guest: 80, host: ${8000 + n}, host_ip: "127.0.0.1"`,
      '    node.vm.provider "virtualbox" do |vb|',
      '      vb.memory = 1024',
      '      vb.cpus = 2',
      '    end',
      '    node.vm.provision "shell", inline: "apt-get update"',
      '  end',
    );
  }
  return out.slice(0, lines - 1).join('\n') + '\nend\n';
}

/** A line near the middle whose first word the hover explains. */
function hoverPoint(text, kind) {
  const lines = text.split('\n');
  const re = kind === 'dockerfile' ? /^WORKDIR/ : kind === 'mycnf' ? /^max_connections/ : /^\s+node\.vm\.hostname/;
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) if (re.test(lines[i])) return { line: i, character: kind === 'vagrantfile' ? lines[i].indexOf('hostname') + 2 : lines[i].search(/\S/) + 2 };
  return { line: 0, character: 0 };
}

const GEN = { dockerfile, mycnf, vagrantfile };
const rows = [];
for (const kind of Object.keys(GEN)) await dg.ready(kind);
for (const [kind, gen] of Object.entries(GEN)) {
  const text = gen(1000);
  const config = dg.defaultConfig();
  const lint = [];
  const hover = [];
  const hoverWarm = [];
  const hoverCold = [];
  const lintCpu = [];
  const hoverCpu = [];
  const findingHover = [];
  const peer = [];
  let findings = [];
  const at = hoverPoint(text, kind);
  let hovered;
  for (let k = 0; k < RUNS + 2; k++) {
    const c0 = process.cpuUsage();
    let t = performance.now();
    findings = dg.lint(text, kind, config);
    const l = performance.now() - t;
    const lc = cpuMs(process.cpuUsage(c0));
    // as in the editor: an edit, its lint (the diagnostics), then the first hover on that text, which reuses the
    // lint's parse; then a later hover; and, for reference, a hover on a text no lint has parsed (the mouse resting
    // on a line while the debounce has not fired yet)
    const edited = `${text}# edit ${k}\n`;
    dg.lint(edited, kind, config);
    const c1 = process.cpuUsage();
    t = performance.now();
    hovered = dg.hoverAt(edited, kind, at, config);
    const h = performance.now() - t;
    const hcpu = cpuMs(process.cpuUsage(c1));
    t = performance.now();
    dg.hoverAt(edited, kind, at, config);
    const hw = performance.now() - t;
    const unlinted = `${text}# unlinted ${k}\n`;
    t = performance.now();
    dg.hoverAt(unlinted, kind, at, config);
    const hc = performance.now() - t;
    t = performance.now();
    for (const f of findings.slice(0, 1)) dg.ruleHoverMarkdown(f.code, dg.firstSentence(f.message, 400));
    const fh = performance.now() - t;
    t = performance.now();
    JSON.parse(JSON.stringify(text));
    const p = performance.now() - t;
    if (k >= 2) {
      lint.push(l);
      hover.push(h);
      hoverWarm.push(hw);
      hoverCold.push(hc);
      lintCpu.push(lc);
      hoverCpu.push(hcpu);
      findingHover.push(fh);
      peer.push(p);
    }
  }
  if (!hovered) throw new Error(`no hover at ${JSON.stringify(at)} in the ${kind} file`);
  // A Vagrantfile's lint, taken apart by CPU time: Prism's parse alone (a fresh WASM instance, the parse, the tree
  // turned into JS objects), then parse + model (a hover on a text no lint has parsed builds exactly that), the rest
  // being the rules.
  let split;
  if (kind === 'vagrantfile') {
    const prism = [];
    const model = [];
    const cpu = () => cpuMs(process.cpuUsage());
    for (let k = 0; k < RUNS + 2; k++) {
      let c = cpu();
      dg.parseRuby(`${text}# prism ${k}\n`);
      const pr = cpu() - c;
      c = cpu();
      dg.hoverAt(`${text}# model ${k}\n`, kind, at, config);
      const pm = cpu() - c;
      if (k >= 2) {
        prism.push(pr);
        model.push(pm);
      }
    }
    split = { prism: median(prism), parseAndModel: median(model) };
  }
  rows.push({ kind, lint: median(lint), hover: median(hover), hoverWarm: median(hoverWarm), hoverCold: median(hoverCold), lintCpu: median(lintCpu), hoverCpu: median(hoverCpu), findingHover: median(findingHover), peer: median(peer), findings: findings.length, split });
}
// The budgets are for an idle machine. On a shared one the wall-clock times stretch with the load, so each figure
// comes with the CPU time the process spent on it: a single-threaded operation's CPU time is what its wall time
// would be without competition (it is slightly more than that, since V8's GC helper threads are counted too).
const load = (await import('node:os')).loadavg()[0];
console.log(`load average ${load.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores; median of ${RUNS} runs`);
for (const r of rows) {
  const ok = (wall, cpu, budget) => wall < budget || cpu < budget;
  const verdict = ok(r.lint, r.lintCpu, BUDGET.lint) && ok(r.hover, r.hoverCpu, BUDGET.hover) && r.hoverWarm < BUDGET.hover && r.findingHover < BUDGET.hover;
  console.log(
    `${r.kind.padEnd(11)} 1000 lines: diagnostics ${r.lint.toFixed(1)} ms (CPU ${r.lintCpu.toFixed(1)} ms${r.split ? `: Prism's parse ${r.split.prism.toFixed(1)}, + model ${(r.split.parseAndModel - r.split.prism).toFixed(1)}, + rules ${(r.lintCpu - r.split.parseAndModel).toFixed(1)}` : ''}; budget ${BUDGET.lint}), hover ${r.hover.toFixed(2)} ms after an edit's lint (CPU ${r.hoverCpu.toFixed(2)}) / ${r.hoverWarm.toFixed(2)} ms after that (${r.hoverCold.toFixed(1)} ms before any lint of the text), finding hover ${r.findingHover.toFixed(3)} ms (budget ${BUDGET.hover}); ${r.findings} findings; peer (JSON round trip of the text) ${r.peer.toFixed(3)} ms, lint = ${(r.lint / r.peer).toFixed(0)}× peer ${verdict ? 'OK' : 'OVER BUDGET'}`,
  );
}
