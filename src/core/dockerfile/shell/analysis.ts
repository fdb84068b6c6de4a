/**
 * What the shell-aware rules see of a Dockerfile: for every RUN (and ONBUILD RUN), the shell that runs it, the
 * scripts it holds (the command line, heredoc scripts, `sh -c` strings), its commands, its `--mount`s, and the
 * stage's ARG/ENV names at that point. Computed once per model (WeakMap) and shared by every rule, so each RUN is
 * parsed exactly once per lint.
 *
 * Why tree-sitter-bash (via web-tree-sitter): measured on a one-line apt-get/pip RUN it parses in ~70 µs after a
 * one-time WASM load (~15-30 ms), gives a complete typed tree with exact offsets, and recovers from syntax errors
 * (templates, half-typed lines) instead of failing the whole RUN. mvdan-sh (GopherJS) took ~210 µs per RUN;
 * sh-syntax took ~3 ms and its JSON tree lacks node details. Regular expressions over command lines cannot tell
 * `a && b` from `"a && b"` and were ruled out.
 */
import type { Instruction, Run, Onbuild, Flag, Heredoc } from '../syntax';
import { execForm, pairs, unquoteValue } from '../instructions';
import type { Range } from '../../finding';
import type { DockerfileModel, Stage } from '../model';
import { stagePlatform } from '../platform';
import { ShellSource } from '../../shell/source';
import { parseScript, allCommands, programOf, shellCommandArg, POSIX_SHELLS, type Command, type ShellScript, type Word } from '../../shell/script';

export interface ShellInfo {
  /** The argv of the shell, as SHELL gives it (`["/bin/sh", "-c"]` by default). */
  argv: string[];
  /** Basename of argv[0] (`sh`, `bash`, `pwsh`, `cmd`). */
  program: string;
  /** A POSIX-family shell: shell rules apply. */
  posix: boolean;
  /** `-o pipefail` is among the shell's options. */
  pipefail: boolean;
  /** `-e` (or `-o errexit`) is among the shell's options. */
  errexit: boolean;
  /** Where the shell comes from. */
  origin: 'default' | 'shell' | 'pragma' | 'windows-image' | 'no-shell';
  /** The SHELL instruction that set it. */
  instruction?: Instruction;
}

export interface Mount {
  type: string;
  target?: string;
  source?: string;
  range: Range;
}

export type HeredocKind =
  /** `RUN <<EOF` alone: the body is the script. */
  | 'script'
  /** `RUN <<EOF bash`, `RUN bash <<EOF`: a shell reads the body from standard input. */
  | 'stdin-script'
  /** The body is not shell (a `#!/usr/bin/env python3` script, `python3 <<EOF`). */
  | 'other-language'
  /** The body is data (`cat <<EOF > /etc/x.conf`). */
  | 'data';

export interface HeredocInfo {
  name: string;
  kind: HeredocKind;
  /** The interpreter of a script body (`sh`, `bash`, `python3`). */
  interpreter?: string;
  markerRange: Range;
  body?: ShellSource;
  script?: ShellScript;
  /** The command on the RUN line that reads this heredoc (`bash` in `RUN <<EOF bash`), if any. */
  command?: Command;
  /** The shell running the script has errexit on (SHELL ["bash", "-e", ...], `bash -e <<EOF`, `#!/bin/sh -e`). */
  errexit?: boolean;
  /** A script body too long to analyse (its length, UTF-16 units): not parsed, the shell rules stay silent on it. */
  tooLong?: number;
}

export interface ShellUse {
  instruction: Instruction;
  stage?: Stage;
  shell: ShellInfo;
  form: 'shell' | 'exec';
  /** Shell rules apply: a POSIX shell, or exec form. */
  analysable: boolean;
  /** A command line too long to analyse (its length, UTF-16 units): not parsed, the shell rules stay silent on it. */
  tooLong?: number;
  /** The command line (shell form) or the exec-form command. */
  line?: ShellScript;
  /** Every script: the command line first, then heredoc scripts. */
  scripts: ShellScript[];
  /** Every command of every script (nested `sh -c` included), in source order per script. */
  commands: Command[];
  /** ARG and ENV names visible at this instruction in its stage, with their values when known. */
  env: ReadonlyMap<string, string | undefined>;
}

