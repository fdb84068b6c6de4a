/**
 * A shell script as plain data: commands with their words, pipelines, and where each command runs (subshell,
 * command substitution, background, condition). Built from tree-sitter-bash's syntax tree, which is freed right
 * after the walk (it lives in WASM memory). Every offset is a logical offset in the script's ShellSource; every
 * range is already mapped back to the Dockerfile.
 */
import type { Tree } from 'web-tree-sitter';
import type { Range } from '../finding';
import { openCursor, shellParser } from './parser';
import type { ShellSource } from './source';

export interface Word {
  /** Logical offsets in `source`. */
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
  /** The word after quote removal; expansions (`$V`, `$(...)`) are kept as written. */
  text: string;
  /** True when the word has no expansion or substitution: `text` is exactly what the program receives. */
  literal: boolean;
  range: Range;
}

/** A word whose Dockerfile range is computed when a rule first asks for it (most words are never reported). */
class SourceWord implements Word {
  private r?: Range;
  constructor(
    private readonly src: ShellSource,
    public start: number,
    public end: number,
    public raw: string,
    public text: string,
    public literal: boolean,
  ) {}
  get range(): Range {
    return (this.r ??= this.src.range(this.start, this.end));
  }
  set range(r: Range) {
    this.r = r;
  }
}

/** A command whose Dockerfile range is computed when a rule first asks for it. */
class SourceCommand implements Command {
  program?: string;
  wrappers: Wrapper[] = [];
  inSubshell: boolean;
  inSubstitution: boolean;
  inFunction: boolean;
  inCondition: boolean;
  background: boolean;
  uncertain: boolean;
  argsFromStdin = false;
  pipeline?: Pipeline;
  pipeIndex: number;
  private r?: Range;
  constructor(
    public name: Word | undefined,
    public args: Word[],
    public assignments: Assignment[],
    public redirects: Redirect[],
    public start: number,
    public end: number,
    public source: ShellSource,
    public script: ShellScript,
    ctx: Ctx,
  ) {
    this.program = name ? programOf(name) : undefined;
    this.inSubshell = ctx.subshell;
    this.inSubstitution = ctx.substitution;
    this.inFunction = ctx.fn;
    this.inCondition = ctx.condition;
    this.background = ctx.background;
    this.uncertain = ctx.uncertain;
    this.pipeline = ctx.pipeline;
    this.pipeIndex = ctx.pipeline ? ctx.pipeIndex : -1;
  }
  get range(): Range {
    return (this.r ??= this.source.range(this.start, this.end));
  }
  set range(r: Range) {
    this.r = r;
  }
}

export interface Assignment {
  name: string;
  value?: Word;
  start: number;
  end: number;
  range: Range;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `2>&1`'s `>&`, `<<<`, ... */
  op: string;
  fd?: string;
  target?: Word;
}

export interface Wrapper {
  name: Word;
  program: string;
  args: Word[];
}

export interface Command {
  /** The program after unwrapping `sudo`, `env`, `nohup`, `xargs`, ...; undefined for a bare assignment. */
  name?: Word;
  /** Basename of a literal name (`apt-get` for `/usr/bin/apt-get`), lower-cased `.exe` removed; undefined when the name is not literal. */
  program?: string;
  args: Word[];
  /** `VAR=value` before the command (and those given to `env`). */
  assignments: Assignment[];
  redirects: Redirect[];
  /** Wrappers that were peeled off, outermost first (`sudo`, `env`, `xargs`, ...). */
  wrappers: Wrapper[];
  /** Extent of the whole simple command, wrappers included. */
  start: number;
  end: number;
  range: Range;
  source: ShellSource;
  script: ShellScript;
  inSubshell: boolean;
  /** Inside `$( )`, backticks or `<( )`: runs, but its output becomes an argument. */
  inSubstitution: boolean;
  inFunction: boolean;
  /** In the condition of `if`/`while`/`until`, or on the left of `||`. */
  inCondition: boolean;
  /** Followed by `&`. */
  background: boolean;
  /** Inside a syntax error: the structure around it is a guess. */
  uncertain: boolean;
  /** xargs supplies more arguments from standard input. */
  argsFromStdin: boolean;
  pipeline?: Pipeline;
  /** Position in its pipeline. */
  pipeIndex: number;
}

export interface PipelineElement {
  start: number;
  end: number;
  /** The simple command, when the element is one (not a subshell, loop or group). */
  command?: Command;
}

export interface Pipeline {
  start: number;
  end: number;
  elements: PipelineElement[];
  /** The `|` / `|&` operators. */
  operators: { start: number; end: number }[];
  source: ShellSource;
  uncertain: boolean;
}

export interface ShellScript {
  source: ShellSource;
  /** Commands in source order, nested ones (subshells, substitutions, `sh -c '...'`) included. */
  commands: Command[];
  pipelines: Pipeline[];
  hasError: boolean;
  /** Logical offset from which `set -o pipefail` is in effect (0: from the start). */
  pipefailFrom?: number;
  /** Scripts parsed from `sh -c '...'` arguments. */
  nested: ShellScript[];
  /** `sh -c` nesting level (0 for the instruction itself and its heredoc scripts). */
  level: number;
  /** The instruction's command line, a heredoc script, or a `sh -c` string. */
  kind: 'line' | 'heredoc' | 'string';
  /** The parser was stopped after SHELL_PARSE_BUDGET_MS: no commands are known. */
  gaveUp?: boolean;
}

/** POSIX-family shells whose `-c` argument and heredoc scripts are analysed. */
export const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'yash', 'busybox']);

const MAX_LEVEL = 3;
/**
 * Longer scripts are not analysed (the longest RUN in the corpus is 2.7 KB): parsing and walking a generated
 * megabyte of shell costs seconds, and its syntax tree can nest deeper than the walk's stack. Rules see no commands.
 */
export const MAX_SCRIPT_CHARS = 64 * 1024;
/** Time a script's parse may take (real scripts take well under a millisecond; 64 KiB of real shell about 20 ms). */
export const SHELL_PARSE_BUDGET_MS = 250;

