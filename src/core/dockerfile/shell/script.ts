/**
 * A shell script as plain data: commands with their words, pipelines, and where each command runs (subshell,
 * command substitution, background, condition). Built from tree-sitter-bash's syntax tree, which is freed right
 * after the walk (it lives in WASM memory). Every offset is a logical offset in the script's ShellSource; every
 * range is already mapped back to the Dockerfile.
 */
import type { Tree } from 'web-tree-sitter';
import type { Range } from '../../finding';
import { shellParser } from './parser';
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
}

/** POSIX-family shells whose `-c` argument and heredoc scripts are analysed. */
export const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'yash', 'busybox']);

const MAX_LEVEL = 3;

/** Parses a script. Never throws on bad input: syntax errors mark the affected commands `uncertain`. */
export function parseScript(source: ShellSource, level = 0, options: { pipefail?: boolean } = {}): ShellScript {
  const script: ShellScript = { source, commands: [], pipelines: [], hasError: false, nested: [], level, kind: level > 0 ? 'string' : 'line' };
  if (options.pipefail) script.pipefailFrom = 0;
  if (!source.text.trim()) return script;
  const tree = shellParser().parse(source.text);
  if (!tree) return script;
  let root: Node;
  try {
    root = mirror(tree, source.text);
  } finally {
    tree.delete();
  }
  script.hasError = root.hasError;
  new Walker(script).visit(root, ROOT_CTX);
  script.commands.sort((a, b) => a.start - b.start || b.end - a.end);
  return script;
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
 * A plain-JS copy of a tree-sitter node. Reading a tree through web-tree-sitter's Node objects crosses into WASM
 * for every property; copying it once with a TreeCursor and walking the copy is several times faster.
 */
class Node {
  readonly children: Node[] = [];
  /** Field names of the children, only for the parents the walker asks (FIELD_PARENTS). */
  fields?: (string | null)[];
  hasError = false;
  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly src: string,
  ) {}
  get text(): string {
    return this.src.slice(this.startIndex, this.endIndex);
  }
  get childCount(): number {
    return this.children.length;
  }
  child(i: number): Node | null {
    return this.children[i] ?? null;
  }
  fieldNameForChild(i: number): string | null {
    return this.fields?.[i] ?? null;
  }
  childForFieldName(name: string): Node | null {
    const i = this.fields ? this.fields.indexOf(name) : -1;
    return i < 0 ? null : this.children[i];
  }
  get namedChildren(): Node[] {
    return this.children.filter((c) => c.isNamed);
  }
  get namedChildCount(): number {
    return this.namedChildren.length;
  }
  namedChild(i: number): Node | null {
    return this.namedChildren[i] ?? null;
  }
}

/** Per-language caches of namedness by type id (each lookup would cross into WASM). */
const TYPE_NAMED = new WeakMap<object, boolean[]>();
/**
 * Nodes the walker reads only as text (`$VAR`, `${VAR:-x}`, `$((1+2))`, comments, heredoc bodies): their insides are
 * not copied when the tree has no error (with errors they are, so a syntax error inside still marks the statement).
 */
const OPAQUE = new Set(['simple_expansion', 'expansion', 'arithmetic_expansion', 'comment', 'heredoc_body', 'regex', 'extglob_pattern']);
/** Parents whose children's field names the walker reads; other field names are never fetched. */
const FIELD_PARENTS = new Set(['if_statement', 'while_statement', 'elif_clause', 'redirected_statement', 'file_redirect', 'variable_assignment']);