export interface RunInfo extends ShellUse {
  /** The ONBUILD that holds this RUN. */
  onbuild?: Onbuild;
  heredocs: HeredocInfo[];
  mounts: Mount[];
  flags: Flag[];
}

export interface StageShellInfo {
  stage: Stage;
  runs: RunInfo[];
  /** Shell at the end of the stage (inherited by `FROM <this stage>`). */
  shell: ShellInfo;
  env: Map<string, string | undefined>;
  /** Earlier stage this one is built FROM, if any. */
  base?: StageShellInfo;
}

export interface Property {
  instruction: Instruction;
  keyword: 'ENV' | 'ARG';
  name: string;
  value: string | undefined;
  range: Range;
}

export interface DockerfileShell {
  runs: RunInfo[];
  /** Every ENV and ARG name/value pair inside the stages (global ARGs are not in any RUN's environment), read once. */
  properties: Property[];
  stages: StageShellInfo[];
  /** CMD / ENTRYPOINT / HEALTHCHECK CMD analyses, parsed on first request. */
  use(ins: Instruction): ShellUse | undefined;
  runOf(ins: Instruction): RunInfo | undefined;
}

const SHELL = Symbol('devops-guidance.shell');

/** The shell analysis of a model, computed once and shared by all rules (kept on the model: rules ask often). */
export function dockerfileShell(m: DockerfileModel): DockerfileShell {
  const holder = m as DockerfileModel & { [SHELL]?: DockerfileShell };
  return (holder[SHELL] ??= analyse(m));
}

/** One ARG or ENV of a stage, in order: `ARG name` without a default keeps a value the name already has. */
interface EnvOp {
  name: string;
  value: string | undefined;
  keepIfSet: boolean;
}

/**
 * The ARG and ENV values an instruction sees, built on first use from the stage's list of ARG/ENV (most RUNs are
 * never asked, and copying the map for each one cost more than the rest of the stage walk).
 */
class EnvAt implements ReadonlyMap<string, string | undefined> {
  private built?: Map<string, string | undefined>;
  constructor(
    private readonly base: ReadonlyMap<string, string | undefined> | undefined,
    private readonly ops: readonly EnvOp[],
    private readonly count: number,
  ) {}
  private get map(): Map<string, string | undefined> {
    if (!this.built) {
      const env = new Map<string, string | undefined>(this.base ?? []);
      for (let i = 0; i < this.count; i++) {
        const op = this.ops[i];
        if (op.keepIfSet && env.has(op.name)) continue;
        env.set(op.name, op.value);
      }
      this.built = env;
    }
    return this.built;
  }
  get size(): number {
    return this.map.size;
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  get(name: string): string | undefined {
    return this.map.get(name);
  }
  keys(): MapIterator<string> {
    return this.map.keys();
  }
  values(): MapIterator<string | undefined> {
    return this.map.values();
  }
  entries(): MapIterator<[string, string | undefined]> {
    return this.map.entries();
  }
  forEach(cb: (value: string | undefined, key: string, map: ReadonlyMap<string, string | undefined>) => void, thisArg?: unknown): void {
    this.map.forEach((v, k) => cb.call(thisArg, v, k, this));
  }
  [Symbol.iterator](): MapIterator<[string, string | undefined]> {
    return this.map[Symbol.iterator]();
  }
}

export const DEFAULT_SHELL: ShellInfo = { argv: ['/bin/sh', '-c'], program: 'sh', posix: true, pipefail: false, errexit: false, origin: 'default' };
const WINDOWS_SHELL: ShellInfo = { argv: ['cmd', '/S', '/C'], program: 'cmd', posix: false, pipefail: false, errexit: false, origin: 'windows-image' };
/** A stage whose image has no shell (scratch, distroless): shell-form RUN cannot run, so no shell advice is given. */
const NO_SHELL: ShellInfo = { argv: ['/bin/sh', '-c'], program: 'sh', posix: false, pipefail: false, errexit: false, origin: 'no-shell' };

/** The shell RUN gets in a stage before any SHELL: cmd on Windows, none on scratch/distroless, /bin/sh elsewhere. */
function platformShell(m: DockerfileModel, stage: Stage): ShellInfo {
  const p = stagePlatform(m, stage);
  return p.os === 'windows' ? WINDOWS_SHELL : p.noShell ? NO_SHELL : DEFAULT_SHELL;
}


export function shellInfo(argv: string[], origin: ShellInfo['origin'], instruction?: Instruction): ShellInfo {
  const first = argv[0] ?? '';
  let program = first.replace(/\\/g, '/').split('/').pop() ?? '';
  program = program.replace(/\.exe$/i, '').toLowerCase();
  const posix = POSIX_SHELLS.has(program);
  const { pipefail, errexit } = shellOptions(argv.slice(1));
  return { argv, program, posix, pipefail, errexit, origin, instruction };
}

/** `-o pipefail` and `-e` / `-o errexit` among shell options (`-euxo pipefail`, `-e -o pipefail`). */
export function shellOptions(args: readonly string[]): { pipefail: boolean; errexit: boolean } {
  let pipefail = false;
  let errexit = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--' || a === '-c' || !/^-[a-zA-Z]+$/.test(a)) {
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a) && /e/.test(a.replace(/o.*$/, ''))) errexit = true;
      if (a === '--' || /c/.test(a) || !a.startsWith('-')) break;
      continue;
    }
    const flags = a.slice(1);
    const o = flags.indexOf('o');
    if ((o >= 0 ? flags.slice(0, o) : flags).includes('e')) errexit = true;
    if (o >= 0 && args[i + 1] !== undefined) {
      if (args[i + 1] === 'pipefail') pipefail = true;
      if (args[i + 1] === 'errexit') errexit = true;
      i++;
    }
  }
  return { pipefail, errexit };
}