export interface ParseOptions {
  /** SHELL has `-o pipefail` (or the `sh -c` string runs under it). */
  pipefail?: boolean;
  /**
   * The source is made of literal slices of its document (ShellSource.joined or .slice), and is the instruction's
   * command line or a heredoc script: the walked script may be reused by a later lint when the same text sits at the
   * same place (see `walked`).
   */
  reuse?: 'line' | 'heredoc';
}

/** Parses a script. Never throws on bad input: syntax errors mark the affected commands `uncertain`. */
export function parseScript(source: ShellSource, level = 0, options: ParseOptions = {}): ShellScript {
  const reuse = options.reuse && level === 0 && cache.enabled && walked.maxEntries > 0;
  if (reuse) {
    const hit = walked.get(source, options);
    if (hit) {
      // a parse avoided: counted as a hit of the node-table cache, whose entry stays fresh
      const text = source.text;
      if (text.length <= MAX_SCRIPT_CHARS && text.trim()) cache.touch(text);
      rebind(hit, source.lines);
      return hit;
    }
  }
  const script = walk(source, level, options);
  if (reuse) walked.put(source, options, script);
  return script;
}

function walk(source: ShellSource, level: number, options: ParseOptions): ShellScript {
  const script: ShellScript = { source, commands: [], pipelines: [], hasError: false, nested: [], level, kind: level > 0 ? 'string' : options.reuse === 'heredoc' ? 'heredoc' : 'line' };
  if (options.pipefail) script.pipefailFrom = 0;
  const text = source.text;
  if (!text.trim()) return script;
  if (text.length > MAX_SCRIPT_CHARS) {
    script.hasError = true;
    return script;
  }
  let t = cache.enabled ? cache.get(text) : undefined;
  if (!t) {
    // tree-sitter's error recovery can take seconds on short garbage (13 KB of nested `((((`: 2.4 s, found by the long
    // fuzz run, dockerfile #86278): a parse past the budget is cancelled, and nothing is known about the script
    const t0 = performance.now();
    const parser = shellParser();
    // (the typings say the callback returns void; web-tree-sitter cancels the parse when it returns true)
    const tree = parser.parse(text, null, { progressCallback: () => (performance.now() - t0 > SHELL_PARSE_BUDGET_MS) as unknown as void });
    if (!tree) {
      // a cancelled parse would otherwise resume on the next call
      parser.reset();
      script.hasError = true;
      script.gaveUp = true;
      return script;
    }
    // one node table per `sh -c` level: a nested script is parsed while its parent's table is being walked
    t = tables[level] ??= new Nodes();
    try {
      t.fill(tree, text);
    } finally {
      tree.delete();
    }
    if (cache.enabled) cache.put(text, t.snapshot());
  }
  script.hasError = t.hasError(0);
  try {
    new Walker(script, t).visit(0, ROOT_CTX);
  } catch (e) {
    // a tree nested deeper than the stack (thousands of `&&` or `$(`): nothing is known about this script
    if (!(e instanceof RangeError)) throw e;
    script.commands = [];
    script.pipelines = [];
    script.nested = [];
    script.hasError = true;
  } finally {
    if (t === tables[level]) t.clear();
  }
  script.commands.sort((a, b) => a.start - b.start || b.end - a.end);
  return script;
}

/**
 * Parsed scripts, by the exact text tree-sitter was given. A syntax tree is a function of its text alone (the
 * grammar is fixed), so the key is everything the cached table depends on: the RUN's text, its escape character
 * (continuations are joined before), heredoc markers (blanked) and bodies, the `sh -c` string — whatever changes the
 * script changes the key. What the text does not decide (the shell of the stage, ARG/ENV, positions in the file, the
 * wrapping `sh -c` level, SHELL's pipefail) is applied by the walk, which runs on every lint and builds fresh
 * commands with ranges in the current file. So re-linting after an edit parses only the scripts whose text changed.
 * Least recently used first out, bounded by entries and by size (nodes plus characters held).
 */
class ParseCache {
  enabled = true;
  hits = 0;
  misses = 0;
  private readonly map = new Map<string, Nodes>();
  private size = 0;
  constructor(
    public maxEntries: number,
    public maxSize: number,
  ) {}
  get(text: string): Nodes | undefined {
    const t = this.map.get(text);
    if (!t) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // most recently used last
    this.map.delete(text);
    this.map.set(text, t);
    return t;
  }
  /** A lint reused the walked script of `text` (see `walked`): no parse, the entry (if still here) becomes the most recent. */
  touch(text: string): void {
    this.hits++;
    const t = this.map.get(text);
    if (t) {
      this.map.delete(text);
      this.map.set(text, t);
    }
  }
  put(text: string, t: Nodes): void {
    const cost = t.count + text.length;
    if (cost > this.maxSize / 8) return; // one huge script must not flush everything else
    const had = this.map.get(text);
    if (had) {
      this.map.delete(text);
      this.size -= had.count + text.length;
    }
    this.map.set(text, t);
    this.size += cost;
    while (this.map.size > this.maxEntries || this.size > this.maxSize) {
      const [oldest, old] = this.map.entries().next().value as [string, Nodes];
      this.map.delete(oldest);
      this.size -= old.count + oldest.length;
    }
  }
  clear(): void {
    this.map.clear();
    this.size = 0;
    this.hits = 0;
    this.misses = 0;
  }
  get entries(): number {
    return this.map.size;
  }
}

const cache = new ParseCache(4096, 4_000_000);

/**
 * Walked scripts (commands, words, pipelines), by text and place: a lint of a document whose RUN has the same text
 * at the same place (offsets, lines and columns of its pieces) as in an earlier lint gets the same ShellScript back,
 * without walking the node table again. Everything in a ShellScript is a function of its text, its place and the
 * parse options (the key); nothing of the rest of the file is in it (the shell of the stage, ARG/ENV, mounts are in
 * the per-lint RunInfo around it), and nothing changes it after the walk (rules keep per-command answers that depend
 * on the command alone: package-manager calls, parsed options). Only top-level scripts are kept: a nested `sh -c`
 * script takes flags from the command around it, and is reused with its parent. On reuse its sources are moved to
 * the current document's line table. Bounded by entries (as many as the node-table cache), least recently used out.
 */
