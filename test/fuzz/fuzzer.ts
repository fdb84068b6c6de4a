/**
 * A seeded, reproducible fuzzer for the engine: every input is a mutation of a real file from the repository's
 * corpus (test/corpus/files/<kind>/), and every input is checked for what the engine promises whatever it is fed —
 * no exception, no internal error (DG001), every range valid (and none of them needing the engine's repair), lint
 * time under a bound. Input i of a kind is derived from (seed, kind, i) alone, so one failure reproduces with
 * FUZZ_SEED, FUZZ_KIND and FUZZ_INDEX without running the others.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  lint,
  hoverAt,
  completionsAt,
  LineIndex,
  rangeProblem,
  rangeStats,
  MAX_TEXT_LENGTH,
  type Finding,
  type Kind,
  type LintEnv,
} from '../../src/core/index';

export const DEFAULT_SEED = 20261207;
/** Per-input lint time bound, in CPU milliseconds (issue 11: no input under the size limits takes more than 1 s). */
export const TIME_BOUND_MS = 1000;

// ------------------------------------------------------------------ randomness

/** mulberry32: a tiny seeded generator; good enough to pick mutations. */
function mulberry32(a: number): () => number {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const p of parts.join('\u0000')) {
    h ^= p.charCodeAt(0);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ------------------------------------------------------------------ corpus and snippets

const EXT: Record<Kind, RegExp> = {
  dockerfile: /dockerfile|containerfile/i,
  mycnf: /\.(cnf|ini)$/i,
  vagrantfile: /vagrantfile/i,
};

export function corpusFiles(corpusDir: string, kind: Kind): { name: string; text: string }[] {
  const dir = join(corpusDir, kind);
  return readdirSync(dir)
    .filter((f) => EXT[kind].test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Grammar-aware pieces per kind: the constructs parsers and rules are most likely to get wrong. */
const SNIPPETS: Record<Kind, string[]> = {
  dockerfile: [
    'FROM a AS b', 'FROM --platform=$BUILDPLATFORM ${IMG:-alpine}:${TAG}', 'FROM scratch', 'ARG x=${y:-${z:+w}}',
    'RUN <<EOF\r', 'RUN <<EOF\rset -e\r', 'RUN <<-"EOT" bash\necho hi\n\tEOT', 'RUN <<EOF cat > /x\n', 'COPY <<EOF /a\n',
    'RUN apt-get update && apt-get install -y curl=7.* \\\n  && rm -rf /var/lib/apt/lists/*', 'RUN ["sh", "-c", "echo"]',
    "RUN ['sh', '-c']", 'CMD ["a"', 'ENTRYPOINT [', 'ENV a=b c=d\\\n e=f', 'ENV a b c', 'LABEL "a"="b" c', 'EXPOSE 80/TCP 8080:80 -1',
    'HEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1', 'HEALTHCHECK NONE', 'ONBUILD ONBUILD RUN x', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    'WORKDIR relative/$X', 'USER root:root', 'COPY --from=0 --chown=a:b --chmod=755 a b c/', 'ADD --checksum=sha256:abc http://x/y /z',
    '# escape=`', '# syntax=docker/dockerfile:1', '# check=skip=all', '# hadolint ignore=DL3008,', '# devops-guidance ignore=',
    'RUN curl -k https://x | sh', 'RUN sh -c "$(curl -fsSL x)"', 'RUN cd /x && make', 'RUN $(', 'RUN "unterminated', "RUN 'a", 'RUN echo ${a',
    'RUN pip install --trusted-host x -r r.txt', 'RUN for i in 1 2; do echo $i; done', 'RUN case $x in a) ;; esac', 'RUN if [ ; then fi',
    'RUN --mount=type=cache,target=/root/.cache --network=none true', 'STOPSIGNAL', 'MAINTAINER', 'VOLUME ["/a", ', 'ARG', 'FROM', '\\',
  ],
  mycnf: [
    '[mysqld]', '[client]', '[mariadb]', '[galera]', '[mysqld-8.0]', '[', ']', '[mysqld', '!include /etc/mysql/x.cnf', '!includedir /etc/mysql/conf.d/',
    '!include', '!includedir', '!include inc.cnf', '!includedir incdir', '!include loop.cnf', 'loose-maximum-innodb_log_file_size=1G',
    'maximum-innodb_log_file_size=1G', 'maximum-innodb_log_files_in_group=4', 'autoset-innodb_buffer_pool_size', 'skip-name-res', 'skip-log-bin',
    'innodb_log_file_size=48M', 'innodb_redo_log_capacity=-1', 'innodb_buffer_pool_size=99999999999999999999999G', 'max_connections = "1000',
    "sql_mode='STRICT", 'binlog_format=ROW', 'gtid_mode=ON', 'enforce_gtid_consistency', 'server_id=0', 'log_bin', 'log-slave-updates=1',
    'rpl_semi_sync_master_enabled=1', 'wsrep_provider=/usr/lib/galera/libgalera_smm.so', 'wsrep_cluster_address=gcomm://', 'key_buffer=1K',
    'innodb-flush-log-at-trx-commit = 2 # comment', 'a\\b=c', '=value', 'option with space=1', '# devops-guidance target=mariadb-11.4',
    '# devops-guidance target=nonsense', ';comment', 'x=\\"', 'bind-address=0.0.0.0', 'loose-' + 'loose-'.repeat(50) + 'x=1',
  ],
  vagrantfile: [
    'Vagrant.configure("2") do |config|', 'end', 'config.vm.box = "ubuntu/jammy64"', 'config.vm.box_version = ">= 0"',
    'config.vm.network "forwarded_port", guest: 80, host: 8080', 'config.vm.network "public_network", ip: "10.0.0.1"',
    'config.vm.provider "virtualbox" do |vb, override|', 'vb.memory = 99999999', 'vb.customize ["modifyvm", :id, "--natdnshostresolver1", "on"]',
    'config.vm.provision "shell", inline: <<-SHELL', 'SHELL', 'config.vm.provision :shell, path: "x.sh", privileged: false', 'config.ssh.insert_key = false',
    'config.vm.define "web" do |web|', '(1..3).each do |i|', 'config.vm.define "n#{i}" do |n|', '"#{', '#{x}', '=begin', '=end', '__END__',
    'x = <<~EOS', 'EOS', 'BOX = ENV["BOX"] || "x"', 'config.vm.box = BOX', '`rm -rf /`', 'system("x")', 'def f(a, *b, **c, &d)', 'if x', 'else',
    'unless', 'case x when 1 then', 'begin', 'rescue => e', '->(x) { x }', '%w(a b', '%q{', '/#{x}/', '?a', ':"sym#{1}"', 'a ? b : c', 'a&.b',
    'config.vm.synced_folder ".", "/vagrant", type: "nfs"', 'config.vm.hostname = "a_b"', 'config.vm.box_check_update = false', "'",
  ],
};

/** Characters that break naive parsers: line breaks, NUL, BOM, surrogates, bidi marks, emoji, combining marks. */
const NASTY = [
  '\r', '\n', '\r\n', '\n\r', '\u0000', '\ufeff', '\ud800', '\udc00', '\udbff\udfff', '\u202e', '\u200f', '\u2028', '\u2029',
  '😀', '👩‍👩‍👧', '\ufffd', 'é', 'e\u0301', '\t', '\u000b', '\u000c', '\\', '"', "'", '`', '$', '{', '}', '(', ')', '[', ']', '#', '=',
  ';', '|', '&', '<<', '\u0085', '\u00a0', '\u3000',
];

function deepNesting(kind: Kind, rng: Rng): string {
  const n = 1 + rng.int(rng.chance(0.5) ? 60 : 400);
  switch (kind) {
    case 'vagrantfile': {
      const forms: [string, string][] = [
        ['(1..2).each do |i|\n', 'end\n'], ['begin\n', 'end\n'], ['(', ')'], ['[', ']'], ['{a: ', '}'], ['"#{', '}"'],
        ['if x\n', 'end\n'], ['f(', ')'], ['!', ''], ['a = ', ''], ['x ? ', ' : 1'], ['->(x) {', '}'], ['%(#{', '})'], ['/#{', '}/'],
      ];
      const mix = rng.chance(0.5);
      const f0 = rng.pick(forms);
      let open = '';
      let close = '';
      for (let i = 0; i < n; i++) {
        const f = mix ? rng.pick(forms) : f0;
        open += f[0];
        close = f[1] + close;
      }
      return open + '1\n' + (rng.chance(0.2) ? '' : close);
    }
    case 'dockerfile': {
      const forms = [
        () => 'RUN ' + '$('.repeat(n) + 'echo' + ')'.repeat(n),
        () => 'ARG a=' + '${a:-'.repeat(n) + 'x' + '}'.repeat(n),
        () => 'RUN ' + '"'.repeat(n * 50),
        () => 'RUN ' + 'if true; then '.repeat(n) + 'x; ' + 'fi; '.repeat(n),
        () => 'RUN ' + '('.repeat(n) + 'x' + ')'.repeat(n),
        () => 'RUN ' + 'echo \\\n'.repeat(n),
        () => 'FROM a AS s0\n' + Array.from({ length: n * 5 }, (_, i) => `FROM s${i} AS s${i + 1}\n`).join(''),
        () => 'RUN <<A0\n' + Array.from({ length: n }, (_, i) => `<<A${i + 1}`).join(' ') + '\n',
      ];
      return rng.pick(forms)();
    }
    case 'mycnf': {
      const forms = [
        () => 'loose-'.repeat(n * 20) + 'innodb_log_file_size=1G',
        () => 'skip-'.repeat(n * 20) + 'x',
        () => '['.repeat(n * 10) + 'mysqld' + ']'.repeat(n * 10),
        () => 'x=' + '"'.repeat(n * 10),
        () => '!include ' + 'a/'.repeat(n * 10) + 'x.cnf',
      ];
      return rng.pick(forms)();
    }
  }
}

function unclosed(kind: Kind, rng: Rng): string {
  switch (kind) {
    case 'dockerfile':
      return rng.pick(['RUN <<EOF\necho hi\n', 'RUN <<EOF\r', 'COPY <<EOF <<EOT /x\na\n', 'RUN <<"EOF"\n', 'RUN echo \\', 'RUN ["a", \\\n']);
    case 'vagrantfile':
      return rng.pick(['x = <<~EOS\nabc\n', 's.inline = <<-SHELL\necho\n', '"#{', '=begin\n', '%w(', 'do |x|\n', '/re']);
    case 'mycnf':
      return rng.pick(['x="abc', "x='abc", '[mysqld', 'x=abc\\', '!include']);
  }
}

/** One mutation of `text`; returns the new text and a short name for the report. */
function mutate(text: string, kind: Kind, rng: Rng, donors: { text: string }[]): [string, string] {
  const at = () => rng.int(text.length + 1);
  const lineStart = () => {
    const p = at();
    const s = text.lastIndexOf('\n', p - 1);
    return s + 1;
  };
  const which = rng.int(14);
  switch (which) {
    case 0: {
      // byte flips: replace a few characters with random ones (any UTF-16 unit, surrogates included)
      const chars = text.split('');
      const k = 1 + rng.int(8);
      for (let i = 0; i < k && chars.length; i++) chars[rng.int(chars.length)] = String.fromCharCode(rng.int(rng.chance(0.7) ? 128 : 0x10000));
      return [chars.join(''), 'flip'];
    }
    case 1:
      return [text.slice(0, at()), 'truncate'];
    case 2: {
      // splice: a piece of another file of the same kind
      const d = rng.pick(donors).text;
      const s = rng.int(d.length + 1);
      const piece = d.slice(s, s + rng.int(2000));
      const p = at();
      return [text.slice(0, p) + piece + text.slice(rng.chance(0.5) ? p : Math.min(text.length, p + rng.int(500))), 'splice'];
    }
    case 3: {
      const p = at();
      const k = 1 + rng.int(4);
      let ins = '';
      for (let i = 0; i < k; i++) ins += rng.pick(NASTY);
      return [text.slice(0, p) + ins + text.slice(p), 'nasty-char'];
    }
    case 4:
      return [rng.chance(0.5) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, '\r'), 'line-endings'];
    case 5:
      return ['\ufeff' + text, 'bom'];
    case 6: {
      // a long line: a piece of a line repeated
      const p = lineStart();
      const e = text.indexOf('\n', p);
      const line = text.slice(p, e < 0 ? text.length : e) || 'x';
      const piece = line.slice(0, 1 + rng.int(Math.min(line.length, 40)));
      const long = piece.repeat(Math.min(1 + rng.int(rng.chance(0.3) ? 20000 : 2000), Math.floor(4e6 / piece.length)));
      return [text.slice(0, p) + long + text.slice(p), 'long-line'];
    }
    case 7: {
      const p = lineStart();
      return [text.slice(0, p) + deepNesting(kind, rng) + '\n' + text.slice(p), 'deep-nesting'];
    }
    case 8: {
      const p = rng.chance(0.5) ? text.length : lineStart();
      return [text.slice(0, p) + (p && text[p - 1] !== '\n' ? '\n' : '') + unclosed(kind, rng) + (p < text.length ? text.slice(p) : ''), 'unclosed'];
    }
    case 9:
    case 10: {
      // grammar-aware snippets at line starts (sometimes mid-line)
      const k = 1 + rng.int(4);
      let t = text;
      for (let i = 0; i < k; i++) {
        const p = rng.chance(0.8) ? (() => {
          const q = rng.int(t.length + 1);
          return t.lastIndexOf('\n', q - 1) + 1;
        })() : rng.int(t.length + 1);
        const snip = rng.pick(SNIPPETS[kind]);
        const eol = rng.pick(['\n', '\n', '\r\n', '\r', '']);
        t = t.slice(0, p) + snip + eol + t.slice(p);
      }
      return [t, 'snippet'];
    }
    case 11: {
      // delete a run of lines
      const p = lineStart();
      let e = p;
      for (let k = 1 + rng.int(10); k > 0 && e >= 0; k--) e = text.indexOf('\n', e + 1);
      return [text.slice(0, p) + (e < 0 ? '' : text.slice(e + 1)), 'delete-lines'];
    }
    case 12: {
      // duplicate a run of lines many times
      const p = lineStart();
      const e = text.indexOf('\n', p);
      const block = text.slice(p, e < 0 ? text.length : e + 1) + (e < 0 ? '\n' : '');
      const times = Math.min(2 + rng.int(rng.chance(0.2) ? 3000 : 50), Math.floor(4e6 / block.length));
      return [text.slice(0, p) + block.repeat(Math.max(1, times)) + text.slice(p), 'repeat-lines'];
    }
    default: {
      // swap two halves at line boundaries
      const p = lineStart();
      return [text.slice(p) + text.slice(0, p), 'rotate'];
    }
  }
}

export interface FuzzInput {
  kind: Kind;
  index: number;
  text: string;
  /** Source file and mutations applied. */
  origin: string;
}

/** Input `index` of a kind: 1–4 mutations of one corpus file (sometimes of a bare snippet). */
export function makeInput(seed: number, kind: Kind, index: number, files: { name: string; text: string }[]): FuzzInput {
  const rng = new Rng(hash(seed, kind, index));
  const base = rng.chance(0.05) ? { name: '(snippet)', text: rng.pick(SNIPPETS[kind]) + '\n' } : rng.pick(files);
  let text = base.text;
  const names: string[] = [];
  const k = 1 + rng.int(4);
  for (let i = 0; i < k; i++) {
    const [t, name] = mutate(text, kind, rng, files);
    text = t;
    names.push(name);
  }
  // keep under the kind's size limit most of the time (above it the engine only says so)
  if (text.length > MAX_TEXT_LENGTH[kind] && rng.chance(0.9)) text = text.slice(0, MAX_TEXT_LENGTH[kind] - rng.int(1000));
  return { kind, index, text, origin: `${base.name} + ${names.join(', ')}` };
}

/** An in-memory file system for option-file includes: files inside, a self-include loop, a missing file. */
export function virtualEnv(): LintEnv {
  const files: Record<string, string> = {
    '/project/inc.cnf': '[mysqld]\nmax_connections=10\n!include /project/loop.cnf\n',
    '/project/loop.cnf': '!include /project/loop.cnf\n[mysqld]\nserver_id=2\n',
    '/project/incdir/a.cnf': '[mysqld]\ninnodb_log_file_size=1G\n',
    '/project/incdir/b.cnf': '[mysqld\nx\n',
  };
  const resolve = (p: string) => (p.startsWith('/') ? p : `/project/${p}`).replace(/\/+$/, '');
  return {
    fileName: '/project/my.cnf',
    readFile: (p) => files[resolve(p)],
    listDir: (p) => {
      const d = resolve(p) + '/';
      const names = Object.keys(files)
        .filter((f) => f.startsWith(d) && !f.slice(d.length).includes('/'))
        .map((f) => f.slice(d.length));
      return names.length ? names.sort() : undefined;
    },
  };
}

export interface Problem {
  kind: Kind;
  index: number;
  origin: string;
  what: string;
  text: string;
}

export interface KindStats {
  inputs: number;
  totalMs: number;
  slowestMs: number;
  slowest?: string;
  findings: number;
  notLinted: number;
}

/** Lints one input and returns what is wrong with the result (nothing when the engine kept its promises). */
export function checkInput(input: FuzzInput, stats: KindStats): string[] {
  const { kind, text } = input;
  const env = kind === 'mycnf' ? virtualEnv() : {};
  const repairs = rangeStats.repairs;
  const dropped = rangeStats.droppedFixes;
  const problems: string[] = [];
  let findings: Finding[] = [];
  let ms = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    // CPU time, not wall time: on a shared CI machine the wall clock also counts the time other processes ran
    const c0 = process.cpuUsage();
    try {
      findings = lint(text, kind, undefined, env);
    } catch (e) {
      problems.push(`lint threw: ${(e as Error).stack ?? e}`);
      return problems;
    }
    const c = process.cpuUsage(c0);
    ms = (c.user + c.system) / 1000;
    // a slow input is timed again: a full GC of earlier garbage can land in one run
    if (ms <= TIME_BOUND_MS) break;
  }
  stats.inputs++;
  stats.totalMs += ms;
  stats.findings += findings.length;
  if (ms > stats.slowestMs) {
    stats.slowestMs = ms;
    stats.slowest = `#${input.index} (${input.origin}, ${text.length} chars)`;
  }
  if (ms > TIME_BOUND_MS) problems.push(`took ${ms.toFixed(0)} ms of CPU (bound ${TIME_BOUND_MS} ms)`);
  if (findings.some((f) => f.code === 'DG002')) stats.notLinted++;
  for (const f of findings.filter((x) => x.code === 'DG001')) problems.push(`internal error: ${f.message}`);
  if (rangeStats.repairs !== repairs) problems.push(`the engine had to repair ${rangeStats.repairs - repairs} range(s): ${[...rangeStats.byCode.keys()].join(', ')}`);
  if (rangeStats.droppedFixes !== dropped) problems.push(`the engine dropped ${rangeStats.droppedFixes - dropped} fix(es) with invalid edit ranges: ${[...rangeStats.byCode.keys()].join(', ')}`);
  const lines = new LineIndex(text);
  for (const f of findings) {
    if (f.file) continue;
    const p = rangeProblem(lines, f.range);
    if (p) problems.push(`${f.code} range ${JSON.stringify(f.range)}: ${p}`);
    for (const r of f.related ?? []) {
      const q = !r.file && rangeProblem(lines, r.range);
      if (q) problems.push(`${f.code} related range ${JSON.stringify(r.range)}: ${q}`);
    }
  }
  // the editor services on the same text must not throw either (they return nothing on failure)
  if (input.index % 10 === 0 && text.length) {
    const pos = lines.positionAt(input.index % (text.length + 1));
    try {
      hoverAt(text, kind, pos, undefined, env);
      completionsAt(text, kind, pos, undefined, env);
    } catch (e) {
      problems.push(`hover/completion threw: ${(e as Error).message}`);
    }
  }
  rangeStats.byCode.clear();
  return problems;
}

/** A heap probe: forces a full GC when the process allows it (node --expose-gc, or enabled at run time). */
export function heapUsedAfterGc(): number {
  const g = (globalThis as { gc?: () => void }).gc ?? gcFromFlags();
  g?.();
  return process.memoryUsage().heapUsed;
}

function gcFromFlags(): (() => void) | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const v8 = require('node:v8') as typeof import('node:v8');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vm = require('node:vm') as typeof import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}