/** Scripts above this length (UTF-16 units) are not parsed. */
export const MAX_SCRIPT_LENGTH = 64 * 1024;

const PRAGMA_SHELL = /^hadolint\s+shell\s*=\s*(\S+)\s*$/;

function analyse(m: DockerfileModel): DockerfileShell {
  const runs: RunInfo[] = [];
  const stages: StageShellInfo[] = [];
  const properties: Property[] = [];
  const byStage = new Map<Stage, StageShellInfo>();
  const runByIns = new Map<Instruction, RunInfo>();
  const stageByIns = new Map<Instruction, { stage: StageShellInfo; shell: ShellInfo; env: ReadonlyMap<string, string | undefined> }>();
  const pragmas = m.comments
    .map((c) => ({ line: c.line, m: PRAGMA_SHELL.exec(c.text.trim()) }))
    .filter((p) => p.m)
    .map((p) => ({ line: p.line, shell: p.m![1] }));
  let pragmaIdx = 0;

  for (const stage of m.stages) {
    const base = stage.parent ? byStage.get(stage.parent) : undefined;
    let shell: ShellInfo = base ? base.shell : platformShell(m, stage);
    const env = new Map<string, string | undefined>(base ? base.env : []);
    const ops: EnvOp[] = [];
    const envHere = () => new EnvAt(base?.env, ops, ops.length);
    const info: StageShellInfo = { stage, runs: [], shell, env, base };
    for (const ins of stage.instructions) {
      const line = ins.getRange().start.line;
      while (pragmaIdx < pragmas.length && pragmas[pragmaIdx].line < line) {
        if (pragmas[pragmaIdx].line >= stage.startLine) shell = shellInfo([pragmas[pragmaIdx].shell, '-c'], 'pragma');
        pragmaIdx++;
      }
      const kw = ins.getKeyword();
      if (kw === 'SHELL') {
        const argv = jsonArgv(m, ins as Instruction);
        if (argv?.length) shell = shellInfo(argv, 'shell', ins);
      } else if (kw === 'ENV' || kw === 'ARG') {
        for (const p of pairs(m, ins)) {
          if (!p.name) continue;
          const v = p.raw === undefined ? null : unquoteValue(p.raw, m.escapeChar);
          properties.push({ instruction: ins, keyword: kw, name: p.name, value: v ?? undefined, range: m.lines.rangeOf(p.nameStart, p.valueEnd ?? p.nameEnd) });
          ops.push({ name: p.name, value: v ?? undefined, keepIfSet: kw === 'ARG' && v === null });
          if (kw === 'ARG' && v === null && env.has(p.name)) continue;
          env.set(p.name, v ?? undefined);
        }
      } else if (kw === 'RUN') {
        const r = analyseRun(m, ins as Run, stage, shell, envHere());
        runs.push(r);
        info.runs.push(r);
        runByIns.set(ins, r);
      } else if (kw === 'ONBUILD') {
        const trig = (ins as Onbuild).getTriggerInstruction();
        if (trig && trig.getKeyword() === 'RUN') {
          const r = analyseRun(m, trig as Run, stage, shell, envHere());
          r.onbuild = ins as Onbuild;
          runs.push(r);
          info.runs.push(r);
          runByIns.set(ins, r);
          runByIns.set(trig, r);
        }
      } else if (kw === 'CMD' || kw === 'ENTRYPOINT' || kw === 'HEALTHCHECK') {
        stageByIns.set(ins, { stage: info, shell, env: envHere() });
      }
    }
    info.shell = shell;
    stages.push(info);
    byStage.set(stage, info);
  }

  const uses = new Map<Instruction, ShellUse | undefined>();
  return {
    runs,
    properties,
    stages,
    runOf: (ins) => runByIns.get(ins),
    use(ins) {
      const r = runByIns.get(ins);
      if (r) return r;
      if (uses.has(ins)) return uses.get(ins);
      const at = stageByIns.get(ins);
      const u = at ? analyseUse(m, ins, at.stage.stage, at.shell, at.env) : undefined;
      uses.set(ins, u);
      return u;
    },
  };
}