class WalkCache {
  /**
   * By text (hashed once per lint: the node-table cache looks up the same string), then by place and options: the
   * same RUN text often sits at several places (in one file, or in several). Least recently used text first out.
   */
  private readonly map = new Map<string, WalkEntry[]>();
  private count = 0;
  constructor(public maxEntries: number) {}
  get(source: ShellSource, options: ParseOptions): ShellScript | undefined {
    const list = this.map.get(source.text);
    if (!list) return undefined;
    const pipefail = !!options.pipefail;
    for (const e of list) {
      if (e.reuse !== options.reuse || e.pipefail !== pipefail || !source.placedAt(e.placement)) continue;
      this.map.delete(source.text);
      this.map.set(source.text, list);
      return e.script;
    }
    return undefined;
  }
  put(source: ShellSource, options: ParseOptions, script: ShellScript): void {
    const text = source.text;
    let list = this.map.get(text);
    if (list) this.map.delete(text);
    else list = [];
    const pipefail = !!options.pipefail;
    const placement = source.placement();
    const same = (e: WalkEntry) => e.reuse === options.reuse && e.pipefail === pipefail && e.placement.length === placement.length && e.placement.every((v, i) => v === placement[i]);
    const at = list.findIndex(same);
    if (at >= 0) {
      list.splice(at, 1);
      this.count--;
    }
    list.push({ reuse: options.reuse, pipefail, placement, script });
    this.count++;
    this.map.set(text, list);
    while (this.count > this.maxEntries) {
      const [oldest, old] = this.map.entries().next().value as [string, WalkEntry[]];
      old.shift();
      this.count--;
      if (!old.length) this.map.delete(oldest);
    }
  }
  clear(): void {
    this.map.clear();
    this.count = 0;
  }
}

interface WalkEntry {
  reuse: ParseOptions['reuse'];
  pipefail: boolean;
  placement: number[];
  script: ShellScript;
}

const walked = new WalkCache(4096);

/** Points every source of a reused script (its own, its nested scripts') at the current document's line table. */
function rebind(script: ShellScript, lines: ShellSource['lines']): void {
  script.source.lines = lines;
  for (const n of script.nested) rebind(n, lines);
}


/** Empties the parse cache (the next lint parses every script again: the first-open / CI case) and its counters. */
export function clearShellCache(): void {
  cache.clear();
  walked.clear();
}

/** Turns the parse cache off (every lint parses every script) or on. For tests and benchmarks. */
export function setShellCacheEnabled(enabled: boolean): void {
  cache.enabled = enabled;
  if (!enabled) {
    cache.clear();
    walked.clear();
  }
}

/** Tests: the bounds of the parse cache (entries, and nodes plus characters) and of the walked scripts (entries); the defaults when omitted. */
export function setShellCacheLimits(maxEntries = 4096, maxSize = 4_000_000, maxWalked = maxEntries): void {
  cache.maxEntries = maxEntries;
  cache.maxSize = maxSize;
  cache.clear();
  walked.maxEntries = maxWalked;
  walked.clear();
}

/** Hits, misses and entries of the parse cache since it was last cleared. */
export function shellCacheStats(): { hits: number; misses: number; entries: number } {
  return { hits: cache.hits, misses: cache.misses, entries: cache.entries };
}

/** Every command of a script and of the scripts nested in it, in source order per script. */
export function allCommands(script: ShellScript): Command[] {
  if (!script.nested.length) return script.commands;
  const out: Command[] = [];
  const add = (s: ShellScript) => {
    out.push(...s.commands);
    for (const n of s.nested) add(n);
  };
  add(script);
  return out;
}

/**
 * Nodes the walker reads only as text (`$VAR`, `${VAR:-x}`, `$((1+2))`, comments, heredoc bodies): their insides are
 * not copied when the tree has no error (with errors they are, so a syntax error inside still marks the statement).
 */
const OPAQUE = new Set(['simple_expansion', 'expansion', 'arithmetic_expansion', 'comment', 'heredoc_body', 'regex', 'extglob_pattern']);
/**
 * Nodes that hold commands only inside `$( )`, backticks or `<( )`: without a `(` or a backquote in their text (and
 * without an error in the tree) nothing in them can be a command, and the walker only looks inside them for commands.
 */
const COMMANDLESS = new Set(['test_command', 'binary_expression', 'unary_expression', 'ternary_expression', 'postfix_expression', 'parenthesized_expression']);
/** The node types the walker's `visit` tells apart, as small numbers (0: any other type). */
const KINDS = [
  '', 'command', 'declaration_command', 'unset_command', 'variable_assignment', 'variable_assignments', 'redirected_statement', 'pipeline',
  'subshell', 'command_substitution', 'process_substitution', 'function_definition', 'if_statement', 'while_statement', 'elif_clause',
  'list', 'heredoc_body', 'heredoc_redirect', 'comment', 'ERROR',
] as const;
const KIND_OF = new Map<string, number>(KINDS.map((k, i) => [k, i]));
const K = Object.fromEntries(KINDS.map((k, i) => [k, i])) as Record<(typeof KINDS)[number], number>;
/** Parents whose children's field names the walker reads; other field names are never fetched. */
const FIELD_PARENTS = new Set(['if_statement', 'while_statement', 'elif_clause', 'redirected_statement', 'file_redirect', 'variable_assignment']);

const NAMED = 1;
const MISSING = 2;
/** The node is an ERROR node or has one (or a missing token) below it. */
const ERROR = 4;
/** The walker reads the field names of this node's children. */
const FIELDS = 8;

/** Per-language tables read once: whether each type is named (each lookup would cross into WASM), and our type sets. */
const LANGUAGE_TABLES = new WeakMap<object, { named: boolean[]; fieldParent: boolean[]; opaque: boolean[]; commandless: boolean[]; kind: number[] }>();

const EMPTY_U8 = new Uint8Array(0);
const EMPTY_I32 = new Int32Array(0);

/** One node table per `sh -c` level: a nested script is parsed while its parent's table is being walked. */
const tables: Nodes[] = [];

