/** Helpers the shell-aware rules share: iterate commands and package-manager calls, build fixes, describe things. */
import { comparePositions, type Position, type Range, type TextEdit } from '../../finding';
import type { DockerfileModel, Stage } from '../model';
import { dockerfileShell, reliableCommands, type RunInfo, type ShellUse } from './analysis';
import { pmCall, type Manager, type PmCall } from '../../shell/packages';
import type { Command, ShellScript, Word } from '../../shell/script';

const CALL = Symbol('devops-guidance.call');

/** The package-manager call of a command (computed once, kept on the command). */
export function callOf(cmd: Command): PmCall | undefined {
  const holder = cmd as Command & { [CALL]?: PmCall | null };
  let c = holder[CALL];
  if (c === undefined) c = holder[CALL] = pmCall(cmd) ?? null;
  return c ?? undefined;
}

/** RUN instructions (ONBUILD RUN included) with the commands rules should judge. */
export function runs(m: DockerfileModel): RunInfo[] {
  return dockerfileShell(m).runs;
}

/** Commands of a RUN the rules can judge: not in a non-POSIX shell, not inside a syntax error. */
export function commands(use: ShellUse): Command[] {
  return reliableCommands(use);
}

export interface Indexed {
  run: RunInfo;
  cmd: Command;
}

interface CommandIndex {
  /** Commands by program, and by the program of each of their wrappers (`sudo`, `env`). */
  byProgram: Map<string, Indexed[]>;
  byManager: Map<Manager, { run: RunInfo; call: PmCall }[]>;
  /** Commands with inline assignments (`A=1 cmd`, `export A=1`). */
  assigning: Indexed[];
  /** Position of each RUN in file order. */
  order: Map<RunInfo, number>;
  /** Merged answers for several programs or managers, by the joined key (rules ask the same lists on every lint). */
  merged: Map<string, Indexed[]>;
  mergedCalls: Map<string, { run: RunInfo; call: PmCall }[]>;
}

const indexCache = new WeakMap<DockerfileModel, CommandIndex>();

/** The reliable commands of every RUN, indexed once per model so each rule visits only the commands it cares about. */
function index(m: DockerfileModel): CommandIndex {
  let ix = indexCache.get(m);
  if (ix) return ix;
  const all = runs(m);
  ix = { byProgram: new Map(), byManager: new Map(), assigning: [], order: new Map(all.map((r, i) => [r, i])), merged: new Map(), mergedCalls: new Map() };
  const add = (key: string, e: Indexed) => {
    let l = ix!.byProgram.get(key);
    if (!l) ix!.byProgram.set(key, (l = []));
    if (l[l.length - 1] !== e) l.push(e);
  };
  for (const run of all) {
    for (const cmd of commands(run)) {
      const e = { run, cmd };
      if (cmd.program) add(cmd.program, e);
      for (const w of cmd.wrappers) add(w.program, e);
      if (cmd.assignments.length) ix.assigning.push(e);
      const call = callOf(cmd);
      if (call) {
        let l = ix.byManager.get(call.manager);
        if (!l) ix.byManager.set(call.manager, (l = []));
        l.push({ run, call });
      }
    }
  }
  indexCache.set(m, ix);
  return ix;
}

const NONE: never[] = [];

/** Reliable RUN commands whose program (or a wrapper's) is one of `programs`, in file order. Do not modify the result. */
export function commandsNamed(m: DockerfileModel, ...programs: string[]): Indexed[] {
  const ix = index(m);
  if (programs.length === 1) return ix.byProgram.get(programs[0]) ?? NONE;
  const key = programs.join(' ');
  let out = ix.merged.get(key);
  if (!out) {
    const found = programs.flatMap((p) => ix.byProgram.get(p) ?? NONE);
    out = found.length < 2 ? found : [...new Set(found)].sort((a, b) => ix.order.get(a.run)! - ix.order.get(b.run)! || comparePositions(a.cmd.range.start, b.cmd.range.start));
    ix.merged.set(key, out);
  }
  return out;
}

/** Reliable RUN commands with inline assignments. */
export function assigningCommands(m: DockerfileModel): Indexed[] {
  return index(m).assigning;
}

/** Every package-manager call of the given managers, with its RUN, in file order. Do not modify the result. */
export function calls(m: DockerfileModel, managers: readonly Manager[]): { run: RunInfo; call: PmCall }[] {
  const ix = index(m);
  if (managers.length === 1) return ix.byManager.get(managers[0]) ?? NONE;
  const key = managers.join(' ');
  let out = ix.mergedCalls.get(key);
  if (!out) {
    out = managers.flatMap((k) => ix.byManager.get(k) ?? NONE);
    if (out.length > 1) out.sort((a, b) => ix.order.get(a.run)! - ix.order.get(b.run)! || comparePositions(a.call.command.range.start, b.call.command.range.start));
    ix.mergedCalls.set(key, out);
  }
  return out;
}