/** The argv of a JSON-form instruction (SHELL, exec-form RUN/CMD/ENTRYPOINT), or undefined when it is not JSON. */
export function jsonArgv(m: DockerfileModel, ins: Instruction): string[] | undefined {
  const strings = jsonStrings(m, ins);
  return strings?.map((s) => s.value);
}

interface JsonString {
  value: string;
  /** Physical offsets of the string including its quotes. */
  start: number;
  end: number;
  /** The string has no escapes: its characters map 1:1 to the document. */
  plain: boolean;
}

function jsonStrings(m: DockerfileModel, ins: Instruction): JsonString[] | undefined {
  // the exec form of the instructions that have one; HEALTHCHECK's `CMD [...]` is not read as exec form here
  if (!JSON_KEYWORDS.has(ins.getKeyword())) return undefined;
  const ef = execForm(m, ins);
  if (!ef || ef === 'invalid') return undefined;
  return ef.values.map((value, k) => {
    const { start, end } = ef.tokens[k];
    const raw = m.text.slice(start, end);
    return { value, start, end, plain: !raw.includes('\\') && !/[\r\n]/.test(raw) };
  });
}
const JSON_KEYWORDS = new Set(['ADD', 'CMD', 'COPY', 'ENTRYPOINT', 'RUN', 'SHELL', 'VOLUME']);

/** Heredocs of a RUN, read once; only asked for when `<<` is there. */
const heredocCache = new WeakMap<Instruction, Heredoc[]>();
function heredocs(m: DockerfileModel, ins: Instruction): Heredoc[] {
  let h = heredocCache.get(ins);
  if (!h) {
    h = ins.getKeyword() === 'RUN' && holdsHeredocMarker(m.text, m.lines.offsetAt(ins.getRange().start), m.lines.offsetAt(ins.getRange().end)) && typeof (ins as Run).getHeredocs === 'function' ? (ins as Run).getHeredocs() : [];
    heredocCache.set(ins, h);
  }
  return h;
}