class Nodes {
  count = 0;
  src = '';
  type: string[] = [];
  field: (string | null)[] = [];
  flags: Uint8Array;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  first: Int32Array;
  next: Int32Array;
  parent: Int32Array;

  constructor(capacity = 256) {
    if (capacity === 0) {
      // a snapshot: its arrays are views of one buffer, set by snapshot()
      this.flags = this.kind = EMPTY_U8;
      this.start = this.end = this.first = this.next = this.parent = EMPTY_I32;
      return;
    }
    this.flags = new Uint8Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.first = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
  }

  fill(tree: Tree, src: string): void {
    const lang = tree.language;
    let lt = LANGUAGE_TABLES.get(lang);
    if (!lt) {
      const named: boolean[] = [];
      const fieldParent: boolean[] = [];
      const opaque: boolean[] = [];
      const commandless: boolean[] = [];
      const kind: number[] = [];
      for (let id = 0; id < lang.types.length; id++) {
        const type = lang.types[id] || 'ERROR';
        kind[id] = KIND_OF.get(type) ?? 0;
        named[id] = type === 'ERROR' || lang.nodeTypeIsNamed(id);
        fieldParent[id] = FIELD_PARENTS.has(type);
        opaque[id] = OPAQUE.has(type);
        commandless[id] = COMMANDLESS.has(type);
      }
      LANGUAGE_TABLES.set(lang, (lt = { named, fieldParent, opaque, commandless, kind }));
    }
    const { named, fieldParent, opaque, commandless, kind } = lt;
    const types = lang.types;
    const fields = lang.fields;
    this.src = src;
    this.count = 0;
    this.found.clear();
    // without errors there are no missing tokens, and an anonymous token's text is its type
    // (read before the cursor opens: no other tree-sitter call may happen during the walk)
    const broken = tree.rootNode.hasError;
    const cur = openCursor(tree);
    try {
      // copies the cursor's node as child of `parent` after `prev`; returns it, with DESCEND when its children are needed
      let descend = false;
      const make = (parent: number, prev: number): number => {
        const n = this.count++;
        if (n === this.flags.length) this.grow();
        const id = cur.nodeTypeId;
        const type = types[id] || 'ERROR';
        const isNamed = named[id] ?? type === 'ERROR';
        const start = cur.startIndex;
        let end: number;
        let flags = isNamed ? NAMED : 0;
        if (!isNamed && !broken) end = start + type.length;
        else {
          end = cur.endIndex;
          // only a zero-width node can be a token tree-sitter inserted to recover from an error
          if (broken && start === end && cur.nodeIsMissing) flags |= MISSING;
        }
        if (type === 'ERROR') flags |= ERROR;
        if (fieldParent[id]) flags |= FIELDS;
        this.type[n] = type;
        this.kind[n] = kind[id] ?? (type === 'ERROR' ? K.ERROR : 0);
        this.flags[n] = flags;
        this.start[n] = start;
        this.end[n] = end;
        this.first[n] = -1;
        this.next[n] = -1;
        this.parent[n] = parent;
        this.field[n] = parent >= 0 && this.flags[parent] & FIELDS ? (fields[cur.currentFieldId] ?? null) : null;
        if (prev >= 0) this.next[prev] = n;
        else if (parent >= 0) this.first[parent] = n;
        descend =
          isNamed &&
          (broken ||
            // read as text only; commands only behind a `(` or a backquote; a string with no expansion (see wordValue)
            !(opaque[id] || (commandless[id] && !this.holdsSubstitution(n)) || (type === 'string' && !this.holdsExpansion(n))));
        return n;
      };
      const root = make(-1, -1);
      if (!cur.gotoFirstChild()) return;
      // the open nodes and the last child added under each
      const stack = [root];
      const last = [-1];
      for (;;) {
        const child = make(stack[stack.length - 1], last[last.length - 1]);
        last[last.length - 1] = child;
        if (descend && cur.gotoFirstChild()) {
          stack.push(child);
          last.push(-1);
          continue;
        }
        while (!cur.gotoNextSibling()) {
          if (!cur.gotoParent() || stack.length === 1) return;
          stack.pop();
          last.pop();
        }
      }
    } finally {
      cur.delete();
      this.finish();
    }
  }

  /** Marks every node with an ERROR or a missing token at or below it (children come after their parent). */
  private finish(): void {
    for (let n = this.count - 1; n > 0; n--) {
      if (this.flags[n] & (MISSING | ERROR)) this.flags[this.parent[n]] |= ERROR;
    }
  }