export function insertAt(p: Position, newText: string): TextEdit {
  return { range: { start: p, end: p }, newText };
}

/** Inserts ` text` right after a word (a sub-command or the program name). */
export function insertAfter(w: Word, text: string): TextEdit {
  return insertAt(w.range.end, ' ' + text);
}

/** The text of a range of a command's source, for messages. */
export function snippet(cmd: Command, max = 60): string {
  const t = cmd.source.text.slice(cmd.start, cmd.end).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** Range from a command's name to the end of a word (`apt-get install`). */
export function nameThrough(cmd: Command, last?: Word): Range {
  const start = cmd.name?.range.start ?? cmd.range.start;
  return { start, end: (last ?? cmd.name)?.range.end ?? cmd.range.end };
}

/** True when the RUN has a cache or tmpfs mount over `dir` (the mount target is `dir` or one of its parents). */
export function mountedCache(run: RunInfo, ...dirs: string[]): boolean {
  return run.mounts.some((mt) => {
    if (mt.type !== 'cache' && mt.type !== 'tmpfs') return false;
    const t = normalizeDir(mt.target);
    if (!t) return false;
    return dirs.some((d) => {
      const dd = normalizeDir(d)!;
      return dd === t || dd.startsWith(t + '/') || (t === '/');
    });
  });
}

export function normalizeDir(p: string | undefined): string | undefined {
  if (!p) return undefined;
  let t = p.trim().replace(/\/+$/, '');
  if (t === '') t = '/';
  return t.replace(/\/{2,}/g, '/');
}

/** `rm` with a recursive or force flag that deletes `dir` itself, its contents (`dir/*`) or a parent of it. */
export function removesDir(cmds: readonly Command[], dir: string): Command | undefined {
  const d = normalizeDir(dir)!;
  for (const c of cmds) {
    if (c.program !== 'rm') continue;
    const recursive = c.args.some((a) => /^-[a-zA-Z]*[rR]/.test(a.text) || a.text === '--recursive');
    for (const a of c.args) {
      if (a.text.startsWith('-')) continue;
      let t = a.text.replace(/\/\*+$/, '').replace(/\/\.?\*$/, '');
      t = normalizeDir(t) ?? '';
      if (!t) continue;
      if (t === d && (recursive || a.text.endsWith('*'))) return c;
      if (recursive && d.startsWith(t + '/')) return c;
    }
  }
  return undefined;
}

/** `<program> clean ...` (`yum clean all`, `zypper cc`) among commands. */
export function hasClean(cmds: readonly Command[], programs: readonly string[], actions: readonly string[]): boolean {
  return cmds.some((c) => {
    if (!c.program || !programs.includes(c.program)) return false;
    const call = callOf(c);
    return !!call?.action && actions.includes(call.action);
  });
}

/**
 * A fix that appends ` && <text>` to the end of a RUN's command line; undefined when the line does not end in a
 * way that allows it (a heredoc RUN, a trailing operator, exec form).
 */
export function appendToRun(run: RunInfo, text: string): TextEdit | undefined {
  if (run.form !== 'shell' || run.heredocs.length) return undefined;
  const script = run.line;
  if (!script || script.hasError) return undefined;
  return appendToScript(script, text);
}

export function appendToScript(script: ShellScript, text: string): TextEdit | undefined {
  const src = script.source;
  // A final `;` is kept after the appended command: `a; b;` becomes `a; b && text;`, so the script still ends with
  // b's status (after `b; text` a failing b would no longer fail the build).
  const trimmed = src.text.trimEnd().replace(/;$/, '').trimEnd(); // (trimEnd: /\s+$/ is quadratic on long blank runs)
  if (!trimmed) return undefined;
  if (/(&&|\|\||\||&|;|\\|`)$/.test(trimmed)) return undefined;
  // never write inside a comment: a `#` that starts a word on the last line may be one
  const last = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  if (/(^|\s)#/.test(last)) return undefined;
  const end = src.lines.positionAt(src.physicalEnd(trimmed.length));
  return insertAt(end, ' && ' + text);
}

const shippedCache = new WeakMap<DockerfileModel, Set<Stage>>();

/** Stages whose file system ends up in an image someone ships: the last stage and stages other stages build FROM. */
export function shippedStages(m: DockerfileModel): Set<Stage> {
  const hit = shippedCache.get(m);
  if (hit) return hit;
  const out = new Set<Stage>();
  shippedCache.set(m, out);
  const last = m.stages[m.stages.length - 1];
  if (last) out.add(last);
  const shell = dockerfileShell(m);
  for (const s of shell.stages) if (s.base) out.add(s.base.stage);
  return out;
}

/** The stage's commands in RUNs before `run` (same stage and the stages it is built FROM). */
export function earlierRuns(m: DockerfileModel, run: RunInfo): RunInfo[] {
  const shell = dockerfileShell(m);
  const out: RunInfo[] = [];
  let st = shell.stages.find((s) => s.stage === run.stage);
  const seen = new Set<unknown>();
  let limit: RunInfo | undefined = run;
  while (st && !seen.has(st)) {
    seen.add(st);
    for (const r of st.runs) {
      if (r === limit) break;
      out.push(r);
    }
    limit = undefined;
    st = st.base;
  }
  return out;
}

/** Later RUNs of the same stage. */
export function laterRuns(m: DockerfileModel, run: RunInfo): RunInfo[] {
  const st = dockerfileShell(m).stages.find((s) => s.stage === run.stage);
  if (!st) return [];
  const i = st.runs.indexOf(run);
  return i < 0 ? [] : st.runs.slice(i + 1);
}

/** An environment variable in effect for a command: inline (`A=1 cmd`), exported earlier in its script, or from ARG/ENV. */
export function envValue(run: RunInfo, cmd: Command, name: string): { value: string | undefined } | undefined {
  const inline = cmd.assignments.find((a) => a.name === name);
  if (inline) return { value: inline.value?.text ?? '' };
  for (const c of cmd.script.commands) {
    if (c.start >= cmd.start) break;
    if (c.inSubshell || c.inSubstitution || c.inFunction) continue;
    if (c.program === 'export' || !c.name) {
      const a = c.assignments.find((x) => x.name === name);
      if (a) return { value: a.value?.text ?? '' };
    }
  }
  if (run.env.has(name)) return { value: run.env.get(name) };
  return undefined;
}

export function stageLabel(stage: Stage | undefined): string {
  if (!stage) return 'this stage';
  return stage.name ? `stage "${stage.name}"` : `stage ${stage.index + 1}`;
}

/** `line N` for messages (1-based). */
export function lineOf(r: Range): string {
  return `line ${r.start.line + 1}`;
}

/**
 * Every script of the RUN parsed without a syntax error. Rules that report something *missing* from a RUN (a
 * cleanup, a verification) stay silent otherwise: the part they cannot read may hold it (template syntax).
 */
export function fullyParsed(run: RunInfo): boolean {
  return run.analysable && run.scripts.every((s) => !s.hasError && s.nested.every((n) => !n.hasError));
}

/** Skips RUNs in stages whose layers no image ships (a builder stage only copied from). ONBUILD RUNs always count. */
export function ships(m: DockerfileModel, run: RunInfo): boolean {
  return !run.stage || !!run.onbuild || shippedStages(m).has(run.stage);
}

/** The commands of `cmds` that start after `cmd` does (in document order: the RUN line, then its heredoc bodies). */
export function commandsAfter(cmds: readonly Command[], cmd: Command): Command[] {
  return cmds.filter((c) => comparePositions(c.range.start, cmd.range.start) > 0);
}

/**
 * The shared check of the "clean the cache after installing" rules: an install call in a RUN without, after it, a
 * clean command of the same tool, a removal of that tool's cache directory, or a cache mount over it. A clean that
 * comes before the install, or that removes another tool's cache, leaves this install's cache in the layer.
 */
export function reportMissingClean(
  m: DockerfileModel,
  report: (r: { range: Range; message: string; fixes?: { title: string; safe: boolean; edits: TextEdit[] }[] }) => void,
  o: {
    managers: readonly Manager[];
    installActions: readonly string[];
    /** Programs whose `clean` cleans the cache of the installing program (given the program as written). */
    cleanPrograms: readonly string[] | ((program: string) => readonly string[]);
    cleanActions: readonly string[];
    /** The installing program's cache directories. */
    cacheDirs: readonly string[] | ((program: string) => readonly string[]);
    cleanText: (call: PmCall) => string;
    message: (call: PmCall) => string;
  },
): void {
  const byRun = new Map<RunInfo, PmCall[]>();
  for (const { run, call } of calls(m, o.managers)) {
    if (!call.action || !o.installActions.includes(call.action)) continue;
    let l = byRun.get(run);
    if (!l) byRun.set(run, (l = []));
    l.push(call);
  }
  const listFor = (v: readonly string[] | ((p: string) => readonly string[]), program: string): readonly string[] => (typeof v === 'function' ? v(program) : v);
  for (const [run, installs] of byRun) {
    if (!ships(m, run) || !fullyParsed(run)) continue;
    const cmds = commands(run);
    const uncleaned = installs.find((call) => {
      const program = call.command.program ?? '';
      const dirs = listFor(o.cacheDirs, program);
      if (mountedCache(run, ...dirs)) return false;
      const later = commandsAfter(cmds, call.command);
      if (templatedCommandIn(m, later)) return false;
      return !hasClean(later, listFor(o.cleanPrograms, program), o.cleanActions) && !dirs.some((d) => removesDir(later, d));
    });
    if (!uncleaned) continue;
    const text = o.cleanText(uncleaned);
    const inLine = appendToRun(run, text);
    const edit = inLine ?? appendToHeredoc(run, uncleaned.command.script, text);
    // A line appended to a heredoc script becomes its last command, whose status is the script's: safe only when the
    // script stops at the first failure (set -e), else a failing install would no longer fail the build.
    const safe = !!inLine || !!run.heredocs.find((h) => h.script === uncleaned.command.script)?.errexit;
    report({
      range: nameThrough(uncleaned.command, uncleaned.actionWord),
      message: o.message(uncleaned),
      fixes: edit ? [{ title: `Append \`${text}\``, safe, edits: [edit] }] : undefined,
    });
  }
}

/**
 * In a template, a command whose name is a template expression (`&& {{ macros.install_packages(...) }}`) may render
 * anything, a clean-up included: the rules that look for one after an install stay silent.
 */
export function templatedCommandIn(m: DockerfileModel, cmds: readonly Command[]): boolean {
  return !!m.template && cmds.some((c) => c.name !== undefined && c.program === undefined && /^\$\{_+\}/.test(c.name.text));
}

/** Appends a line at the end of a heredoc script body. */
export function appendToHeredoc(run: RunInfo, script: ShellScript, text: string): TextEdit | undefined {
  const hd = run.heredocs.find((h) => h.script === script);
  if (!hd?.body || script.hasError) return undefined;
  const body = hd.body.text.trimEnd();
  if (!body || /(&&|\|\||\||\\)$/.test(body)) return undefined;
  const end = hd.body.lines.positionAt(hd.body.physicalEnd(body.length));
  return insertAt(end, '\n' + text);
}

/**
 * True when a COPY or ADD (not `--from`) before `run`, in its stage or the stages it is built FROM, copies a source
 * accepted by `pred` (called with each source as written).
 */
export function copiedBefore(m: DockerfileModel, run: RunInfo, pred: (source: string) => boolean): boolean {
  const shell = dockerfileShell(m);
  let st = shell.stages.find((s) => s.stage === run.stage);
  const seen = new Set<unknown>();
  let limit: unknown = run.onbuild ?? run.instruction;
  while (st && !seen.has(st)) {
    seen.add(st);
    for (const ins of st.stage.instructions) {
      if (ins === limit) break;
      const kw = ins.getKeyword();
      if (kw !== 'COPY' && kw !== 'ADD') continue;
      const flags = (ins as unknown as { getFlags?(): { getName(): string }[] }).getFlags?.() ?? [];
      if (flags.some((f) => f.getName().toLowerCase() === 'from')) continue;
      const args = ins.getArguments().map((a) => a.getValue().replace(/^\[?"?|"?,?\]?$/g, ''));
      if (args.slice(0, -1).some(pred)) return true;
    }
    limit = undefined;
    st = st.base;
  }
  return false;
}

const mentionCache = new WeakMap<RunInfo, Map<string, boolean>>();

/** Whether any script text of the RUN matches `re` (cached per RUN and pattern). */
export function mentions(run: RunInfo, re: RegExp): boolean {
  let m = mentionCache.get(run);
  if (!m) mentionCache.set(run, (m = new Map()));
  let v = m.get(re.source);
  if (v === undefined) {
    v = run.scripts.some((s) => re.test(s.source.text));
    m.set(re.source, v);
  }
  return v;
}

/** The package names a package-manager install call adds (versions and flags stripped; `wget=1.21-r0` -> `wget`). */
function installedNames(call: PmCall): string[] {
  if (call.action !== 'add' && call.action !== 'install') return [];
  return call.operands.filter((w) => w.literal).map((w) => w.text.replace(/[=<>~].*$/, '').toLowerCase());
}

/**
 * A package of one of `names` is installed in the stage (or the stages it is built FROM) before `cmd`: in an earlier
 * RUN, or earlier in the same RUN. Used to tell a BusyBox applet from the GNU tool installed over it (`apk add wget`).
 */
export function installedBefore(m: DockerfileModel, run: RunInfo, cmd: Command, names: readonly string[]): boolean {
  const hit = (c: Command): boolean => {
    const call = callOf(c);
    return !!call && installedNames(call).some((n) => names.includes(n));
  };
  if (earlierRuns(m, run).some((r) => commands(r).some(hit))) return true;
  return commands(run).some((c) => c !== cmd && c.source === cmd.source && c.start < cmd.start && hit(c));
}