function mirror(tree: Tree, src: string): Node {
  const cur = tree.walk();
  const lang = tree.language;
  let named = TYPE_NAMED.get(lang);
  if (!named) TYPE_NAMED.set(lang, (named = []));
  const types = lang.types;
  const fields = lang.fields;
  // without errors there are no missing tokens, and an anonymous token's text is its type
  const broken = tree.rootNode.hasError;
  try {
    const make = () => {
      const id = cur.nodeTypeId;
      const type = types[id] || 'ERROR';
      const isNamed = (named[id] ??= type === 'ERROR' || lang.nodeTypeIsNamed(id));
      const start = cur.startIndex;
      if (!isNamed && !broken) return new Node(type, false, false, start, start + type.length, src);
      const end = cur.endIndex;
      // only a zero-width node can be a token tree-sitter inserted to recover from an error
      const missing = broken && start === end && cur.nodeIsMissing;
      return new Node(type, isNamed, missing, start, end, src);
    };
    const root = make();
    const stack: Node[] = [root];
    let node = root;
    if (cur.gotoFirstChild()) {
      for (;;) {
        const child = make();
        node.children.push(child);
        if (FIELD_PARENTS.has(node.type)) (node.fields ??= []).push(fields[cur.currentFieldId] ?? null);
        if (child.isNamed && !(OPAQUE.has(child.type) && !broken) && cur.gotoFirstChild()) {
          stack.push(child);
          node = child;
          continue;
        }
        while (!cur.gotoNextSibling()) {
          if (!cur.gotoParent()) return finish(root);
          stack.pop();
          node = stack[stack.length - 1];
          if (!node) return finish(root);
        }
      }
    }
    return finish(root);
  } finally {
    cur.delete();
  }
}