  private grow(): void {
    const size = this.flags.length * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(size);
      b.set(a);
      return b;
    };
    this.flags = grow8(this.flags);
    this.kind = grow8(this.kind);
    this.start = grow32(this.start);
    this.end = grow32(this.end);
    this.first = grow32(this.first);
    this.next = grow32(this.next);
    this.parent = grow32(this.parent);
  }

  /** A `(` or a backquote in the node's text: the only way a command substitution or subshell starts. */
  private holdsSubstitution(n: number): boolean {
    return this.has(n, '(') || this.has(n, '`');
  }

  /** A `$` or a backquote in the node's text: the only way an expansion or substitution starts. */
  private holdsExpansion(n: number): boolean {
    return this.has(n, '$') || this.has(n, '`');
  }

  /**
   * Whether `c` occurs in the node's text. The first occurrence at or after the last query's start is kept per
   * character: nodes come in text order, so the whole walk scans the text about once per character (a search to the
   * end of the text for each of 500,000 string nodes was quadratic).
   */
  private has(n: number, c: string): boolean {
    const s = this.start[n];
    let m = this.found.get(c);
    if (!m || s < m.from || (m.at >= 0 && m.at < s)) this.found.set(c, (m = { from: s, at: this.src.indexOf(c, s) }));
    return m.at >= 0 && m.at < this.end[n];
  }
  private found = new Map<string, { from: number; at: number }>();

  clear(): void {
    this.count = 0;
    this.src = '';
    this.found.clear();
    // type and field keep their length: they hold only the grammar's own (interned) names, and are overwritten by
    // the next fill up to its count (truncating them made every parse grow them again from nothing)
  }

  /** An exact-size copy for the cache (what the walker reads: no parent links). */
  snapshot(): Nodes {
    const s = new Nodes(0);
    const n = this.count;
    s.count = n;
    s.src = this.src;
    s.type = this.type.slice(0, n);
    s.field = this.field.slice(0, n);
    // one buffer for the six arrays (an ArrayBuffer each made the garbage collector run far more often): the four
    // Int32 arrays first (aligned), then the two byte arrays
    const buf = new ArrayBuffer(18 * n);
    s.start = new Int32Array(buf, 0, n);
    s.end = new Int32Array(buf, 4 * n, n);
    s.first = new Int32Array(buf, 8 * n, n);
    s.next = new Int32Array(buf, 12 * n, n);
    s.flags = new Uint8Array(buf, 16 * n, n);
    s.kind = new Uint8Array(buf, 17 * n, n);
    // (copied in one loop: a subarray view of each working array was six more objects per parse)
    for (let k = 0; k < n; k++) {
      s.start[k] = this.start[k];
      s.end[k] = this.end[k];
      s.first[k] = this.first[k];
      s.next[k] = this.next[k];
      s.flags[k] = this.flags[k];
      s.kind[k] = this.kind[k];
    }
    return s;
  }

  isNamed(n: number): boolean {
    return (this.flags[n] & NAMED) !== 0;
  }
  isMissing(n: number): boolean {
    return (this.flags[n] & MISSING) !== 0;
  }
  /** An ERROR node or a missing token at or below the node. */
  hasError(n: number): boolean {
    return (this.flags[n] & (ERROR | MISSING)) !== 0;
  }
  text(n: number): string {
    return this.src.slice(this.start[n], this.end[n]);
  }
  /** The first child with this field name, or -1. */
  childForFieldName(n: number, name: string): number {
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (this.field[c] === name) return c;
    return -1;
  }
  firstNamedChild(n: number): number {
    for (let c = this.first[n]; c >= 0; c = this.next[c]) if (this.flags[c] & NAMED) return c;
    return -1;
  }
}

interface Ctx {
  subshell: boolean;
  substitution: boolean;
  fn: boolean;
  condition: boolean;
  background: boolean;
  uncertain: boolean;
  pipeline?: Pipeline;
  pipeIndex: number;
}

const ROOT_CTX: Ctx = {
  subshell: false,
  substitution: false,
  fn: false,
  condition: false,
  background: false,
  uncertain: false,
  pipeIndex: -1,
};

/** Walks a node table, adding the commands (and pipelines, nested `sh -c` scripts) it finds to the script. */
class Walker {
  constructor(
    private readonly script: ShellScript,
    private readonly t: Nodes,
  ) {}

  private get src(): ShellSource {
    return this.script.source;
  }

  visit(node: number, ctx: Ctx): void {
    const t = this.t;
    switch (t.kind[node]) {
      case K.command:
        this.command(node, ctx, []);
        return;
      case K.declaration_command:
      case K.unset_command:
        this.declaration(node, ctx);
        return;
      case K.variable_assignment:
      case K.variable_assignments:
        this.bareAssignment(node, ctx);
        return;
      case K.redirected_statement:
        this.redirected(node, ctx);
        return;
      case K.pipeline:
        this.pipeline(node, ctx);
        return;
      case K.subshell:
        this.children(node, { ...ctx, subshell: true, pipeline: undefined, pipeIndex: -1 });
        return;
      case K.command_substitution:
      case K.process_substitution:
        this.children(node, { ...ctx, substitution: true, background: false, pipeline: undefined, pipeIndex: -1 });
        return;
      case K.function_definition:
        this.children(node, { ...ctx, fn: true, pipeline: undefined, pipeIndex: -1 });
        return;
      case K.if_statement:
      case K.while_statement:
      case K.elif_clause: {
        const cond = { ...ctx, condition: true, pipeline: undefined, pipeIndex: -1 };
        const body = { ...ctx, pipeline: undefined, pipeIndex: -1 };
        for (let c = t.first[node]; c >= 0; c = t.next[c]) {
          // anonymous children (`if`, `then`, `;`) have no children and hold nothing
          if (t.first[c] < 0) continue;
          this.visit(c, t.field[c] === 'condition' ? cond : body);
        }
        return;
      }
      case K.list:
        this.children(node, ctx, true);
        return;
      case K.heredoc_body:
      case K.heredoc_redirect:
      case K.comment:
        return;
      case K.ERROR:
        this.children(node, { ...ctx, uncertain: true });
        return;
      default:
        this.children(node, ctx);
    }
  }

  /**
   * Visits the named children. The operator after a child tells what it is: `cmd &` runs in the background, and in
   * a list (`a && b`, `a || b`) the left side of `||` is a condition.
   */
  private children(node: number, ctx: Ctx, inList = false): void {
    const t = this.t;
    const broken = t.hasError(node);
    let prev = -1;
    for (let c = t.first[node]; c >= 0; prev = c, c = t.next[c]) {
      if (!t.isNamed(c)) continue;
      const next = t.next[c];
      const op = next >= 0 && !t.isNamed(next) ? t.type[next] : undefined;
      const c2 = inList ? (op === '||' ? { ...ctx, condition: true } : ctx) : op === '&' ? { ...ctx, background: true } : ctx;
      this.visit(c, broken && brokenNear(t, prev, next) ? { ...c2, uncertain: true } : c2);
    }
  }