/** `<<` within text[start, end) (no copy of the instruction's text). */
function holdsHeredocMarker(text: string, start: number, end: number): boolean {
  for (let k = start; k + 1 < end; k++) if (text.charCodeAt(k) === 60 && text.charCodeAt(k + 1) === 60) return true;
  return false;
}

/** Skips blanks and line continuations (with the blank and comment lines Docker drops after them). */
function skipGap(text: string, i: number, end: number, esc: string): number {
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < end && text[i] === esc) {
      let k = i + 1;
      while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < end && (text[k] === '\n' || text[k] === '\r')) {
        k += text[k] === '\r' && text[k + 1] === '\n' ? 2 : 1;
        // drop the blank and comment lines that follow inside the continuation
        for (;;) {
          let e = k;
          while (e < end && text[e] !== '\n' && text[e] !== '\r') e++;
          const line = text.slice(k, e).trim();
          if ((line === '' || line.startsWith('#')) && e < end) {
            k = e + (text[e] === '\r' && text[e + 1] === '\n' ? 2 : 1);
            continue;
          }
          break;
        }
        i = k;
        continue;
      }
    }
    return i;
  }
}

/** Skips one word (a flag such as `--mount=type=cache,target="/a b"`). */
function skipWord(text: string, i: number, end: number): number {
  let quote = '';
  for (; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
  }
  return i;
}

/** Document offsets of an instruction's parts: after the keyword, after its flags (where the arguments start), the end. */
function layout(m: DockerfileModel, ins: Instruction): { flagsStart: number; argsStart: number; end: number } {
  const esc = m.escapeChar;
  const end = m.lines.offsetAt(ins.getRange().end);
  const flagsStart = skipGap(m.text, m.lines.offsetAt(ins.getInstructionRange().end), end, esc);
  let i = flagsStart;
  while (i < end && m.text.startsWith('--', i)) i = skipGap(m.text, skipWord(m.text, i, end), end, esc);
  return { flagsStart, argsStart: i, end };
}

function analyseRun(m: DockerfileModel, run: Run, stage: Stage, shell: ShellInfo, env: ReadonlyMap<string, string | undefined>): RunInfo {
  const l = layout(m, run);
  const flags = l.argsStart > l.flagsStart && typeof run.getFlags === 'function' ? run.getFlags() : [];
  const mounts: Mount[] = [];
  for (const f of flags) {
    if (f.getName().toLowerCase() !== 'mount') continue;
    const opts = new Map<string, string>();
    for (const o of f.getOptions()) opts.set(o.getName().toLowerCase(), o.getValue() ?? '');
    mounts.push({
      type: (opts.get('type') ?? 'bind').toLowerCase(),
      target: opts.get('target') ?? opts.get('dst') ?? opts.get('destination'),
      source: opts.get('source') ?? opts.get('src'),
      range: f.getRange(),
    });
  }
  // the RunInfo is the ShellUse itself, completed (a copy with `...` cost more than the rest of this function)
  const info = analyseUse(m, run, stage, shell, env, l) as RunInfo;
  info.heredocs = [];
  info.mounts = mounts;
  info.flags = flags;
  if (info.form === 'shell') addHeredocs(m, run, info);
  return info;
}

