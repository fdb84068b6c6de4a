/**
 * Vagrantfile → model of config calls, read from Prism's syntax tree. The Ruby is never evaluated.
 *
 * Config objects are followed through block parameters: `Vagrant.configure("2") do |config|` binds `config`;
 * `config.vm.define "web" do |web|` binds a machine; `config.vm.provider "virtualbox" do |vb, override|` binds
 * the provider object and an override; `config.vm.provision "shell" do |s|` binds the provisioner. Anything else
 * (a method parameter, a hash entry, a loop variable) is unknown and produces no setting call.
 *
 * The tree is walked with `childNodes()`, not `compactChildNodes()` / `Visitor`: in @ruby/prism 1.9.0 those drop
 * list children (parameters, `when` conditions, multi-assign targets) — ruby/prism#4187.
 */
import type { Range } from '../finding';
import { LineIndex } from '../text';
import type {
  ConfigScope,
  InlineScript,
  Lexical,
  ScriptPiece,
  ConfigureBlock,
  Flow,
  HashEntry,
  KeywordArg,
  MachineDefine,
  ProviderBlock,
  Provision,
  SettingCall,
  Target,
  Value,
  VagrantModel,
} from './model';
import { ByteOffsets } from './offsets';
import { N, parseRuby, PrismCrash, PrismTimeout } from './prism';
import { MAX_RUBY_NESTING, rubyNestingDepth } from './nesting';
import { NotLinted } from '../general';
import { maskErb } from './erb';

type PNode = N.Node;
type Loc = { startOffset: number; length: number };

type Binding =
  | { kind: 'config'; scope: ConfigScope }
  | { kind: 'provider'; block: ProviderBlock }
  | { kind: 'provisioner'; provision: Provision }
  | { kind: 'namespace'; scope: ConfigScope; namespace: string; namespaceRange: Range }
  | { kind: 'for'; forRange: Range }
  /** A parameter of a helper method bound to a literal argument at the call being analysed. */
  | { kind: 'value'; value: Value; definition: Range }
  | { kind: 'opaque' };

/** A method or lambda defined in the file, analysed at each call that hands it a config object. */
interface Callable {
  kind: 'def' | 'lambda';
  params: N.ParametersNode | null;
  body: PNode | null;
  node: PNode;
}

/** How many helper-method bodies one file may have analysed in total (a bound on nested calls). */
const MAX_INLINES = 2000;

type Env = Map<string, Binding>;

/** Methods whose block runs once per element (or n times). */
const ITERATORS = new Set([
  'each', 'each_with_index', 'each_with_object', 'each_pair', 'each_key', 'each_value', 'each_slice', 'each_cons',
  'each_index', 'each_entry', 'times', 'upto', 'downto', 'step', 'map', 'map!', 'collect', 'flat_map', 'select',
  'filter', 'reject', 'cycle', 'loop', 'inject', 'reduce', 'sum', 'group_by', 'sort_by', 'min_by', 'max_by',
  'find', 'detect', 'each_char', 'each_line', 'zip', 'filter_map', 'partition', 'count', 'any?', 'all?',
]);
/** Methods whose block runs exactly once, right away. */
const ONCE = new Set(['tap', 'then', 'yield_self', 'instance_eval', 'instance_exec']);
/** Calls whose block Vagrant evaluates once (per machine). */
const CONFIG_BLOCKS = new Set(['configure', 'run', 'define', 'provider', 'provision']);
/** Host commands run while Vagrant loads the file. */
const HOST_COMMANDS = new Set(['system', 'exec', 'spawn', '`', 'popen', 'popen2', 'popen3', 'capture2', 'capture2e', 'capture3']);

const MAX_DEPTH = 400;
const EMPTY_LOOPS: number[] = [];

type Ctor = unknown;
/** Nodes under which code may not run (or may run many times). Compared by constructor: fast, and safe under minification. */
const CONDITIONAL_NODES = new Set<Ctor>([
  N.IfNode, N.UnlessNode, N.CaseNode, N.CaseMatchNode, N.AndNode, N.OrNode, N.RescueModifierNode, N.RescueNode,
  N.WhileNode, N.UntilNode, N.DefNode, N.BlockNode, N.LambdaNode, N.ForNode,
]);
const CONSTANT_REWRITES = new Set<Ctor>([N.ConstantOrWriteNode, N.ConstantAndWriteNode, N.ConstantOperatorWriteNode, N.ConstantTargetNode]);
/** Nodes that bind a local variable name other than by a plain `x = literal`. */
const LOCAL_BINDINGS = new Set<Ctor>([
  N.LocalVariableOrWriteNode, N.LocalVariableAndWriteNode, N.LocalVariableOperatorWriteNode, N.LocalVariableTargetNode,
  N.RequiredParameterNode, N.OptionalParameterNode, N.RestParameterNode, N.RequiredKeywordParameterNode,
  N.OptionalKeywordParameterNode, N.KeywordRestParameterNode, N.BlockParameterNode, N.BlockLocalVariableNode,
]);

const RUBY_ESCAPES: Record<string, string> = { n: '\n', t: '\t', s: ' ', r: '\r', '0': '\0', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };

/**
 * A Ruby string literal's raw content as pieces of text at document offsets, with escapes decoded: in double
 * quotes and heredocs `\n`, `\t`, `\\`, `\"`, `\$`, `\<newline>` (a continuation) ...; in single quotes only `\\`
 * and `\'`.
 */
function decodeRuby(raw: string, offset: number, double: boolean): ScriptPiece[] {
  const out: ScriptPiece[] = [];
  let run = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '\\' || i + 1 >= raw.length) continue;
    const c = raw[i + 1];
    if (!double && c !== '\\' && c !== "'") continue;
    if (i > run) out.push({ text: raw.slice(run, i), offset: offset + run });
    const decoded = !double ? c : c === '\n' ? '' : (RUBY_ESCAPES[c] ?? c);
    out.push({ text: decoded, offset: offset + i });
    i++;
    run = i + 1;
  }
  if (run < raw.length) out.push({ text: raw.slice(run), offset: offset + run });
  return out;
}