  private pipeline(node: number, ctx: Ctx): void {
    const t = this.t;
    const p: Pipeline = {
      start: t.start[node],
      end: t.end[node],
      elements: [],
      operators: [],
      source: this.src,
      uncertain: ctx.uncertain,
    };
    this.script.pipelines.push(p);
    let index = 0;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const type = t.type[c];
      if (!t.isNamed(c)) {
        if (type === '|' || type === '|&') p.operators.push({ start: t.start[c], end: t.end[c] });
        continue;
      }
      if (type === 'comment') continue;
      const el: PipelineElement = { start: t.start[c], end: t.end[c] };
      p.elements.push(el);
      const before = this.script.commands.length;
      this.visit(c, { ...ctx, pipeline: p, pipeIndex: index });
      // the element's own simple command is the first one added that spans its start
      for (let k = before; k < this.script.commands.length; k++) {
        const cmd = this.script.commands[k];
        if (cmd.pipeline === p && cmd.pipeIndex === index && cmd.start === el.start) {
          el.command = cmd;
          break;
        }
      }
      index++;
    }
  }

  private redirected(node: number, ctx: Ctx): void {
    const t = this.t;
    const body = t.childForFieldName(node, 'body');
    const redirects: Redirect[] = [];
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      if (t.field[c] === 'redirect') {
        const r = this.redirect(c);
        if (r) redirects.push(r);
        this.substitutionsIn(c, ctx);
      }
    }
    if (body < 0) return;
    if (t.type[body] === 'command') {
      const cmd = this.command(body, ctx, redirects);
      if (cmd && t.end[node] > cmd.end) {
        // the command's extent covers its redirections (`cat > f <<EOF`)
        cmd.end = t.end[node];
        cmd.range = this.src.range(cmd.start, cmd.end);
      }
    } else this.visit(body, ctx);
  }

  private redirect(node: number): Redirect | undefined {
    const t = this.t;
    if (t.type[node] === 'heredoc_redirect') return { op: '<<' };
    let op = '';
    let fd: string | undefined;
    let target: Word | undefined;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const field = t.field[c];
      if (field === 'descriptor') fd = t.text(c);
      else if (field === 'destination') target ??= this.word(c);
      else if (!t.isNamed(c)) op = t.type[c];
    }
    return { op, fd, target };
  }

  /** Walks a node only for the commands in its `$( )` / backticks. */
  private substitutionsIn(node: number, ctx: Ctx): void {
    const t = this.t;
    const type = t.type[node];
    if (type === 'command_substitution' || type === 'process_substitution') {
      this.visit(node, ctx);
      return;
    }
    if (type === 'heredoc_body') return;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      if (t.isNamed(c) && t.first[c] >= 0) this.substitutionsIn(c, ctx);
    }
  }

  private command(node: number, ctx: Ctx, outerRedirects: Redirect[]): Command | undefined {
    const t = this.t;
    const assignments: Assignment[] = [];
    const redirects: Redirect[] = [...outerRedirects];
    let name: Word | undefined;
    const args: Word[] = [];
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const type = t.type[c];
      const field = t.field[c];
      if (type === 'variable_assignment') {
        const a = this.assignment(c);
        if (a) assignments.push(a);
        this.substitutionsIn(c, ctx);
      } else if (field === 'redirect' || type.endsWith('_redirect')) {
        const r = this.redirect(c);
        if (r) redirects.push(r);
        this.substitutionsIn(c, ctx);
      } else if (field === 'name' || type === 'command_name') {
        let inner = c;
        if (type === 'command_name') {
          const first = t.firstNamedChild(c);
          if (first >= 0) inner = first;
        }
        name = this.word(inner);
        this.substitutionsIn(c, ctx);
      } else if (t.isNamed(c) && type !== 'comment') {
        args.push(this.word(c));
        this.substitutionsIn(c, ctx);
      }
    }
    return this.addCommand(t.start[node], t.end[node], name, args, assignments, redirects, t.hasError(node) ? { ...ctx, uncertain: true } : ctx);
  }

  private declaration(node: number, ctx: Ctx): void {
    const t = this.t;
    const kw = t.first[node];
    if (kw < 0) return;
    const name = this.word(kw);
    if (!t.isNamed(kw)) {
      // the keyword (`export`, `declare`, `unset`) is an anonymous token: its text is the program name
      name.text = t.text(kw);
      name.literal = true;
    }
    const args: Word[] = [];
    const assignments: Assignment[] = [];
    for (let c = t.next[kw]; c >= 0; c = t.next[c]) {
      if (!t.isNamed(c)) continue;
      if (t.type[c] === 'variable_assignment') {
        const a = this.assignment(c);
        if (a) assignments.push(a);
      }
      args.push(this.word(c));
      this.substitutionsIn(c, ctx);
    }
    this.addCommand(t.start[node], t.end[node], name, args, assignments, [], ctx);
  }

  private bareAssignment(node: number, ctx: Ctx): void {
    const t = this.t;
    const assignments: Assignment[] = [];
    const one = (c: number) => {
      const a = t.type[c] === 'variable_assignment' ? this.assignment(c) : undefined;
      if (a) assignments.push(a);
      this.substitutionsIn(c, ctx);
    };
    if (t.type[node] === 'variable_assignments') {
      for (let c = t.first[node]; c >= 0; c = t.next[c]) if (t.isNamed(c)) one(c);
    } else one(node);
    this.addCommand(t.start[node], t.end[node], undefined, [], assignments, [], ctx);
  }

  private assignment(node: number): Assignment | undefined {
    const t = this.t;
    const n = t.childForFieldName(node, 'name');
    if (n < 0) return undefined;
    const v = t.childForFieldName(node, 'value');
    return {
      name: t.text(n),
      value: v >= 0 ? this.word(v) : undefined,
      start: t.start[node],
      end: t.end[node],
      range: this.src.range(t.start[node], t.end[node]),
    };
  }

  word(node: number): Word {
    const t = this.t;
    const raw = t.text(node);
    const type = t.type[node];
    // the common word types read from `raw` itself (one slice of the script: `text` is often the very same string)
    if (type === 'word') return new SourceWord(this.src, t.start[node], t.end[node], raw, unescapeBare(raw), true);
    if (type === 'number' || type === 'variable_name' || type === 'test_operator') return new SourceWord(this.src, t.start[node], t.end[node], raw, raw, true);
    const { text, literal } = wordValue(t, node);
    return new SourceWord(this.src, t.start[node], t.end[node], raw, text, literal);
  }

  private addCommand(
    start: number,
    end: number,
    name: Word | undefined,
    args: Word[],
    assignments: Assignment[],
    redirects: Redirect[],
    ctx: Ctx,
  ): Command {
    const cmd = new SourceCommand(name, args, assignments, redirects, start, end, this.src, this.script, ctx);
    unwrap(cmd);
    this.script.commands.push(cmd);
    if (cmd.program === 'set' && setsPipefail(cmd.args) && !ctx.subshell && !ctx.substitution && !ctx.fn) {
      if (this.script.pipefailFrom === undefined || cmd.start < this.script.pipefailFrom) this.script.pipefailFrom = cmd.end;
    }
    this.nestedShell(cmd);
    return cmd;
  }

  /** `sh -c 'script'`, `su -c 'script'`: the script is parsed too, with ranges inside the quotes. */
  private nestedShell(cmd: Command): void {
    if (this.script.level >= MAX_LEVEL || !cmd.program) return;
    let scriptWord: Word | undefined;
    let pipefail = false;
    if (POSIX_SHELLS.has(cmd.program)) {
      const args = cmd.program === 'busybox' && cmd.args[0]?.text === 'sh' ? cmd.args.slice(1) : cmd.args;
      const c = shellCommandArg(args);
      scriptWord = c?.script;
      pipefail = !!c?.pipefail;
    } else if (cmd.program === 'su' || cmd.program === 'runuser') {
      const i = cmd.args.findIndex((a) => a.text === '-c' || a.text === '--command');
      if (i >= 0) scriptWord = cmd.args[i + 1];
    }
    if (!scriptWord) return;
    const inner = innerText(scriptWord);
    if (!inner) return;
    const sub = this.src.sub(scriptWord.start + inner.offset, scriptWord.start + inner.offset + inner.length);
    const nested = parseScript(sub, this.script.level + 1, { pipefail });
    for (const c of nested.commands) {
      if (cmd.inSubshell) c.inSubshell = true;
      if (cmd.inSubstitution) c.inSubstitution = true;
      if (cmd.inFunction) c.inFunction = true;
      if (cmd.inCondition) c.inCondition = true;
      if (cmd.uncertain) c.uncertain = true;
    }
    this.script.nested.push(nested);
  }
}