/** Shell-form or exec-form command of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD. */
function analyseUse(
  m: DockerfileModel,
  ins: Instruction,
  stage: Stage,
  shell: ShellInfo,
  env: ReadonlyMap<string, string | undefined>,
  l = layout(m, ins),
): ShellUse {
  const use: ShellUse = { instruction: ins, stage, shell, form: 'shell', analysable: shell.posix, scripts: [], commands: [], env };
  let start = l.argsStart;
  if (ins.getKeyword() === 'HEALTHCHECK') {
    if (m.text.slice(start, start + 3).toUpperCase() !== 'CMD' || !/\s/.test(m.text[start + 3] ?? '')) return use;
    start = skipGap(m.text, start + 3, l.end, m.escapeChar);
  }
  if (start >= l.end) return use;
  const json = m.text[start] === '[' ? jsonStrings(m, ins as Instruction) : undefined;
  if (json) {
    use.form = 'exec';
    use.analysable = true;
    let strings = json;
    if (ins.getKeyword() === 'HEALTHCHECK') {
      if (strings[0]?.value.toUpperCase() !== 'CMD') return use;
      strings = strings.slice(1);
    }
    const script = execScript(m, strings);
    use.line = script;
    use.scripts.push(script);
    use.commands = allCommands(script);
    return use;
  }
  if (!shell.posix) return use;
  // a script longer than any real one (the longest RUN we know is 11 KiB) is not parsed: the shell rules stay silent
  // on it rather than let one pathological line hold the editor for seconds
  if (l.end - start > MAX_SCRIPT_LENGTH) {
    use.analysable = false;
    use.tooLong = l.end - start;
    return use;
  }
  const hds = heredocs(m, ins);
  const blank: [number, number][] = hds.map((h) => markerSpan(m, h.getStartRange()));
  const source = ShellSource.joined(m.lines, start, l.end, m.escapeChar, { stopAtLineEnd: hds.length > 0, blank });
  const script = parseScript(source, 0, { reuse: 'line' });
  use.line = script;
  use.scripts.push(script);
  // a copy only when heredoc scripts will add their commands (the list of a script reused from the cache is shared)
  use.commands = hds.length ? [...allCommands(script)] : allCommands(script);
  return use;
}

const MARKER = /^<<-?[ \t]*(?:"[^"\r\n]*"|'[^'\r\n]*'|[^\s;&|<>()]+)/;

/** Physical [start, end) of a heredoc marker (`<<EOF`, `<<-"EOF"`, `<< 'EOF'`) as written in the text. */
function markerSpan(m: DockerfileModel, r: Range): [number, number] {
  const s = m.lines.offsetAt(r.start);
  const found = MARKER.exec(m.text.slice(s, s + 256));
  return [s, found ? s + found[0].length : m.lines.offsetAt(r.end)];
}

/** An exec-form command as a one-command script (`["sh", "-c", "..."]` strings are parsed as scripts). */
function execScript(m: DockerfileModel, strings: JsonString[]): ShellScript {
  const first = strings[0];
  const source = first ? ShellSource.slice(m.lines, first.start, strings[strings.length - 1].end) : ShellSource.slice(m.lines, 0, 0);
  const script: ShellScript = { source, commands: [], pipelines: [], hasError: false, nested: [], level: 0, kind: 'line' };
  if (!first) return script;
  const words: Word[] = strings.map((s) => ({
    start: s.start - first.start,
    end: s.end - first.start,
    raw: m.text.slice(s.start, s.end),
    text: s.value,
    literal: true,
    range: m.lines.rangeOf(s.start, s.end),
  }));
  const name = words[0];
  const cmd: Command = {
    name,
    program: programOf(name),
    args: words.slice(1),
    assignments: [],
    redirects: [],
    wrappers: [],
    start: 0,
    end: source.text.length,
    range: m.lines.rangeOf(first.start, strings[strings.length - 1].end),
    source,
    script,
    inSubshell: false,
    inSubstitution: false,
    inFunction: false,
    inCondition: false,
    background: false,
    uncertain: false,
    argsFromStdin: false,
    pipeIndex: -1,
  };
  script.commands.push(cmd);
  if (cmd.program && POSIX_SHELLS.has(cmd.program)) {
    const c = shellCommandArg(cmd.args);
    const idx = c?.script ? words.indexOf(c.script) : -1;
    if (idx >= 0 && strings[idx].plain) {
      const s = strings[idx];
      script.nested.push(parseScript(ShellSource.slice(m.lines, s.start + 1, s.end - 1), 1, { pipefail: c!.pipefail }));
    }
  }
  return script;
}

const OTHER_INTERPRETERS = /^(python[\d.]*|pypy[\d.]*|perl[\d.]*|ruby[\d.]*|node|nodejs|deno|bun|php[\d.]*|lua[\d.]*|Rscript|tclsh|awk|gawk|jq|psql|mysql|sqlite3|pwsh|powershell|cmd)$/;