/** Sets hasError bottom-up: an ERROR node, a missing token, or either below. */
function finish(n: Node): Node {
  let err = n.type === 'ERROR' || n.isMissing;
  for (const c of n.children) if (finish(c).hasError) err = true;
  n.hasError = err;
  return n;
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

class Walker {
  constructor(private readonly script: ShellScript) {}

  private get src(): ShellSource {
    return this.script.source;
  }

  visit(node: Node, ctx: Ctx): void {
    switch (node.type) {
      case 'command':
        this.command(node, ctx, []);
        return;
      case 'declaration_command':
      case 'unset_command':
        this.declaration(node, ctx);
        return;
      case 'variable_assignment':
      case 'variable_assignments':
        this.bareAssignment(node, ctx);
        return;
      case 'redirected_statement':
        this.redirected(node, ctx);
        return;
      case 'pipeline':
        this.pipeline(node, ctx);
        return;
      case 'subshell':
        this.children(node, { ...ctx, subshell: true, pipeline: undefined, pipeIndex: -1 });
        return;
      case 'command_substitution':
      case 'process_substitution':
        this.children(node, { ...ctx, substitution: true, background: false, pipeline: undefined, pipeIndex: -1 });
        return;
      case 'function_definition':
        this.children(node, { ...ctx, fn: true, pipeline: undefined, pipeIndex: -1 });
        return;
      case 'if_statement':
      case 'while_statement':
      case 'elif_clause': {
        for (let i = 0; i < node.childCount; i++) {
          const c = node.child(i)!;
          const isCond = node.fieldNameForChild(i) === 'condition';
          this.visit(c, isCond ? { ...ctx, condition: true, pipeline: undefined, pipeIndex: -1 } : { ...ctx, pipeline: undefined, pipeIndex: -1 });
        }
        return;
      }
      case 'list':
        this.list(node, ctx);
        return;
      case 'heredoc_body':
      case 'heredoc_redirect':
      case 'comment':
        return;
      case 'ERROR':
        this.children(node, { ...ctx, uncertain: true });
        return;
      default:
        this.children(node, ctx);
    }
  }

  private children(node: Node, ctx: Ctx): void {
    const n = node.childCount;
    for (let i = 0; i < n; i++) {
      const c = node.child(i)!;
      if (!c.isNamed) continue;
      const next = node.child(i + 1);
      const bg = next !== null && !next.isNamed && next.type === '&';
      const c2 = bg ? { ...ctx, background: true } : ctx;
      this.visit(c, brokenNear(node, i) ? { ...c2, uncertain: true } : c2);
    }
  }

  /** `a && b`, `a || b`: the left side of `||` is a condition. */
  private list(node: Node, ctx: Ctx): void {
    const n = node.childCount;
    for (let i = 0; i < n; i++) {
      const c = node.child(i)!;
      if (!c.isNamed) continue;
      const next = node.child(i + 1);
      const c2 = next && !next.isNamed && next.type === '||' ? { ...ctx, condition: true } : ctx;
      this.visit(c, brokenNear(node, i) ? { ...c2, uncertain: true } : c2);
    }
  }

  private pipeline(node: Node, ctx: Ctx): void {
    const p: Pipeline = {
      start: node.startIndex,
      end: node.endIndex,
      elements: [],
      operators: [],
      source: this.src,
      uncertain: ctx.uncertain,
    };
    this.script.pipelines.push(p);
    let index = 0;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (!c.isNamed) {
        if (c.type === '|' || c.type === '|&') p.operators.push({ start: c.startIndex, end: c.endIndex });
        continue;
      }
      if (c.type === 'comment') continue;
      const el: PipelineElement = { start: c.startIndex, end: c.endIndex };
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

  private redirected(node: Node, ctx: Ctx): void {
    const body = node.childForFieldName('body');
    const redirects: Redirect[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (node.fieldNameForChild(i) === 'redirect') {
        const r = this.redirect(c);
        if (r) redirects.push(r);
        this.substitutionsIn(c, ctx);
      }
    }
    if (!body) return;
    if (body.type === 'command') {
      const cmd = this.command(body, ctx, redirects);
      if (cmd && node.endIndex > cmd.end) {
        // the command's extent covers its redirections (`cat > f <<EOF`)
        cmd.end = node.endIndex;
        cmd.range = this.src.range(cmd.start, cmd.end);
      }
    } else this.visit(body, ctx);
  }

  private redirect(node: Node): Redirect | undefined {
    if (node.type === 'heredoc_redirect') return { op: '<<' };
    let op = '';
    let fd: string | undefined;
    let target: Word | undefined;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      const field = node.fieldNameForChild(i);
      if (field === 'descriptor') fd = c.text;
      else if (field === 'destination') target ??= this.word(c);
      else if (!c.isNamed) op = c.type;
    }
    return { op, fd, target };
  }

  /** Walks a node only for the commands in its `$( )` / backticks. */
  private substitutionsIn(node: Node, ctx: Ctx): void {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.visit(node, ctx);
      return;
    }
    if (node.type === 'heredoc_body') return;
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (c.isNamed && c.childCount) this.substitutionsIn(c, ctx);
    }
  }

  private command(node: Node, ctx: Ctx, outerRedirects: Redirect[]): Command | undefined {
    const assignments: Assignment[] = [];
    const redirects: Redirect[] = [...outerRedirects];
    let name: Word | undefined;
    const args: Word[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const c = node.child(i)!;
      const field = node.fieldNameForChild(i);
      if (c.type === 'variable_assignment') {
        const a = this.assignment(c);
        if (a) assignments.push(a);
        this.substitutionsIn(c, ctx);
      } else if (field === 'redirect' || c.type.endsWith('_redirect')) {
        const r = this.redirect(c);
        if (r) redirects.push(r);
        this.substitutionsIn(c, ctx);
      } else if (field === 'name' || c.type === 'command_name') {
        const inner = c.type === 'command_name' ? (c.namedChild(0) ?? c) : c;
        name = this.word(inner);
        this.substitutionsIn(c, ctx);
      } else if (c.isNamed && c.type !== 'comment') {
        args.push(this.word(c));
        this.substitutionsIn(c, ctx);
      }
    }
    return this.addCommand(node.startIndex, node.endIndex, name, args, assignments, redirects, node.hasError ? { ...ctx, uncertain: true } : ctx);
  }

  private declaration(node: Node, ctx: Ctx): void {
    const kw = node.child(0);
    if (!kw) return;
    const name = this.word(kw);
    if (!kw.isNamed) {
      // the keyword (`export`, `declare`, `unset`) is an anonymous token: its text is the program name
      name.text = kw.text;
      name.literal = true;
    }
    const args: Word[] = [];
    const assignments: Assignment[] = [];
    for (let i = 1; i < node.childCount; i++) {
      const c = node.child(i)!;
      if (!c.isNamed) continue;
      if (c.type === 'variable_assignment') {
        const a = this.assignment(c);
        if (a) assignments.push(a);
      }
      args.push(this.word(c));
      this.substitutionsIn(c, ctx);
    }
    this.addCommand(node.startIndex, node.endIndex, name, args, assignments, [], ctx);
  }

  private bareAssignment(node: Node, ctx: Ctx): void {
    const list = node.type === 'variable_assignments' ? node.namedChildren.filter((c): c is Node => !!c) : [node];
    const assignments: Assignment[] = [];
    for (const c of list) {
      const a = c.type === 'variable_assignment' ? this.assignment(c) : undefined;
      if (a) assignments.push(a);
      this.substitutionsIn(c, ctx);
    }
    this.addCommand(node.startIndex, node.endIndex, undefined, [], assignments, [], ctx);
  }

  private assignment(node: Node): Assignment | undefined {
    const n = node.childForFieldName('name');
    if (!n) return undefined;
    const v = node.childForFieldName('value');
    return {
      name: n.text,
      value: v ? this.word(v) : undefined,
      start: node.startIndex,
      end: node.endIndex,
      range: this.src.range(node.startIndex, node.endIndex),
    };
  }

  word(node: Node): Word {
    const { text, literal } = wordValue(node);
    return new SourceWord(this.src, node.startIndex, node.endIndex, node.text, text, literal);
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
    const cmd: Command = {
      name,
      program: name ? programOf(name) : undefined,
      args,
      assignments,
      redirects,
      wrappers: [],
      start,
      end,
      range: this.src.range(start, end),
      source: this.src,
      script: this.script,
      inSubshell: ctx.subshell,
      inSubstitution: ctx.substitution,
      inFunction: ctx.fn,
      inCondition: ctx.condition,
      background: ctx.background,
      uncertain: ctx.uncertain,
      argsFromStdin: false,
      pipeline: ctx.pipeline,
      pipeIndex: ctx.pipeline ? ctx.pipeIndex : -1,
    };
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
 * A statement next to a syntax error: tree-sitter recovered by inserting a missing token or skipping text
 * there, so where the statement ends is a guess (template syntax such as `{{ if x }}` looks like this).
 */
function brokenNear(parent: Node, i: number): boolean {
  if (!parent.hasError) return false;
  const bad = (k: number) => {
    const n = parent.child(k);
    return !!n && (n.isMissing || n.type === 'ERROR');
  };
  return bad(i - 1) || bad(i + 1);
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

export function wordValue(node: Node): { text: string; literal: boolean } {
  switch (node.type) {
    case 'word':
      return { text: unescapeBare(node.text), literal: true };
    case 'number':
    case 'variable_name':
    case 'test_operator':
      return { text: node.text, literal: true };
    case 'raw_string':
      return { text: node.text.slice(1, -1), literal: true };
    case 'ansi_c_string':
      return { text: node.text.slice(2, -1).replace(/\\(.)/g, (m, c: string) => ANSI[c] ?? m), literal: true };
    case 'string':
    case 'translated_string': {
      let text = '';
      let literal = true;
      for (let i = 0; i < node.childCount; i++) {
        const c = node.child(i)!;
        if (!c.isNamed) continue;
        if (c.type === 'string_content') text += unescapeDouble(c.text);
        else {
          text += c.text;
          literal = false;
        }
      }
      if (node.namedChildCount === 0 && node.text.length > 2) {
        // tree-sitter gives no string_content for some contents; fall back to the raw inside
        const inner = node.text.slice(node.type === 'translated_string' ? 2 : 1, -1);
        text = unescapeDouble(inner);
      }
      return { text, literal };
    }
    case 'concatenation': {
      let text = '';
      let literal = true;
      for (let i = 0; i < node.childCount; i++) {
        const c = node.child(i)!;
        const v = c.isNamed ? wordValue(c) : { text: c.text, literal: true };
        text += v.text;
        literal &&= v.literal;
      }
      return { text, literal };
    }
    case 'variable_assignment':
      return { text: node.text, literal: !/[$`]/.test(node.text) };
    default:
      return { text: node.text, literal: false };
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

const WRAPPERS: Record<string, WrapperSpec> = {
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

function set(s: string): Set<string> {
  return new Set(s.split(' '));
}

/** Peels wrappers off: `sudo -E env A=1 nohup apt-get install x` becomes `apt-get install x` with three wrappers. */
function unwrap(cmd: Command): void {
  for (let guard = 0; guard < 8 && cmd.program && WRAPPERS[cmd.program]; guard++) {
    const spec = WRAPPERS[cmd.program];
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