/**
 * A statement next to a syntax error (its previous or next sibling is an ERROR node or a missing token):
 * tree-sitter recovered there, so where the statement ends is a guess (template syntax such as `{{ if x }}` looks
 * like this). Only asked when the parent has an error.
 */
function brokenNear(t: Nodes, prev: number, next: number): boolean {
  const bad = (n: number) => n >= 0 && (t.isMissing(n) || t.type[n] === 'ERROR');
  return bad(prev) || bad(next);
}

/** The argument of `-c` for a shell command line (`bash -eux -o pipefail -c '...'`), and whether pipefail is set. */
export function shellCommandArg(args: Word[]): { script?: Word; pipefail: boolean; stdin: boolean } | undefined {
  let pipefail = false;
  let sawC = false;
  for (let i = 0; i < args.length; i++) {
    const t = args[i].text;
    if (t === '--' || t === '-') break;
    if ((t === '-o' || t === '+o') && args[i + 1]) {
      if (t === '-o' && args[i + 1].text === 'pipefail') pipefail = true;
      i++;
      continue;
    }
    if (/^-[a-zA-Z]+$/.test(t)) {
      if (t.includes('o') && args[i + 1]?.text === 'pipefail') {
        pipefail = true;
        if (t.includes('c')) sawC = true;
        i++;
        if (sawC) return { script: args[i + 1], pipefail, stdin: false };
        continue;
      }
      if (t.includes('c')) return { script: args[i + 1], pipefail, stdin: false };
      continue;
    }
    if (/^--[a-z-]+$/.test(t)) continue;
    // a script file or other operand: not a -c script; stdin is not read either
    return { pipefail, stdin: false };
  }
  return { pipefail, stdin: true };
}

/** The part of a quoted word the inner shell parses, when it maps 1:1 to the source. */
function innerText(w: Word): { offset: number; length: number } | undefined {
  const raw = w.raw;
  if (raw.length >= 2 && raw[0] === "'" && raw[raw.length - 1] === "'" && w.literal) return { offset: 1, length: raw.length - 2 };
  if (raw.length >= 2 && raw[0] === '"' && raw[raw.length - 1] === '"' && !raw.slice(1, -1).includes('\\')) {
    return { offset: 1, length: raw.length - 2 };
  }
  if (w.literal && raw === w.text && raw.length) return { offset: 0, length: raw.length };
  return undefined;
}

function setsPipefail(args: Word[]): boolean {
  for (let i = 0; i < args.length - 1; i++) {
    const t = args[i].text;
    if (/^-[a-zA-Z]*o$/.test(t) || t === '-o') {
      if (args[i + 1].text === 'pipefail') return true;
    }
  }
  return false;
}

export function programOf(w: Word): string | undefined {
  if (!w.literal || !w.text) return undefined;
  let p = w.text;
  const slash = p.lastIndexOf('/');
  if (slash >= 0) p = p.slice(slash + 1);
  if (/\.exe$/i.test(p)) p = p.slice(0, -4).toLowerCase();
  return p || undefined;
}

// ---- words ------------------------------------------------------------------------------------------------

function unescapeBare(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([\s\S])/g, '$1');
}