/** Parses a Vagrantfile into the model. Never evaluates it; syntax errors are part of the model. */
export function parseVagrantfile(text: string): VagrantModel {
  const lines = new LineIndex(text);
  const model: VagrantModel = {
    text,
    lines,
    configures: [],
    scopes: [],
    calls: [],
    namespaces: [],
    defines: [],
    providers: [],
    provisions: [],
    hostCommands: [],
    vagrantCalls: [],
    forLoopCaptures: [],
    constants: new Map(),
    syntaxErrors: [],
    comments: [],
    units: [],
  };
  // A template (Vagrantfile.erb): Prism reads the Ruby with the ERB tags masked, positions unchanged.
  const erb = maskErb(text);
  if (erb) model.templateTags = erb.tags.map(([s, e]) => lines.rangeOf(s, e));
  const ruby = erb ? erb.text : text;
  // prism.wasm spins forever (it cannot be stopped) past a nesting depth it does not check: refuse such input first
  const depth = rubyNestingDepth(ruby);
  if (depth > MAX_RUBY_NESTING) throw new NotLinted(`the file nests more than ${MAX_RUBY_NESTING} levels deep (blocks, brackets, operators, arguments without parentheses), beyond what the Ruby parser handles safely`);
  let result;
  try {
    result = parseRuby(ruby);
  } catch (e) {
    if (e instanceof PrismTimeout) throw new NotLinted(`the Ruby parser did not finish within ${(e.limitMs / 1000).toFixed(1)} s on this file and was stopped (Prism can loop forever on some malformed Ruby); check the file's syntax with \`ruby -c\``);
    // Prism (in WASM) and its JS deserializer recurse: absurdly deep nesting can exhaust either stack.
    if (e instanceof PrismCrash || e instanceof RangeError) {
      model.syntaxErrors.push({ message: 'the file is nested too deeply for the parser to analyse it', range: lines.rangeOf(0, 0) });
      return model;
    }
    throw e;
  }
  new Builder(ruby, lines, model).build(result);
  return model;
}

class Builder {
  private readonly offsets: ByteOffsets;
  private nextId = 1;
  /** name → assignments seen (constants and locals), for resolving simple values. */
  private readonly constDefs = new Map<string, { node: PNode; conditional: boolean; count: number; range: Range }>();
  private readonly localDefs = new Map<string, { node?: PNode; conditional: boolean; count: number; range?: Range }>();
  /** `$script = <<-SHELL ...`: global variables assigned once (the usual home of provisioning scripts). */
  private readonly globalDefs = new Map<string, { node: PNode; count: number }>();
  private readonly resolving = new Set<string>();
  private readonly constCache = new Map<string, Value>();
  /** Methods (by name) and lambdas (`local:name`) defined once in the file; null when defined more than once. */
  private readonly callables = new Map<string, Callable | null>();
  /** Helper bodies being analysed (no recursion) and how many were analysed so far. */
  private readonly inlining = new Set<PNode>();
  private inlines = 0;
  /** The bindings at the call being read, so that values can be read through helper parameters. */
  private env: Env | undefined;
  /** The machine block and loops around the node being visited (reset inside helper bodies). */
  private lexMachine: { scope: ConfigScope; param?: string } | undefined;
  private lexLoops: number[] = [];
  private nextLoop = 1;

  constructor(
    private readonly src: string,
    private readonly lines: LineIndex,
    private readonly model: VagrantModel,
  ) {
    this.offsets = new ByteOffsets(src);
  }

  /** In a template: does this range touch an ERB tag (a masked word that stands for something unknown)? */
  private inTag(r: Range): boolean {
    const tags = this.model.templateTags;
    if (!tags) return false;
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
    return tags.some((t) => before(r.start, t.end) && before(t.start, r.end));
  }

  range(l: Loc): Range {
    const s = this.offsets.toUtf16(l.startOffset);
    const e = this.offsets.toUtf16(l.startOffset + l.length);
    return this.lines.rangeOf(s, e);
  }