function interpreterOf(shebang: string): string | undefined {
  const m = /^#!\s*(\S+)(?:\s+(.*))?$/.exec(shebang.trim());
  if (!m) return undefined;
  let prog = m[1].split('/').pop() ?? '';
  if (prog === 'env' && m[2]) {
    const parts = m[2].split(/\s+/).filter((p) => !p.startsWith('-'));
    prog = parts[0] ?? '';
  }
  return prog;
}

function addHeredocs(m: DockerfileModel, run: Run, info: RunInfo): void {
  const line = info.line;
  const all = heredocs(m, run);
  for (const h of all) {
    const cr = h.getContentRange();
    const body = cr ? ShellSource.slice(m.lines, m.lines.offsetAt(cr.start), m.lines.offsetAt(cr.end)) : undefined;
    const hd: HeredocInfo = { name: h.getName(), kind: 'data', markerRange: h.getStartRange(), body };
    info.heredocs.push(hd);
    if (!line) continue;
    const [ms, me] = markerSpan(m, h.getStartRange());
    const markerStart = line.source.logical(ms);
    const markerEnd = line.source.logical(me - 1);
    const topLevel = line.commands.filter((c) => !c.inSubstitution);
    let interpreter: string | undefined;
    let pipefail = false;
    let errexit = false;
    const shebang = body && /^#!/.test(body.text) ? interpreterOf(body.text.split(/\r?\n/, 1)[0]) : undefined;
    if (!topLevel.length && all.length === 1) {
      hd.kind = 'script';
      interpreter = shebang ?? (info.shell.posix ? info.shell.program : undefined);
      pipefail = !shebang && info.shell.pipefail;
      errexit = shebang ? /^#!\S+(\s+\S+)*\s+-[a-zA-Z]*e/.test(body!.text.split(/\r?\n/, 1)[0]) : info.shell.errexit;
    } else if (markerStart !== undefined && markerEnd !== undefined) {
      const text = line.source.text;
      const blankBetween = (a: number, b: number) => a <= b && /^\s*$/.test(text.slice(a, b));
      const cmd = topLevel.find(
        (c) => (markerStart >= c.start && markerStart < c.end) || blankBetween(c.end, markerStart) || blankBetween(markerEnd + 1, c.start),
      );
      const prog = cmd?.program;
      hd.command = cmd;
      if (cmd && prog && POSIX_SHELLS.has(prog)) {
        const c = shellCommandArg(prog === 'busybox' && cmd.args[0]?.text === 'sh' ? cmd.args.slice(1) : cmd.args);
        if (c?.stdin) {
          hd.kind = 'stdin-script';
          interpreter = prog === 'busybox' ? 'sh' : prog;
          const o = shellOptions(cmd.args.map((a) => a.text));
          pipefail = c.pipefail || o.pipefail;
          errexit = o.errexit;
        }
      } else if (cmd && prog && OTHER_INTERPRETERS.test(prog)) {
        hd.kind = 'other-language';
        hd.interpreter = prog;
      }
    }
    if (hd.kind === 'script' || hd.kind === 'stdin-script') {
      if (!interpreter || !POSIX_SHELLS.has(interpreter)) {
        hd.kind = 'other-language';
        hd.interpreter = interpreter;
        continue;
      }
      hd.interpreter = interpreter;
      hd.errexit = errexit;
      if (body && body.text.length <= MAX_SCRIPT_LENGTH) {
        hd.script = parseScript(body, 0, { pipefail, reuse: 'heredoc' });
        info.scripts.push(hd.script);
        info.commands.push(...allCommands(hd.script));
        info.analysable = true;
      } else if (body) hd.tooLong = body.text.length;
    }
  }
}

const RELIABLE = Symbol('devops-guidance.reliable');

/** Commands of the uses a rule should look at: analysable ones, without those inside syntax errors (cached). */
export function reliableCommands(use: ShellUse): Command[] {
  const holder = use as ShellUse & { [RELIABLE]?: Command[] };
  // the commands themselves when none is uncertain (most RUNs): no copy
  return (holder[RELIABLE] ??= use.analysable ? (use.commands.some((c) => c.uncertain) ? use.commands.filter((c) => !c.uncertain) : use.commands) : []);
}