function unescapeDouble(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\([\\"$`\n])/g, (_, c: string) => (c === '\n' ? '' : c));
}

const ANSI: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** The value of a word node after quote removal, and whether it holds no expansion. Reads the node table `t`. */
function wordValue(t: Nodes, node: number): { text: string; literal: boolean } {
  const type = t.type[node];
  switch (type) {
    case 'word':
      return { text: unescapeBare(t.text(node)), literal: true };
    case 'number':
    case 'variable_name':
    case 'test_operator':
      return { text: t.text(node), literal: true };
    case 'raw_string':
      return { text: t.text(node).slice(1, -1), literal: true };
    case 'ansi_c_string':
      return { text: t.text(node).slice(2, -1).replace(/\\(.)/g, (m, c: string) => ANSI[c] ?? m), literal: true };
    case 'string':
    case 'translated_string': {
      // the inside with escapes removed, expansions and substitutions kept as written; the inside is read from the
      // text, not from string_content nodes, which leave out line breaks (and a string without `$` or a backquote is
      // not copied below its own node, see Nodes.fill)
      // (tree-sitter-bash also puts the blanks before a closing quote or a `$` into those tokens: offsets, not tokens)
      const innerStart = t.start[node] + (type === 'translated_string' ? 2 : 1);
      const end = t.end[node];
      let text = '';
      let literal = true;
      let pos = innerStart;
      let closed = end - 1 >= innerStart && t.src.charCodeAt(end - 1) === 34; // "
      for (let c = t.first[node]; c >= 0; c = t.next[c]) {
        if (!t.isNamed(c)) {
          if (t.next[c] < 0 && t.isMissing(c)) closed = false;
          continue;
        }
        if (t.type[c] === 'string_content') continue;
        if (t.start[c] > pos) text += unescapeDouble(t.src.slice(pos, t.start[c]));
        text += t.text(c);
        literal = false;
        pos = Math.max(pos, t.end[c]);
      }
      const innerEnd = closed ? end - 1 : end;
      if (innerEnd > pos) text += unescapeDouble(t.src.slice(pos, innerEnd));
      return { text, literal };
    }
    case 'concatenation': {
      let text = '';
      let literal = true;
      for (let c = t.first[node]; c >= 0; c = t.next[c]) {
        if (t.isNamed(c)) {
          const v = wordValue(t, c);
          text += v.text;
          literal &&= v.literal;
        } else text += t.text(c);
      }
      return { text, literal };
    }
    case 'variable_assignment': {
      const raw = t.text(node);
      return { text: raw, literal: !/[$`]/.test(raw) };
    }
    default:
      return { text: t.text(node), literal: false };
  }
}

// ---- wrappers -----------------------------------------------------------------------------------------------

interface WrapperSpec {
  /** Options that take a separate value. */
  valued?: Set<string>;
  /** Long options that take a value when written without `=`. */
  longValued?: Set<string>;
  /** Positional operands before the command (timeout's duration, gosu's user). */
  operands?: number;
  /** Accepts NAME=VALUE before the command (env, sudo). */
  assignments?: boolean;
  /** Options after which there is no command to unwrap. */
  stop?: Set<string>;
  stdin?: boolean;
}

const WRAPPER_SPECS: Record<string, WrapperSpec> = {
  sudo: {
    valued: set('-C -D -g -h -p -R -r -T -t -U -u'),
    longValued: set('--close-from --chdir --group --host --prompt --chroot --role --type --command-timeout --other-user --user'),
    assignments: true,
    stop: set('-l -v -V -k -K -e --list --validate --version --edit'),
  },
  env: { valued: set('-u -C -S'), longValued: set('--unset --chdir --split-string'), assignments: true, stop: set('-S --split-string') },
  exec: { valued: set('-a') },
  nohup: {},
  time: {},
  nice: { valued: set('-n'), longValued: set('--adjustment') },
  ionice: { valued: set('-c -n -p -P -u'), longValued: set('--class --classdata --pid --pgid --uid') },
  stdbuf: { valued: set('-i -o -e'), longValued: set('--input --output --error') },
  timeout: { valued: set('-s -k'), longValued: set('--signal --kill-after'), operands: 1 },
  command: { stop: set('-v -V') },
  builtin: {},
  xargs: {
    valued: set('-a -d -E -I -L -n -P -s -e -i -l'),
    longValued: set('--arg-file --delimiter --eof --replace --max-lines --max-args --max-procs --max-chars --process-slot-var'),
    stdin: true,
  },
  gosu: { operands: 1 },
  'su-exec': { operands: 1 },
  tini: { valued: set('-p -e') },
  'dumb-init': { valued: set('-r') },
  eatmydata: {},
  fakeroot: {},
  runuser: { valued: set('-u -g -G'), longValued: set('--user --group --supp-group'), stop: set('-c --command -l --login') },
  chronic: {},
  'with-contenv': {},
};

/** A Map, so that a command named like an Object property (`constructor`) is not taken for a wrapper. */
const WRAPPERS = new Map(Object.entries(WRAPPER_SPECS));

function set(s: string): Set<string> {
  return new Set(s.split(' '));
}

/** Peels wrappers off: `sudo -E env A=1 nohup apt-get install x` becomes `apt-get install x` with three wrappers. */
function unwrap(cmd: Command): void {
  for (let guard = 0; guard < 8 && cmd.program && WRAPPERS.has(cmd.program); guard++) {
    const spec = WRAPPERS.get(cmd.program)!;
    const args = cmd.args;
    let i = 0;
    let operands = spec.operands ?? 0;
    let stopped = false;
    const assignments: Assignment[] = [];
    while (i < args.length) {
      const a = args[i];
      const t = a.text;
      if (!a.literal && !(spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t))) break;
      if (t === '--') {
        i++;
        break;
      }
      if (spec.stop?.has(t.split('=')[0])) {
        stopped = true;
        break;
      }
      if (t.startsWith('--') && t.length > 2) {
        i += !t.includes('=') && spec.longValued?.has(t) ? 2 : 1;
        continue;
      }
      if (t.startsWith('-') && t.length > 1 && !/^-\d/.test(t)) {
        i += spec.valued?.has(t) ? 2 : 1;
        continue;
      }
      if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t)) {
        const eq = t.indexOf('=');
        assignments.push({
          name: t.slice(0, eq),
          value: { ...a, text: t.slice(eq + 1), start: a.start + eq + 1, range: a.range },
          start: a.start,
          end: a.end,
          range: a.range,
        });
        i++;
        continue;
      }
      if (operands > 0) {
        operands--;
        i++;
        continue;
      }
      break;
    }
    if (stopped || i >= args.length) return;
    const inner = args[i];
    const program = programOf(inner);
    cmd.wrappers.push({ name: cmd.name!, program: cmd.program, args: args.slice(0, i) });
    cmd.assignments.push(...assignments);
    if (spec.stdin) cmd.argsFromStdin = true;
    cmd.name = inner;
    cmd.program = program;
    cmd.args = args.slice(i + 1);
  }
}