  build(result: ReturnType<typeof parseRuby>): void {
    const m = this.model;
    for (const e of result.errors) m.syntaxErrors.push({ message: e.message, range: this.range(e.location) });
    for (const c of result.comments) {
      const r = this.range(c.location);
      const raw = this.lines.textOf(r);
      if (raw.startsWith('=begin')) continue;
      m.comments.push({ line: r.start.line, text: raw.replace(/^#/, '').trim(), range: r });
    }
    this.collectAssignments(result.value, false, 0);
    for (const [name, d] of this.constDefs) {
      const v = this.constValue(name);
      if (v && v.kind !== 'unknown' && d.count === 1) m.constants.set(name, v);
    }
    this.visit(result.value, new Map(), { loop: false, conditional: false, level: 0 }, 0);
  }

  // ---------------------------------------------------------------- pre-pass: constants and locals

  private collectAssignments(node: PNode | null, conditional: boolean, depth: number): void {
    if (!node || depth > MAX_DEPTH) return;
    const kind = node.constructor;
    const cond = conditional || CONDITIONAL_NODES.has(kind);
    if (kind === N.CallNode && (node as N.CallNode).block instanceof N.BlockNode && (CONFIG_BLOCKS.has((node as N.CallNode).name) || ONCE.has((node as N.CallNode).name))) {
      const call = node as N.CallNode;
      const block = call.block as N.BlockNode;
      // The blocks of configure, define, provider and provision run once, when Vagrant evaluates them.
      for (const c of call.childNodes()) if (c && c !== block) this.collectAssignments(c, cond, depth + 1);
      for (const c of block.childNodes()) this.collectAssignments(c, conditional, depth + 1);
      return;
    }
    if (kind === N.DefNode) {
      const d = node as N.DefNode;
      if (!d.receiver || d.receiver instanceof N.SelfNode) {
        const prev = this.callables.get(d.name);
        this.callables.set(d.name, prev ? null : { kind: 'def', params: d.parameters, body: d.body, node: d });
      }
    } else if (kind === N.LocalVariableWriteNode) {
      const w = node as N.LocalVariableWriteNode;
      const fn = this.lambdaOf(w.value);
      const key = `local:${w.name}`;
      if (fn) this.callables.set(key, this.callables.has(key) ? null : fn);
      else if (this.callables.has(key)) this.callables.set(key, null);
    }
    if (kind === N.GlobalVariableWriteNode) {
      const w = node as N.GlobalVariableWriteNode;
      const d = this.globalDefs.get(w.name);
      if (d) d.count++;
      else this.globalDefs.set(w.name, { node: w.value, count: 1 });
    }
    if (kind === N.ConstantWriteNode) {
      const w = node as N.ConstantWriteNode;
      const d = this.constDefs.get(w.name);
      if (d) d.count++;
      else this.constDefs.set(w.name, { node: w.value, conditional, count: 1, range: this.range(w.value.location) });
    } else if (CONSTANT_REWRITES.has(kind)) {
      const name = (node as { name: string }).name;
      const d = this.constDefs.get(name);
      if (d) d.count += 2;
      else this.constDefs.set(name, { node, conditional: true, count: 2, range: this.range(node.location) });
    } else if (kind === N.LocalVariableWriteNode) {
      const w = node as N.LocalVariableWriteNode;
      const d = this.localDefs.get(w.name);
      if (d) d.count++;
      else this.localDefs.set(w.name, { node: w.value, conditional, count: 1, range: this.range(w.value.location) });
    } else if (LOCAL_BINDINGS.has(kind)) {
      const name = (node as { name: string | null }).name;
      if (name) {
        const d = this.localDefs.get(name);
        if (d) d.count += 2;
        else this.localDefs.set(name, { conditional: true, count: 2 });
      }
    }
    for (const c of node.childNodes()) this.collectAssignments(c, cond, depth + 1);
  }

  /** `lambda do |c| ... end`, `->(c) { ... }`, `proc { |c| ... }`, `Proc.new { |c| ... }`. */
  private lambdaOf(node: PNode): Callable | undefined {
    if (node instanceof N.LambdaNode) {
      const ps = node.parameters instanceof N.BlockParametersNode ? node.parameters.parameters : null;
      return { kind: 'lambda', params: ps, body: node.body, node };
    }
    if (node instanceof N.CallNode && node.block instanceof N.BlockNode && !node.arguments_) {
      const r = node.receiver;
      const named = (!r && (node.name === 'lambda' || node.name === 'proc')) || (node.name === 'new' && r instanceof N.ConstantReadNode && r.name === 'Proc');
      if (!named) return undefined;
      const ps = node.block.parameters instanceof N.BlockParametersNode ? node.block.parameters.parameters : null;
      return { kind: 'lambda', params: ps, body: node.block.body, node };
    }
    return undefined;
  }

  private constValue(name: string): Value | undefined {
    const cached = this.constCache.get(name);
    if (cached) return cached;
    const d = this.constDefs.get(name);
    if (!d || d.count !== 1 || d.conditional || this.resolving.has(name)) return undefined;
    this.resolving.add(name);
    const v = this.valueOf(d.node);
    this.resolving.delete(name);
    this.constCache.set(name, v);
    return v;
  }

  private localValue(name: string): { value: Value; definition: Range } | undefined {
    const d = this.localDefs.get(name);
    if (!d || !d.node || d.count !== 1 || d.conditional || this.resolving.has(`local:${name}`)) return undefined;
    this.resolving.add(`local:${name}`);
    const v = this.valueOf(d.node);
    this.resolving.delete(`local:${name}`);
    return v.kind === 'unknown' ? undefined : { value: v, definition: d.range! };
  }

  // ---------------------------------------------------------------- values

  /** The literal value of an expression, or unknown. */
  valueOf(node: PNode | null | undefined, depth = 0): Value {
    if (!node) return { kind: 'unknown', range: this.lines.rangeOf(0, 0) };
    const range = this.range(node.location);
    if (depth > 64) return { kind: 'unknown', range };
    if (this.model.templateTags && (node instanceof N.SymbolNode || node instanceof N.StringNode || node instanceof N.IntegerNode) && this.inTag(range)) return { kind: 'unknown', range };
    if (node instanceof N.StringNode) {
      const heredoc = !!node.openingLoc && this.sourceAt(node.openingLoc).startsWith('<<');
      return heredoc ? { kind: 'string', value: node.unescaped.value, range, heredoc } : { kind: 'string', value: node.unescaped.value, range };
    }
    if (node instanceof N.SymbolNode) return { kind: 'symbol', value: node.unescaped.value, range };
    if (node instanceof N.IntegerNode) {
      const n = Number(node.value);
      return Number.isSafeInteger(n) ? { kind: 'integer', value: n, range } : { kind: 'unknown', range };
    }
    if (node instanceof N.FloatNode) return { kind: 'float', value: node.value, range };
    if (node instanceof N.TrueNode) return { kind: 'boolean', value: true, range };
    if (node instanceof N.FalseNode) return { kind: 'boolean', value: false, range };
    if (node instanceof N.NilNode) return { kind: 'nil', range };
    if (node instanceof N.InterpolatedStringNode || node instanceof N.InterpolatedSymbolNode) {
      let text = '';
      let literal = true;
      for (const p of node.parts) {
        if (p instanceof N.StringNode) text += p.unescaped.value;
        else {
          // "#{os}" with os a literal local or constant (or a helper parameter bound to one) reads as its value
          const embedded = p instanceof N.EmbeddedStatementsNode && p.statements?.body.length === 1 ? p.statements.body[0] : undefined;
          const inner = p instanceof N.InterpolatedStringNode ? this.valueOf(p, depth + 1) : embedded ? this.valueOf(embedded, depth + 1) : undefined;
          if (inner?.kind === 'string' || inner?.kind === 'symbol') text += inner.value;
          else if (inner?.kind === 'integer') text += String(inner.value);
          else {
            literal = false;
            text += '\0';
          }
        }
      }
      if (literal) return node instanceof N.InterpolatedSymbolNode ? { kind: 'symbol', value: text, range } : { kind: 'string', value: text, range };
      return { kind: 'unknown', range, staticText: text };
    }
    if (node instanceof N.ArrayNode) {
      const items: Value[] = [];
      let open = false;
      for (const e of node.elements) {
        if (e instanceof N.SplatNode) open = true;
        else items.push(this.valueOf(e, depth + 1));
      }
      return { kind: 'array', items, open, range };
    }
    if (node instanceof N.HashNode || node instanceof N.KeywordHashNode) {
      const entries: HashEntry[] = [];
      let open = false;
      for (const e of node.elements) {
        if (e instanceof N.AssocNode) entries.push({ key: this.valueOf(e.key, depth + 1), value: this.valueOf(e.value, depth + 1), range: this.range(e.location) });
        else open = true;
      }
      return { kind: 'hash', entries, open, range };
    }
    if (node instanceof N.ParenthesesNode && node.body instanceof N.StatementsNode && node.body.body.length === 1) {
      const v = this.valueOf(node.body.body[0], depth + 1);
      return v.kind === 'unknown' ? { kind: 'unknown', range } : { ...v, range };
    }
    if (node instanceof N.ConstantReadNode) {
      const v = this.constValue(node.name);
      const def = this.constDefs.get(node.name);
      if (v && v.kind !== 'unknown' && def) return { ...v, range, via: { name: node.name, definition: def.range } };
      return { kind: 'unknown', range };
    }
    if (node instanceof N.LocalVariableReadNode) {
      const b = this.env?.get(node.name);
      if (b?.kind === 'value') return { ...b.value, range, via: { name: node.name, definition: b.definition } } as Value;
      if (b) return { kind: 'unknown', range };
      const l = this.localValue(node.name);
      if (l && l.value.kind !== 'unknown') return { ...l.value, range, via: { name: node.name, definition: l.definition } };
      return { kind: 'unknown', range };
    }
    return { kind: 'unknown', range };
  }

  private sourceAt(l: Loc): string {
    return this.lines.textOf(this.range(l));
  }

  // ---------------------------------------------------------------- the walk

  private visitChildren(node: PNode, env: Env, flow: Flow, depth: number): void {
    for (const c of node.childNodes()) if (c) this.visit(c, env, flow, depth + 1);
  }

  private addUnits(stmts: N.StatementsNode): void {
    for (const s of stmts.body) {
      const r = this.range(s.location);
      this.model.units.push({ startLine: r.start.line, endLine: r.end.line });
    }
  }

  visit(node: PNode, env: Env, flow: Flow, depth: number): void {
    if (depth > MAX_DEPTH) return;
    if (node instanceof N.StatementsNode) this.addUnits(node);
    if (node instanceof N.CallNode) return this.visitCall(node, env, flow, depth);
    if (node instanceof N.CallOrWriteNode || node instanceof N.CallAndWriteNode || node instanceof N.CallOperatorWriteNode) {
      this.visitCallWrite(node, env, flow);
      if (node.receiver && !(node.receiver instanceof N.LocalVariableReadNode)) this.visit(node.receiver, env, flow, depth + 1);
      return this.visit(node.value, env, flow, depth + 1);
    }
    if (node instanceof N.XStringNode || node instanceof N.InterpolatedXStringNode) {
      this.model.hostCommands.push({ method: '`', text: this.staticText(node), range: this.range(node.location), flow });
      return this.visitChildren(node, env, flow, depth);
    }
    if (node instanceof N.DefNode || node instanceof N.ClassNode || node instanceof N.ModuleNode || node instanceof N.SingletonClassNode) {
      // A method body sees none of the outer locals; what it does depends on how it is called.
      return this.visitChildren(node, new Map(), { loop: true, conditional: true, level: flow.level + 1 }, depth);
    }
    if (node instanceof N.ForNode) {
      const inner = new Map(env);
      const forRange = this.range(node.location);
      for (const name of this.targetNames(node.index)) inner.set(name, { kind: 'for', forRange });
      this.visit(node.collection, env, flow, depth + 1);
      const stmts = node.statements;
      if (stmts) this.inLoop(() => this.visit(stmts, inner, { loop: true, conditional: true, level: flow.level + 1 }, depth + 1));
      return;
    }
    if (node instanceof N.WhileNode || node instanceof N.UntilNode) return this.inLoop(() => this.visitChildren(node, env, { loop: true, conditional: true, level: flow.level + 1 }, depth));
    if (
      node instanceof N.IfNode || node instanceof N.UnlessNode || node instanceof N.CaseNode || node instanceof N.CaseMatchNode ||
      node instanceof N.RescueModifierNode || node instanceof N.RescueNode || node instanceof N.EnsureNode
    ) {
      return this.visitChildren(node, env, { ...flow, conditional: true, level: flow.level + 1 }, depth);
    }
    if (node instanceof N.AndNode || node instanceof N.OrNode) {
      // The left side always runs; the right side only sometimes.
      this.visit(node.left, env, flow, depth + 1);
      this.visit(node.right, env, { ...flow, conditional: true, level: flow.level + 1 }, depth + 1);
      return;
    }
    if (node instanceof N.LambdaNode) {
      return this.visitChildren(node, this.shadow(env, node.parameters), { loop: true, conditional: true, level: flow.level + 1 }, depth);
    }
    if (node instanceof N.LocalVariableReadNode) {
      // Read other than as a receiver: the object goes somewhere we cannot follow.
      const b = env.get(node.name);
      if (b?.kind === 'config' || b?.kind === 'namespace') b.scope.escaped = true;
      else if (b?.kind === 'provider') b.block.escaped = true;
      else if (b?.kind === 'provisioner') b.provision.escaped = true;
      return;
    }
    if (node instanceof N.LocalVariableWriteNode) {
      // `x = ...` makes x a plain value from here on: it no longer names a config object.
      if (env.has(node.name) && env.get(node.name)?.kind !== 'opaque') env.set(node.name, { kind: 'opaque' });
    }
    this.visitChildren(node, env, flow, depth);
  }

  /** Names bound by a for-loop index or a multiple assignment target. */
  private targetNames(node: PNode): string[] {
    if (node instanceof N.LocalVariableTargetNode) return [node.name];
    if (node instanceof N.MultiTargetNode) return [...node.lefts, ...(node.rest ? [node.rest] : []), ...node.rights].flatMap((n) => this.targetNames(n));
    if (node instanceof N.SplatNode && node.expression) return this.targetNames(node.expression);
    return [];
  }

  /** Every parameter name of a block (or lambda) parameter list. */
  private paramNames(params: PNode | null): string[] {
    if (!params) return [];
    const out: string[] = [];
    const addParam = (p: PNode | null) => {
      if (!p) return;
      if (p instanceof N.MultiTargetNode) {
        for (const x of [...p.lefts, ...(p.rest ? [p.rest] : []), ...p.rights]) addParam(x);
        return;
      }
      if (p instanceof N.SplatNode) return addParam(p.expression);
      const name = (p as { name?: string | null }).name;
      if (typeof name === 'string') out.push(name);
    };
    if (params instanceof N.BlockParametersNode) {
      const ps = params.parameters;
      if (ps) {
        for (const p of [...ps.requireds, ...ps.optionals, ...(ps.rest ? [ps.rest] : []), ...ps.posts, ...ps.keywords]) addParam(p);
        if (ps.keywordRest) addParam(ps.keywordRest);
        if (ps.block) addParam(ps.block);
      }
      for (const l of params.locals) addParam(l);
    }
    return out;
  }

  /** The positional (required) parameter names, in order. */
  private requiredParams(params: PNode | null): (string | undefined)[] {
    if (!(params instanceof N.BlockParametersNode) || !params.parameters) return [];
    return params.parameters.requireds.map((p) => (p instanceof N.RequiredParameterNode ? p.name : undefined));
  }

  private shadow(env: Env, params: PNode | null): Env {
    const names = this.paramNames(params);
    if (!names.length) return env;
    const inner = new Map(env);
    for (const n of names) inner.set(n, { kind: 'opaque' });
    return inner;
  }

  private configScopeOf(node: PNode | null, env: Env): ConfigScope | undefined {
    if (node instanceof N.LocalVariableReadNode) {
      const b = env.get(node.name);
      if (b?.kind === 'config') return b.scope;
    }
    return undefined;
  }

  private resolveTarget(receiver: PNode | null, env: Env, call?: { messageLoc: Loc | null }): Target | undefined {
    if (!receiver) return undefined;
    // a template's masked method name (`c.<%= key %> = ...`) is no setting we can know
    if (call?.messageLoc && this.model.templateTags && this.inTag(this.range(call.messageLoc))) return undefined;
    if (receiver instanceof N.LocalVariableReadNode) {
      const b = env.get(receiver.name);
      if (b?.kind === 'namespace') return { type: 'namespace', scope: b.scope, namespace: b.namespace, namespaceRange: b.namespaceRange };
      if (b?.kind === 'provider') return { type: 'provider', provider: b.block };
      if (b?.kind === 'provisioner') return { type: 'provisioner', provision: b.provision };
      return undefined;
    }
    if (receiver instanceof N.CallNode && !receiver.arguments_ && !receiver.block && !receiver.name.endsWith('=')) {
      const scope = this.configScopeOf(receiver.receiver, env);
      if (scope && receiver.messageLoc) {
        const namespaceRange = this.range(receiver.messageLoc);
        if (this.model.templateTags && this.inTag(namespaceRange)) return undefined;
        return { type: 'namespace', scope, namespace: receiver.name, namespaceRange };
      }
    }
    return undefined;
  }

  private args(call: N.CallNode): { args: Value[]; kwargs: KeywordArg[]; open: boolean; braced: boolean; end?: Range } {
    const args: Value[] = [];
    const kwargs: KeywordArg[] = [];
    let open = false;
    let braced = false;
    const list = call.arguments_?.arguments_ ?? [];
    for (const a of list) {
      if (a instanceof N.KeywordHashNode) {
        for (const e of a.elements) {
          if (e instanceof N.AssocNode) {
            const key = this.valueOf(e.key);
            if (key.kind === 'symbol' || key.kind === 'string') {
              const nameRange = this.keyNameRange(e.key, key);
              kwargs.push({ name: key.value, nameRange, value: this.valueOf(e.value), range: this.range(e.location) });
            } else open = true;
          } else open = true;
        }
      } else if (a instanceof N.SplatNode || a instanceof N.BlockArgumentNode || a instanceof N.ForwardingArgumentsNode) open = true;
      else if (a instanceof N.HashNode && a === list[list.length - 1] && list.length > 1) {
        // `network("forwarded_port", { guest: 80 })`: a braced options hash means the same as keywords.
        braced = true;
        for (const e of a.elements) {
          const key = e instanceof N.AssocNode ? this.valueOf(e.key) : undefined;
          if (e instanceof N.AssocNode && key && (key.kind === 'symbol' || key.kind === 'string')) {
            kwargs.push({ name: key.value, nameRange: this.keyNameRange(e.key, key), value: this.valueOf(e.value), range: this.range(e.location) });
          } else open = true;
        }
      } else args.push(this.valueOf(a));
    }
    if (call.block instanceof N.BlockArgumentNode) open = true;
    const last = list[list.length - 1];
    return { args, kwargs, open, braced, end: last ? this.range(last.location) : undefined };
  }

  /** The key's name without its colon or quotes. */
  private keyNameRange(keyNode: PNode, key: Value): Range {
    if (keyNode instanceof N.SymbolNode && keyNode.valueLoc) return this.range(keyNode.valueLoc);
    if (keyNode instanceof N.StringNode) return this.range(keyNode.contentLoc);
    return key.range;
  }

  private lexical(receiver: PNode | null, target: Target, env: Env): Lexical {
    const lex: Lexical = { machine: this.lexMachine?.scope, loops: this.lexLoops.length ? [...this.lexLoops] : EMPTY_LOOPS };
    if (target.type === 'namespace' && receiver instanceof N.CallNode && receiver.receiver instanceof N.LocalVariableReadNode) {
      lex.receiver = { name: receiver.receiver.name, range: this.range(receiver.receiver.location) };
    }
    const param = this.lexMachine?.param;
    if (param) {
      const b = env.get(param);
      if (b?.kind === 'config' && b.scope === this.lexMachine!.scope) lex.machineVariable = param;
    }
    return lex;
  }

  /** Visits a loop's body with the loop recorded as lexically around it. */
  private inLoop(fn: () => void): void {
    this.lexLoops.push(this.nextLoop++);
    try {
      fn();
    } finally {
      this.lexLoops.pop();
    }
  }

  private newSetting(call: N.CallNode, target: Target, flow: Flow): SettingCall {
    const assignment = call.isAttributeWrite() && call.name.endsWith('=') && call.name !== '[]=';
    const { args, kwargs, open, braced, end } = this.args(call);
    const sc: SettingCall = {
      id: this.nextId++,
      target,
      name: assignment ? call.name.slice(0, -1) : call.name,
      assignment,
      args: assignment ? [] : args,
      kwargs,
      openArgs: open,
      bracedOptions: braced,
      hasBlock: call.block instanceof N.BlockNode,
      range: this.range(call.location),
      nameRange: call.messageLoc ? this.range(call.messageLoc) : this.range(call.location),
      argsEnd: end,
      parenthesized: !!call.openingLoc && this.sourceAt(call.openingLoc) === '(',
      flow,
      lexical: this.lexical(call.receiver, target, this.env ?? new Map()),
    };
    if (assignment) sc.value = args[0] ?? { kind: 'unknown', range: sc.range };
    if (target.type === 'provisioner' && assignment && sc.name === 'inline') {
      const node = call.arguments_?.arguments_[0];
      const script = node ? this.inlineScript(node) : undefined;
      if (script) (target.provision.inline ??= []).push(script);
    }
    this.model.calls.push(sc);
    if (target.type === 'provider') target.provider.settings.push(sc);
    if (target.type === 'provisioner') target.provision.settings.push(sc);
    return sc;
  }

  private visitCallWrite(node: N.CallOrWriteNode | N.CallAndWriteNode | N.CallOperatorWriteNode, env: Env, flow: Flow): void {
    this.env = env;
    const target = this.resolveTarget(node.receiver, env, node);
    if (!target) return;
    const range = this.range(node.location);
    const sc: SettingCall = {
      id: this.nextId++,
      target,
      name: node.readName,
      assignment: true,
      value: { kind: 'unknown', range: this.range(node.value.location) },
      args: [],
      kwargs: [],
      openArgs: false,
      bracedOptions: false,
      hasBlock: false,
      range,
      nameRange: node.messageLoc ? this.range(node.messageLoc) : range,
      parenthesized: false,
      flow: node instanceof N.CallOrWriteNode ? { ...flow, conditional: true, level: flow.level + 1 } : flow,
      lexical: this.lexical(node.receiver, target, env),
    };
    this.model.calls.push(sc);
    if (target.type === 'provider') target.provider.settings.push(sc);
    if (target.type === 'provisioner') target.provision.settings.push(sc);
  }

  private isVagrantConfigure(call: N.CallNode): 0 | 1 | 2 {
    const r = call.receiver;
    if (call.name === 'configure' && r instanceof N.ConstantReadNode && r.name === 'Vagrant') return 2;
    if (call.name === 'configure' && r instanceof N.ConstantPathNode && !r.parent && r.name === 'Vagrant') return 2;
    if (call.name === 'run' && r instanceof N.ConstantPathNode && r.name === 'Config' && r.parent instanceof N.ConstantReadNode && r.parent.name === 'Vagrant') return 1;
    return 0;
  }

  private staticText(node: PNode): string {
    if (node instanceof N.StringNode || node instanceof N.XStringNode) return node.unescaped.value;
    if (node instanceof N.InterpolatedStringNode || node instanceof N.InterpolatedXStringNode) {
      return node.parts.map((p) => (p instanceof N.StringNode ? p.unescaped.value : '\0')).join('');
    }
    if (node instanceof N.CallNode && node.name === '+' && node.receiver && node.arguments_?.arguments_.length === 1) {
      return this.staticText(node.receiver) + this.staticText(node.arguments_.arguments_[0]);
    }
    const v = this.valueOf(node);
    if (v.kind === 'string') return v.value;
    return '\0';
  }

  private visitCall(call: N.CallNode, env: Env, flow: Flow, depth: number): void {
    const m = this.model;
    const block = call.block instanceof N.BlockNode ? call.block : undefined;
    this.env = env;
    if (this.inlineHelper(call, env, flow, depth)) return;

    const configure = this.isVagrantConfigure(call);
    if (configure) {
      if (call.receiver) this.visit(call.receiver, env, flow, depth + 1);
      if (call.arguments_) this.visit(call.arguments_, env, flow, depth + 1);
      const { args } = this.args(call);
      const version: Value = configure === 1 ? { kind: 'string', value: '1', range: this.range(call.location) } : (args[0] ?? { kind: 'unknown', range: this.range(call.location) });
      let apiVersion: 1 | 2 | undefined;
      const vs = version.kind === 'string' ? version.value.trim() : version.kind === 'integer' ? String(version.value) : undefined;
      if (vs === '1') apiVersion = 1;
      else if (vs === '2') apiVersion = 2;
      const cb: ConfigureBlock = {
        id: this.nextId++,
        version,
        apiVersion,
        range: this.range(call.location),
        callRange: call.messageLoc ? this.range(call.messageLoc) : this.range(call.location),
        flow,
      };
      m.configures.push(cb);
      if (block) {
        const scope: ConfigScope = { id: this.nextId++, kind: 'global', configure: cb, flow };
        m.scopes.push(scope);
        const inner = this.shadow(env, block.parameters);
        const [p0] = this.requiredParams(block.parameters);
        if (p0) inner.set(p0, { kind: 'config', scope });
        if (block.body) this.visit(block.body, inner, flow, depth + 1);
      }
      return;
    }

    if (call.receiver instanceof N.ConstantReadNode && call.receiver.name === 'Vagrant' && call.messageLoc) {
      const args = (call.arguments_?.arguments_ ?? []).map((a) => this.staticText(a));
      m.vagrantCalls.push({ name: call.name, range: this.range(call.messageLoc), args, flow });
    }
    const target = this.resolveTarget(call.receiver, env, call);
    let blockEnv: Env | undefined;
    let blockFlow: Flow | undefined;
    let openedMachine: ConfigScope | undefined;
    if (target) {
      const sc = this.newSetting(call, target, flow);
      if (target.type === 'namespace' && target.namespace === 'vm') {
        const parent = target.scope;
        if (sc.name === 'define' && !sc.assignment) {
          const scope: ConfigScope = { id: this.nextId++, kind: 'machine', parent, configure: parent.configure, flow };
          const def: MachineDefine = { name: sc.args[0] ?? { kind: 'unknown', range: sc.nameRange }, call: sc, scope };
          scope.define = def;
          sc.opened = scope;
          m.scopes.push(scope);
          m.defines.push(def);
          openedMachine = scope;
          if (block) {
            blockEnv = this.shadow(env, block.parameters);
            const [p0] = this.requiredParams(block.parameters);
            if (p0) blockEnv.set(p0, { kind: 'config', scope });
            blockFlow = flow;
            this.checkForCapture(env, block, sc);
          }
        } else if (sc.name === 'provider' && !sc.assignment) {
          const nameValue = sc.args[0] ?? { kind: 'unknown', range: sc.nameRange };
          const pb: ProviderBlock = {
            id: this.nextId++,
            name: nameValue,
            provider: nameValue.kind === 'string' || nameValue.kind === 'symbol' ? nameValue.value.toLowerCase() : undefined,
            scope: parent,
            call: sc,
            settings: [],
          };
          sc.opened = pb;
          m.providers.push(pb);
          if (block) {
            blockEnv = this.shadow(env, block.parameters);
            const [p0, p1] = this.requiredParams(block.parameters);
            if (p0) blockEnv.set(p0, { kind: 'provider', block: pb });
            pb.param = p0;
            pb.blockRange = this.range(block.location);
            if (p1) {
              const ov: ConfigScope = { id: this.nextId++, kind: 'override', parent, configure: parent.configure, provider: pb, flow };
              pb.override = ov;
              m.scopes.push(ov);
              blockEnv.set(p1, { kind: 'config', scope: ov });
            }
            blockFlow = flow;
          }
        } else if (sc.name === 'provision' && !sc.assignment) {
          const first = sc.args[0] ?? { kind: 'unknown', range: sc.nameRange };
          const typeKw = sc.kwargs.find((k) => k.name === 'type');
          const typeValue = typeKw ? typeKw.value : first;
          const pv: Provision = {
            id: this.nextId++,
            type: typeValue.kind === 'string' || typeValue.kind === 'symbol' ? typeValue.value : undefined,
            typeValue,
            name: typeKw ? first : undefined,
            scope: parent,
            call: sc,
            settings: [],
          };
          sc.opened = pv;
          m.provisions.push(pv);
          for (const a of call.arguments_?.arguments_ ?? []) {
            if (!(a instanceof N.KeywordHashNode || a instanceof N.HashNode)) continue;
            for (const e of a.elements) {
              if (e instanceof N.AssocNode && e.key instanceof N.SymbolNode && e.key.unescaped.value === 'inline') {
                const script = this.inlineScript(e.value);
                if (script) (pv.inline ??= []).push(script);
              }
            }
          }
          if (block) {
            blockEnv = this.shadow(env, block.parameters);
            const [p0] = this.requiredParams(block.parameters);
            if (p0) blockEnv.set(p0, { kind: 'provisioner', provision: pv });
            pv.param = p0;
            pv.blockRange = this.range(block.location);
            blockFlow = flow;
          }
        }
      }
    } else {
      const scope = this.configScopeOf(call.receiver, env);
      if (scope && call.messageLoc && !call.arguments_ && !(m.templateTags && this.inTag(this.range(call.messageLoc)))) {
        m.namespaces.push({ name: call.name, range: this.range(call.messageLoc), scope, receiver: (call.receiver as N.LocalVariableReadNode).name, flow });
      }
      if (this.isHostCommand(call)) {
        const texts = (call.arguments_?.arguments_ ?? []).filter((a) => !(a instanceof N.KeywordHashNode || a instanceof N.HashNode)).map((a) => this.staticText(a));
        m.hostCommands.push({ method: call.name, text: texts.join(' '), range: this.range(call.location), flow });
      }
    }

    if (call.receiver && !(call.receiver instanceof N.LocalVariableReadNode)) this.visit(call.receiver, env, flow, depth + 1);
    if (call.arguments_) this.visit(call.arguments_, env, flow, depth + 1);
    if (call.block instanceof N.BlockArgumentNode) this.visit(call.block, env, flow, depth + 1);
    if (block) {
      let loop = false;
      if (!blockEnv) {
        blockEnv = this.shadow(env, block.parameters);
        if (ONCE.has(call.name)) blockFlow = flow;
        else {
          // an iterator, or a block we do not know: may run never, once or often
          blockFlow = { loop: true, conditional: true, level: flow.level + 1 };
          loop = ITERATORS.has(call.name);
        }
      }
      const body = block.body;
      if (body) {
        const machine = openedMachine;
        if (machine) {
          const saved = this.lexMachine;
          this.lexMachine = { scope: machine, param: this.requiredParams(block.parameters)[0] };
          try {
            this.visit(body, blockEnv, blockFlow!, depth + 1);
          } finally {
            this.lexMachine = saved;
          }
        } else if (loop) this.inLoop(() => this.visit(body, blockEnv!, blockFlow!, depth + 1));
        else this.visit(body, blockEnv, blockFlow!, depth + 1);
      }
    }
  }

  // ---------------------------------------------------------------- inline shell scripts

  /** The shell script a Ruby string holds, read through a global, constant or local assigned once. */
  private inlineScript(node: PNode, via?: string, depth = 0): InlineScript | undefined {
    if (depth > 4) return undefined;
    if (node instanceof N.GlobalVariableReadNode) {
      const d = this.globalDefs.get(node.name);
      return d && d.count === 1 ? this.inlineScript(d.node, node.name, depth + 1) : undefined;
    }
    if (node instanceof N.ConstantReadNode) {
      const d = this.constDefs.get(node.name);
      return d && d.count === 1 && d.node ? this.inlineScript(d.node, node.name, depth + 1) : undefined;
    }
    if (node instanceof N.LocalVariableReadNode) {
      const d = this.localDefs.get(node.name);
      return d && d.count === 1 && !d.conditional && d.node ? this.inlineScript(d.node, node.name, depth + 1) : undefined;
    }
    const pieces = this.scriptPieces(node, undefined);
    if (!pieces) return undefined;
    return { pieces, range: this.range(node.location), via };
  }

  /** Pieces of a string literal's content, escapes decoded, interpolations masked; undefined for other nodes. */
  private scriptPieces(node: PNode, opener: string | undefined): ScriptPiece[] | undefined {
    const doc = this.src; // a template's masked text: an ERB tag in a script reads as an unknown word
    if (node instanceof N.StringNode) {
      const open = opener ?? (node.openingLoc ? this.sourceAt(node.openingLoc) : '');
      const start = this.offsets.toUtf16(node.contentLoc.startOffset);
      const end = this.offsets.toUtf16(node.contentLoc.startOffset + node.contentLoc.length);
      return decodeRuby(doc.slice(start, end), start, !/^(?:'|%q|<<[-~]?')/.test(open));
    }
    if (node instanceof N.InterpolatedStringNode) {
      const open = opener ?? (node.openingLoc ? this.sourceAt(node.openingLoc) : '"');
      const out: ScriptPiece[] = [];
      for (const p of node.parts) {
        if (p instanceof N.StringNode || p instanceof N.InterpolatedStringNode) {
          const inner = this.scriptPieces(p, open);
          if (!inner) return undefined;
          out.push(...inner);
        } else {
          // `#{...}`: a word the shell sees but we cannot know; a same-length parameter expansion keeps offsets.
          const r = this.range(p.location);
          const s = this.lines.offsetAt(r.start);
          const len = this.lines.offsetAt(r.end) - s;
          out.push({ text: len >= 4 ? `\${${'_'.repeat(len - 3)}}` : '$__'.slice(0, Math.max(len, 2)), offset: s });
        }
      }
      return out;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- helper methods and lambdas

  /** The method or lambda a call invokes, when it is defined once in this file. */
  private callableOf(call: N.CallNode, env: Env): Callable | undefined {
    const r = call.receiver;
    if (!r || r instanceof N.SelfNode) {
      if (env.has(call.name)) return undefined; // a local variable of that name, not the method
      return this.callables.get(call.name) ?? undefined;
    }
    // square.call(config), square.(config), square[config], square.yield(config)
    if (r instanceof N.LocalVariableReadNode && ['call', '()', '[]', 'yield', '==='].includes(call.name)) {
      const b = env.get(r.name);
      if (b && b.kind !== 'value') return undefined;
      return this.callables.get(`local:${r.name}`) ?? undefined;
    }
    return undefined;
  }

  /** What an argument hands to a helper: a config object, a namespace of one (`config.vm`), or a literal. */
  private bindingOfArg(node: PNode, env: Env): Binding | undefined {
    if (node instanceof N.LocalVariableReadNode) {
      const b = env.get(node.name);
      if (b && (b.kind === 'config' || b.kind === 'provider' || b.kind === 'provisioner' || b.kind === 'namespace')) return b;
    }
    if (node instanceof N.CallNode && !node.arguments_ && !node.block && node.messageLoc) {
      const scope = this.configScopeOf(node.receiver, env);
      if (scope) return { kind: 'namespace', scope, namespace: node.name, namespaceRange: this.range(node.messageLoc) };
    }
    const v = this.valueOf(node);
    if (v.kind !== 'unknown') return { kind: 'value', value: v, definition: this.range(node.location) };
    return undefined;
  }

  /**
   * A call of a method or lambda of this file that receives a config object (`define_vm(config, "web")`,
   * `setup.call(node)`): its body is analysed here, with its parameters bound to the arguments, as if written
   * at the call. Returns false (nothing done) when no argument is a config object.
   */
  private inlineHelper(call: N.CallNode, env: Env, flow: Flow, depth: number): boolean {
    if (this.inlines >= MAX_INLINES) return false;
    const fn = this.callableOf(call, env);
    if (!fn || this.inlining.has(fn.node) || !fn.body) return false;
    const list = call.arguments_?.arguments_ ?? [];
    if (list.some((a) => a instanceof N.SplatNode || a instanceof N.ForwardingArgumentsNode || a instanceof N.BlockArgumentNode)) return false;
    const positional = list.filter((a) => !(a instanceof N.KeywordHashNode));
    const keywords = list.find((a): a is N.KeywordHashNode => a instanceof N.KeywordHashNode);
    const ps = fn.params;
    const inner: Env = fn.kind === 'lambda' ? new Map(env) : new Map();
    const consumed = new Set<PNode>();
    let objects = 0;
    const bind = (name: string | null | undefined, arg: PNode | undefined) => {
      if (!name) return;
      const b = arg ? this.bindingOfArg(arg, env) : undefined;
      inner.set(name, b ?? { kind: 'opaque' });
      if (b && b.kind !== 'value' && b.kind !== 'opaque') {
        objects++;
        if (arg) consumed.add(arg);
      }
    };
    if (ps) {
      const required = ps.requireds;
      const optionals = ps.optionals;
      let i = 0;
      for (const p of required) bind(p instanceof N.RequiredParameterNode ? p.name : undefined, positional[i++]);
      for (const p of optionals) bind(p instanceof N.OptionalParameterNode ? p.name : undefined, positional[i++]);
      if (ps.rest && 'name' in ps.rest) inner.set((ps.rest as { name: string | null }).name ?? '', { kind: 'opaque' });
      for (const p of ps.posts) bind(p instanceof N.RequiredParameterNode ? p.name : undefined, positional[i++]);
      for (const k of ps.keywords) {
        const name = (k as { name: string }).name;
        let arg: PNode | undefined;
        for (const e of keywords?.elements ?? []) {
          if (e instanceof N.AssocNode && e.key instanceof N.SymbolNode && e.key.unescaped.value === name) arg = e.value;
        }
        bind(name, arg);
      }
      if (ps.keywordRest && 'name' in ps.keywordRest) inner.set((ps.keywordRest as { name: string | null }).name ?? '', { kind: 'opaque' });
      const blockName = (ps.block as { name?: string | null } | null)?.name;
      if (blockName) inner.set(blockName, { kind: 'opaque' });
    }
    if (!objects) return false;
    this.inlines++;
    // The other arguments are evaluated as usual (a config object among them is not "escaping": we follow it).
    for (const a of list) {
      if (consumed.has(a)) continue;
      if (a instanceof N.KeywordHashNode) {
        for (const e of a.elements) if (e instanceof N.AssocNode && !consumed.has(e.value)) this.visit(e.value, env, flow, depth + 1);
      } else this.visit(a, env, flow, depth + 1);
    }
    if (call.block instanceof N.BlockNode && call.block.body) this.visit(call.block.body, this.shadow(env, call.block.parameters), { loop: true, conditional: true, level: flow.level + 1 }, depth + 1);
    this.inlining.add(fn.node);
    const saved = { machine: this.lexMachine, loops: this.lexLoops };
    this.lexMachine = undefined;
    this.lexLoops = [];
    try {
      this.visit(fn.body, inner, flow, depth + 1);
    } finally {
      this.inlining.delete(fn.node);
      this.env = env;
      this.lexMachine = saved.machine;
      this.lexLoops = saved.loops;
    }
    return true;
  }

  private isHostCommand(call: N.CallNode): boolean {
    if (!HOST_COMMANDS.has(call.name)) return false;
    const r = call.receiver;
    if (!r) return true;
    return r instanceof N.ConstantReadNode && ['Kernel', 'IO', 'Open3', 'Process'].includes(r.name);
  }

  /** `for i in ...; config.vm.define ... do |m| ... i ... end; end` */
  private checkForCapture(env: Env, block: N.BlockNode, define: SettingCall): void {
    const forVars = new Map<string, Range>();
    for (const [name, b] of env) if (b.kind === 'for') forVars.set(name, b.forRange);
    if (!forVars.size) return;
    const shadowed = new Set(this.paramNames(block.parameters));
    const seen = new Set<string>();
    const walk = (n: PNode | null, d: number) => {
      if (!n || d > MAX_DEPTH) return;
      if (n instanceof N.LocalVariableReadNode && forVars.has(n.name) && !shadowed.has(n.name) && !seen.has(n.name)) {
        seen.add(n.name);
        this.model.forLoopCaptures.push({ variable: n.name, forRange: forVars.get(n.name)!, define, use: this.range(n.location) });
      }
      for (const c of n.childNodes()) walk(c, d + 1);
    };
    walk(block.body, 0);
  }
}
