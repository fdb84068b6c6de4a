/**
 * The kind-neutral template reader: the configuration files that Ansible (Jinja2), Puppet (EPP, and ERB before it),
 * Chef (ERB), Helm (Go templates), docker-library (jq templates) and image build scripts (`%%VAR%%`, `@VAR@`
 * placeholders) render. A kind's parser reads the masked text instead of the template:
 *
 * - every tag keeps its length in UTF-16 code units and its line breaks, so a position in the masked text is the same
 *   position in the template (ranges map back 1:1);
 * - statements (`{% if %}`, `<% end %>`, `{{ range }}`), comments (`{# #}`, `<%# %>`, `{{/* * / }}`) and expressions
 *   alone on their line become blanks: the kind sees an empty line, never an instruction, option or syntax error;
 * - an expression inside a line becomes `${___}` (same length): a variable reference every kind already treats as a
 *   value it cannot know (a three-character placeholder such as `@X@` becomes `___`);
 * - the control structure is kept (if/elif/else, unless, case/when, loops, macro and block bodies) so a kind can treat
 *   branches as alternatives and read the conditions that guard a line; include tags are listed, not followed.
 *
 * Nothing here knows a file kind; the kinds decide what a guard means for them.
 */

export type TemplateSyntax = 'jinja2' | 'erb' | 'epp' | 'go' | 'jq' | 'placeholder';

export const SYNTAX_LABEL: Readonly<Record<TemplateSyntax, string>> = {
  jinja2: 'Jinja2',
  erb: 'ERB',
  epp: 'Puppet EPP',
  go: 'Go',
  jq: 'jq',
  placeholder: 'placeholder',
};

export interface TemplateTag {
  /** [start, end) offsets in the template. */
  start: number;
  end: number;
  type: 'expression' | 'statement' | 'comment' | 'placeholder';
  /** The control word of a statement (`if`, `elif`, `else`, `end`, `for`, `include`...), lower case. */
  keyword?: string;
  /** The code between the delimiters (whitespace-control marks removed), trimmed. */
  code: string;
}

export interface TemplateBranch {
  /** `if`, `elif`, `elsif`, `else`, `unless`, `when`, `for`, `body`... */
  keyword: string;
  /** The condition as written (no condition for `else` and loop bodies). */
  condition?: string;
  /** Content of the branch: [start, end) offsets, from the end of its tag to the start of the next one. */
  start: number;
  end: number;
}

export interface TemplateBlock {
  type: 'if' | 'unless' | 'case' | 'loop' | 'other';
  /** Index in `blocks` of the block this one is nested in (-1 at the top). */
  parent: number;
  /** From the start of the opening tag to the end of the closing tag. */
  start: number;
  end: number;
  branches: TemplateBranch[];
}

export interface TemplateReading {
  syntax: TemplateSyntax;
  /** The masked text: same length and line breaks as the template. */
  text: string;
  tags: TemplateTag[];
  /** Control blocks, outermost first (by start). Empty when the structure is unbalanced. */
  blocks: TemplateBlock[];
  /** Include, import, extends and template-call tags: noted, never followed. */
  includes: TemplateTag[];
  /** False when the opening and closing tags do not match (the structure is then not used). */
  balanced: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Tag scanning

interface RawTag {
  start: number;
  end: number;
  /** The delimiter family. */
  open: string;
  inner: string;
  comment: boolean;
  /** `<%=` / `{{`: output. */
  output: boolean;
}

function stripMarks(s: string): string {
  return s.replace(/^[-+~=]+/, '').replace(/[-+~]+$/, '').trim();
}

/** Scans `{{ }}`, `{% %}`, `{# #}` (Jinja2 and Go/jq when `jinja` is false, which only knows `{{ }}`). */
function scanBraces(text: string, jinja: boolean): RawTag[] {
  const out: RawTag[] = [];
  let i = 0;
  while (i < text.length) {
    const k = text.indexOf('{', i);
    if (k < 0 || k + 1 >= text.length) break;
    const c = text[k + 1];
    if (c === '{' || (jinja && (c === '%' || c === '#'))) {
      const close = c === '{' ? '}}' : c === '%' ? '%}' : '#}';
      let e = text.indexOf(close, k + 2);
      const end = e < 0 ? text.length : e + 2;
      const inner = text.slice(k + 2, e < 0 ? text.length : e);
      const comment = c === '#' || (c === '{' && /^-?\s*\/\*/.test(inner));
      out.push({ start: k, end, open: '{' + c, inner, comment, output: c === '{' && !comment });
      // {% raw %} ... {% endraw %}: the content is literal text
      if (jinja && c === '%' && /^\s*[-+]?\s*raw\s*[-+]?\s*$/.test(inner)) {
        const m = /\{%[-+]?\s*endraw\s*[-+]?%\}/.exec(text.slice(end));
        if (m) {
          const rs = end + m.index;
          out.push({ start: rs, end: rs + m[0].length, open: '{%', inner: m[0].slice(2, -2), comment: false, output: false });
          i = rs + m[0].length;
          continue;
        }
      }
      i = end;
      continue;
    }
    i = k + 1;
  }
  return out;
}

/** Scans `<% %>` tags (ERB and EPP); `<%%` is a literal `<%`. */
function scanPercent(text: string): RawTag[] {
  const out: RawTag[] = [];
  let i = 0;
  while (i < text.length) {
    const k = text.indexOf('<%', i);
    if (k < 0) break;
    if (text[k + 2] === '%') {
      i = k + 3;
      continue;
    }
    const e = text.indexOf('%>', k + 2);
    const end = e < 0 ? text.length : e + 2;
    const inner = text.slice(k + 2, e < 0 ? text.length : e);
    const comment = /^-?#/.test(inner);
    out.push({ start: k, end, open: '<%', inner, comment, output: /^-?=/.test(inner) && !comment });
    i = end;
  }
  return out;
}

const PLACEHOLDER = /%%[A-Za-z_][A-Za-z0-9_]*%%|@@[A-Za-z_][A-Za-z0-9_]*@@|@[A-Z_][A-Z0-9_]*@/g;

/** A line that is only a quoted array or variable reference (`"${DEB_ARCH[@]}"`): a generator script replaces it with lines. */
const LINE_PLACEHOLDER = /^[ \t]*"\$\{[A-Za-z_]\w*(\[@\])?\}"[ \t]*$/gm;

function scanPlaceholders(text: string, lineRefs: boolean): RawTag[] {
  const out: RawTag[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, open: m[0][0], inner: m[0], comment: false, output: true });
  }
  if (lineRefs) {
    for (const m of text.matchAll(LINE_PLACEHOLDER)) {
      const at = m.index! + m[0].indexOf('"');
      out.push({ start: at, end: at + m[0].trim().length, open: '$', inner: m[0].trim(), comment: false, output: true });
    }
    out.sort((x, y) => x.start - y.start);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Detection

const TEMPLATE_EXT = /\.(j2|jinja2?|erb|epp|tpl|tmpl|template|in)$/i;

/**
 * `my.cnf.j2` → `my.cnf`, `Dockerfile.template` → `Dockerfile`, `Dockerfile-debian.template` → `Dockerfile-debian`;
 * undefined when the name has no template extension (or nothing before it).
 */
export function untemplatedName(baseName: string): string | undefined {
  const m = TEMPLATE_EXT.exec(baseName);
  if (!m || m.index === 0) return undefined;
  return baseName.slice(0, m.index);
}

/** The syntax a file name announces, when it does (`.in`, `.tpl`, `.template` say nothing about the syntax). */
function syntaxOfName(baseName: string | undefined): TemplateSyntax | undefined {
  if (!baseName) return undefined;
  if (/\.(j2|jinja2?)$/i.test(baseName)) return 'jinja2';
  if (/\.epp$/i.test(baseName)) return 'epp';
  if (/\.erb$/i.test(baseName)) return 'erb';
  return undefined;
}

/**
 * The template syntax of a file, from its name and content; undefined when it holds none. `wholeValuePlaceholders`
 * admits `%%VAR%%`, `@VAR@` and `@@VAR@@` (files that a script fills with sed).
 */
export function detectTemplate(fileName: string | undefined, text: string): TemplateSyntax | undefined {
  const base = fileName?.split(/[\\/]/).pop();
  const named = syntaxOfName(base);
  const probe = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (named === 'jinja2') return 'jinja2';
  if (named === 'epp' || named === 'erb') return named;
  const percent = /<%[-=#]?\s*\S[^]*?%>/.test(probe);
  if (percent) return /<%-?=?\s*\$|<%-?\s*\|/.test(probe) ? 'epp' : 'erb';
  if (/\{%-?\s*(if|for|set|include|import|from|block|macro|extends|raw|filter|with)\b[^]*?%\}|\{#[^]*?#\}/.test(probe)) return 'jinja2';
  if (/\{\{[^]*?\}\}/.test(probe)) {
    if (/\{\{-?\s*(if|elif)\b[^}]*\bthen\b|\{\{-?\s*(def|include)\s+"?[\w.]*"?\s*[;:]|\{\{-?\s*\)\s*(end|else)\b|\benv\.\w+/.test(probe)) return 'jq';
    if (/\{\{-?\s*(\.|\$|end\b|range\b|define\b|template\b|with\b|else\b|\/\*|include\s+")|\{\{-?\s*if\s+[.($]/.test(probe)) return 'go';
    return base && /\.(tpl|tmpl)$/i.test(base) ? 'go' : 'jinja2';
  }
  if (new RegExp(PLACEHOLDER.source).test(probe)) return 'placeholder';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const JINJA_OPEN = new Set(['if', 'for', 'macro', 'block', 'call', 'filter', 'with', 'autoescape', 'trans', 'raw']);
const JINJA_BRANCH = new Set(['elif', 'else', 'pluralize']);
const GO_OPEN = new Set(['if', 'range', 'with', 'define', 'block']);
const INCLUDE_WORDS = new Set(['include', 'import', 'from', 'extends', 'template']);

interface Event {
  tag: TemplateTag;
  /** open: a new block; branch: a new branch of the open block; close: ends it. */
  op?: 'open' | 'branch' | 'close' | 'when' | 'end-when';
  blockType?: TemplateBlock['type'];
  keyword?: string;
  condition?: string;
}

function firstWord(s: string): string {
  return /^[A-Za-z_]+/.exec(s)?.[0].toLowerCase() ?? '';
}

function classify(syntax: TemplateSyntax, raw: RawTag): Event {
  const code = stripMarks(raw.inner);
  const tag: TemplateTag = { start: raw.start, end: raw.end, type: 'expression', code };
  if (syntax === 'placeholder') {
    // a whole-line reference stands for lines (blanked); `%%VAR%%` and `@VAR@` for a value
    tag.type = raw.open === '$' ? 'expression' : 'placeholder';
    return { tag };
  }
  if (raw.comment) {
    tag.type = 'comment';
    return { tag };
  }
  if (syntax === 'jinja2') {
    if (raw.open !== '{%') return { tag };
    tag.type = 'statement';
    const w = firstWord(code);
    tag.keyword = w;
    const rest = code.slice(w.length).trim();
    if (w === 'set') return rest.includes('=') ? { tag } : { tag, op: 'open', blockType: 'other', keyword: 'set' };
    if (JINJA_OPEN.has(w)) return { tag, op: 'open', blockType: w === 'if' ? 'if' : w === 'for' ? 'loop' : 'other', keyword: w, condition: w === 'if' ? rest : undefined };
    if (JINJA_BRANCH.has(w)) return { tag, op: 'branch', keyword: w, condition: w === 'elif' ? rest : undefined };
    if (w.startsWith('end')) return { tag, op: 'close' };
    return { tag };
  }
  if (syntax === 'go' || syntax === 'jq') {
    if (!raw.output) return { tag };
    if (syntax === 'jq') {
      // `{{ if X then ( -}}` ... `{{ ) elif Y then ( -}}` ... `{{ ) else ( -}}` ... `{{ ) end -}}`
      const w = firstWord(code.replace(/^\)\s*/, ''));
      const opensParen = /\(\s*$/.test(code);
      if (code.startsWith(')') && /\bend$/.test(code)) return { tag: { ...tag, type: 'statement', keyword: 'end' }, op: 'close' };
      if (code.startsWith(')') && opensParen && (w === 'else' || w === 'elif')) {
        const cond = w === 'elif' ? /^\)\s*elif\s+([^]*?)\s+then\s*\($/.exec(code)?.[1] : undefined;
        return { tag: { ...tag, type: 'statement', keyword: w }, op: 'branch', keyword: w, condition: cond };
      }
      if (w === 'if' && opensParen && !code.startsWith(')')) {
        const cond = /^if\s+([^]*?)\s+then\s*\($/.exec(code)?.[1];
        return { tag: { ...tag, type: 'statement', keyword: 'if' }, op: 'open', blockType: 'if', keyword: 'if', condition: cond };
      }
      if (w === 'def' || /^(def|import|include)\b/.test(code)) return { tag: { ...tag, type: 'statement', keyword: w } };
      return { tag };
    }
    const w = firstWord(code);
    if (/^\$\w*\s*:?=/.test(code)) return { tag: { ...tag, type: 'statement', keyword: 'set' } };
    if (GO_OPEN.has(w)) {
      tag.type = 'statement';
      tag.keyword = w;
      const rest = code.slice(w.length).trim();
      return { tag, op: 'open', blockType: w === 'if' ? 'if' : w === 'range' ? 'loop' : 'other', keyword: w, condition: w === 'if' ? rest : undefined };
    }
    if (w === 'else') {
      tag.type = 'statement';
      tag.keyword = 'else';
      const m = /^else\s+if\s+([^]*)$/.exec(code);
      return { tag, op: 'branch', keyword: m ? 'elif' : 'else', condition: m?.[1] };
    }
    if (w === 'end') return { tag: { ...tag, type: 'statement', keyword: 'end' }, op: 'close' };
    if (w === 'template' || w === 'break' || w === 'continue') return { tag: { ...tag, type: 'statement', keyword: w } };
    if (w === 'include') tag.keyword = 'include';
    return { tag };
  }
  // ERB and EPP
  if (raw.output) return { tag };
  tag.type = 'statement';
  if (syntax === 'epp') {
    if (/^\|[^]*\|$/.test(code)) return { tag: { ...tag, keyword: 'parameters' } };
    const closes = code.startsWith('}');
    const opens = /\{$/.test(code);
    const body = code.replace(/^\}\s*/, '').replace(/\s*\{$/, '');
    const w = firstWord(body);
    tag.keyword = w || (closes ? 'end' : '');
    if (closes && opens && (w === 'elsif' || w === 'else')) return { tag, op: 'branch', keyword: w, condition: w === 'elsif' ? body.slice(5).trim() : undefined };
    if (closes && !opens) return { tag, op: /^\}\s*$/.test(code) ? 'close' : 'close' };
    if (opens && !closes) {
      if (w === 'if' || w === 'unless') return { tag, op: 'open', blockType: w, keyword: w, condition: body.slice(w.length).trim() };
      if (w === 'case') return { tag, op: 'open', blockType: 'case', keyword: 'case', condition: body.slice(4).trim() };
      if (/:$/.test(body) || /^default\s*:$/.test(body)) return { tag, op: 'when', keyword: 'when', condition: body.replace(/:$/, '').trim() };
      if (/\|[^|]*\|$/.test(body)) return { tag, op: 'open', blockType: 'loop', keyword: 'each' };
      return { tag, op: 'open', blockType: 'other', keyword: w };
    }
    return { tag };
  }
  const w = firstWord(code);
  tag.keyword = w;
  if (w === 'if' || w === 'unless') return { tag, op: 'open', blockType: w, keyword: w, condition: code.slice(w.length).trim().replace(/\s+then$/, '') };
  if (w === 'case') return { tag, op: 'open', blockType: 'case', keyword: 'case', condition: code.slice(4).trim() };
  if (w === 'while' || w === 'until' || w === 'for') return { tag, op: 'open', blockType: 'loop', keyword: w };
  if (/\bdo\s*(\|[^|]*\|)?$/.test(code)) return { tag, op: 'open', blockType: 'loop', keyword: 'do' };
  if (w === 'begin') return { tag, op: 'open', blockType: 'other', keyword: w };
  if (w === 'elsif' || w === 'else') return { tag, op: 'branch', keyword: w, condition: w === 'elsif' ? code.slice(5).trim() : undefined };
  if (w === 'when') return { tag, op: 'branch', keyword: 'when', condition: code.slice(4).trim() };
  if (w === 'end' || w === 'rescue' || w === 'ensure') return w === 'end' ? { tag, op: 'close' } : { tag };
  return { tag };
}

interface Frame {
  block: TemplateBlock;
  /** Its index in the reading's blocks. */
  index: number;
  /** EPP case options are frames of their own: their `}` ends the option, not the case. */
  when?: boolean;
}

/** Reads a template: its tags, the masked text, and its control structure. */
export function readTemplate(text: string, syntax: TemplateSyntax, named = false): TemplateReading {
  const raws = syntax === 'placeholder' ? scanPlaceholders(text, named) : syntax === 'erb' || syntax === 'epp' ? scanPercent(text) : scanBraces(text, syntax === 'jinja2');
  const events = raws.map((r) => classify(syntax, r));
  const tags = events.map((e) => e.tag);
  const blocks: TemplateBlock[] = [];
  const stack: Frame[] = [];
  let balanced = true;
  const parentIndex = () => (stack.length ? stack[stack.length - 1].index : -1);
  const endBranch = (b: TemplateBlock, at: number) => {
    const last = b.branches[b.branches.length - 1];
    if (last && last.end < 0) last.end = at;
  };
  for (const e of events) {
    if (!e.op) continue;
    const { tag } = e;
    if (e.op === 'open') {
      const block: TemplateBlock = { type: e.blockType!, parent: parentIndex(), start: tag.start, end: -1, branches: [] };
      if (e.blockType !== 'case') block.branches.push({ keyword: e.keyword!, condition: e.condition, start: tag.end, end: -1 });
      blocks.push(block);
      stack.push({ block, index: blocks.length - 1 });
    } else if (e.op === 'when') {
      const top = stack[stack.length - 1];
      if (!top || top.block.type !== 'case') {
        const block: TemplateBlock = { type: 'other', parent: parentIndex(), start: tag.start, end: -1, branches: [{ keyword: 'body', start: tag.end, end: -1 }] };
        blocks.push(block);
        stack.push({ block, index: blocks.length - 1 });
        continue;
      }
      top.block.branches.push({ keyword: 'when', condition: e.condition, start: tag.end, end: -1 });
      stack.push({ block: top.block, index: top.index, when: true });
    } else if (e.op === 'branch') {
      const top = stack[stack.length - 1];
      if (!top) {
        balanced = false;
        continue;
      }
      endBranch(top.block, tag.start);
      top.block.branches.push({ keyword: e.keyword!, condition: e.condition, start: tag.end, end: -1 });
    } else {
      const top = stack.pop();
      if (!top) {
        balanced = false;
        continue;
      }
      endBranch(top.block, tag.start);
      if (!top.when) top.block.end = tag.end;
    }
  }
  if (stack.length) balanced = false;
  const includes = tags.filter((t) => (t.keyword && INCLUDE_WORDS.has(t.keyword)) || /^(include|render|epp|template)\b/.test(t.code));
  return { syntax, text: mask(text, tags), tags, blocks: balanced ? blocks : [], includes, balanced };
}

function mask(text: string, tags: TemplateTag[]): string {
  if (!tags.length) return text;
  const parts: string[] = [];
  let last = 0;
  // whether a line holds only tags, per line start: the answer is the same for every one-line tag that starts on the
  // line, and a generated line of thousands of tags must not be scanned once per tag
  const alone = new Map<number, boolean>();
  let ls = 0;
  let nextNl = text.indexOf('\n');
  const aloneAt = (k: number) => {
    // tags come in text order: the line start moves forward, each line break is found once
    while (nextNl >= 0 && nextNl < tags[k].start) {
      ls = nextNl + 1;
      nextNl = text.indexOf('\n', ls);
    }
    let v = alone.get(ls);
    if (v === undefined) alone.set(ls, (v = aloneOnLine(text, tags, k)));
    return v;
  };
  tags.forEach((t, k) => {
    if (t.start < last) return;
    parts.push(text.slice(last, t.start));
    const s = text.slice(t.start, t.end);
    if (t.type === 'statement' || t.type === 'comment' || /[\r\n]/.test(s) || (t.type !== 'placeholder' && aloneAt(k))) parts.push(s.replace(/[^\r\n]/g, ' '));
    else if (s.length >= 4) parts.push('${' + '_'.repeat(s.length - 3) + '}');
    else parts.push('_'.repeat(s.length));
    last = t.end;
  });
  parts.push(text.slice(last));
  return parts.join('');
}

/** An expression that is all of its line (with blanks and other tags): it renders whole lines we cannot know. */
function aloneOnLine(text: string, tags: TemplateTag[], k: number): boolean {
  const t = tags[k];
  if (t.type === 'placeholder') return false;
  const ls = text.lastIndexOf('\n', t.start - 1) + 1;
  let le = text.indexOf('\n', t.end);
  if (le < 0) le = text.length;
  // the tags of this line (tags are in text order)
  let a = k;
  while (a > 0 && tags[a - 1].end > ls) a--;
  let b = k;
  while (b + 1 < tags.length && tags[b + 1].start < le) b++;
  let pos = ls;
  for (let i = a; i <= b; i++) {
    const o = tags[i];
    if (/\S/.test(text.slice(pos, Math.max(pos, o.start)))) return false;
    pos = Math.max(pos, o.end);
  }
  return !/\S/.test(text.slice(pos, Math.max(pos, le)));
}

// ---------------------------------------------------------------------------------------------------------------
// Questions a kind asks

/** Index of the first tag that ends after `offset` (tags are in text order and never overlap), or tags.length. */
export function firstTagAfter(r: TemplateReading, offset: number): number {
  let lo = 0;
  let hi = r.tags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.tags[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether [start, end) touches a tag (an empty range touches a tag it lies strictly inside). */
export function touchesTag(r: TemplateReading, start: number, end: number): boolean {
  for (let i = firstTagAfter(r, start); i < r.tags.length; i++) {
    const t = r.tags[i];
    if (t.start > end) break;
    if (start === end ? start > t.start && start < t.end : start < t.end && end > t.start) return true;
  }
  return false;
}

/** The blocks that hold `offset`, outermost first (walks up from the last block that starts before it). */
export function containing(r: TemplateReading, offset: number): TemplateBlock[] {
  const b = r.blocks;
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const out: TemplateBlock[] = [];
  for (let i = lo - 1; i >= 0; i = b[i].parent) {
    if (offset < b[i].end) out.push(b[i]);
    if (out.length > 1000) break;
  }
  return out.reverse();
}

/** The branch of `block` that holds `offset` (its index), or -1. */
function branchIndex(b: TemplateBlock, offset: number): number {
  return b.branches.findIndex((br) => offset >= br.start && offset < br.end);
}

/**
 * True when no rendering holds both offsets: they lie in different branches of one conditional block, or under
 * guards that contradict each other (`{% if x and not y %}` ... `{% if y %}`).
 */
export function exclusive(r: TemplateReading, a: number, b: number): boolean {
  for (const blk of containing(r, a)) {
    if (blk.type === 'other') continue;
    if (b < blk.start || b >= blk.end) continue;
    const i = branchIndex(blk, a);
    const j = branchIndex(blk, b);
    if (i >= 0 && j >= 0 && i !== j) return true;
  }
  const ga = literals(guardsAt(r, a));
  if (!ga.size) return false;
  for (const [atom, pol] of literals(guardsAt(r, b))) if (ga.has(atom) && ga.get(atom) !== pol) return true;
  return false;
}

/** The conditions a set of guards makes true (atom → polarity), when each is a conjunction of simple tests. */
function literals(guards: Guard[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const g of guards) {
    const parts = g.condition.split(/\s+(?:and|&&)\s+/);
    if (parts.some((p) => /\s(or|\|\|)\s|[()]/.test(p))) continue;
    if (g.negated && parts.length > 1) continue;
    for (const p of parts) {
      const m = /^(?:not\s+|!\s*)(.+)$/.exec(p.trim());
      const atom = (m ? m[1] : p).trim().replace(/^[@$]/, '');
      let pol = !m;
      if (g.negated) pol = !pol;
      if (!/^[\w.]+$/.test(atom)) continue; // only names: `x == 1` and `not x == 1` are left alone
      out.set(atom, pol);
    }
  }
  return out;
}

export interface Guard {
  /** The condition as written. */
  condition: string;
  /** True when the line is rendered only when the condition is false (an `else` after it, or `unless`). */
  negated: boolean;
  keyword: string;
}

/** The conditions that decide whether `offset` is rendered, outermost first. */
export function guardsAt(r: TemplateReading, offset: number): Guard[] {
  const out: Guard[] = [];
  for (const blk of containing(r, offset)) {
    if (blk.type !== 'if' && blk.type !== 'unless' && blk.type !== 'case') continue;
    const i = branchIndex(blk, offset);
    if (i < 0) continue;
    for (let k = 0; k < i; k++) {
      const c = blk.branches[k].condition;
      if (c && blk.type !== 'case') out.push({ condition: c, negated: blk.branches[k].keyword !== 'unless', keyword: blk.branches[k].keyword });
    }
    const own = blk.branches[i];
    if (own.condition && blk.type !== 'case') out.push({ condition: own.condition, negated: own.keyword === 'unless', keyword: own.keyword });
  }
  return out;
}

/** True when `offset` is inside a loop body (the line may be rendered many times, or never). */
export function inLoop(r: TemplateReading, offset: number): boolean {
  return containing(r, offset).some((b) => b.type === 'loop' && offset >= b.branches[0]?.start && offset < b.branches[0]?.end);
}

/**
 * Whether a tag may render whole lines we cannot see: an expression alone on its line (masked to blanks), an include,
 * or a call of another template.
 */
export function rendersLines(r: TemplateReading, tag: TemplateTag): boolean {
  if ((tag.type === 'expression' || tag.type === 'placeholder') && r.text[tag.start] === ' ') return true;
  return tag.keyword === 'include' || tag.keyword === 'template' || (tag.type === 'expression' && /^(include|render|epp|template)\b/.test(tag.code));
}

/** Whether a tag before `offset` may render lines we cannot see (the lines before it may hold more than we read). */
export function linesRenderedBefore(r: TemplateReading, offset: number): boolean {
  for (const tag of r.tags) {
    if (tag.start >= offset) break;
    if (rendersLines(r, tag)) return true;
  }
  return false;
}

/** True when `offset` is inside any conditional branch or loop (the line may be absent from a rendering). */
export function conditional(r: TemplateReading, offset: number): boolean {
  return containing(r, offset).some((b) => b.type !== 'other');
}

/**
 * A whole value that stands for something filled in later, in any syntax a template engine does not own:
 * `${VAR}`, `$VAR`, `@VAR@`, `@@VAR@@`, `%%VAR%%`, `__VAR__`, `<VALUE>`, `%(var)s`, `CHANGEME`, `YOUR_PASSWORD`,
 * `REPLACE_ME`... (and any value holding a masked template expression).
 */
export function isPlaceholderValue(v: string | undefined): boolean {
  if (!v) return false;
  const t = v.trim().replace(/^(["'])(.*)\1$/, '$2');
  return (
    /^(\$\{\w+\}|\$[A-Za-z_]\w*|@@?[A-Za-z_]\w*@@?|%%\w+%%|__[A-Za-z]\w*__|<[A-Za-z][\w .-]*>|%\(\w+\)s)$/.test(t) ||
    /^(CHANGE_?ME|REPLACE_?ME|TODO|FIXME|XXX+)$/i.test(t) ||
    /^(YOUR|MY|ENTER)_[A-Z0-9_]+$/.test(t)
  );
}

/**
 * The template reading of a file we lint, or undefined when it is not a template. A name with a template extension
 * (`my.cnf.j2`, `Dockerfile.template`) is read as one, whatever its content (no tags: nothing is masked); any other
 * file only when its content shows template code a plain file cannot hold: a statement or comment tag (`{% %}`,
 * `{# #}`, `<% %>`), a placeholder (`%%VAR%%`, `@VAR@`), or a `{{ }}` tag that starts a line (a `{{ }}` inside a
 * Dockerfile's quoted `--format '{{json .}}'` argument is the program's own syntax, not a template's).
 */
export function templateOf(fileName: string | undefined, text: string): TemplateReading | undefined {
  const base = fileName?.split(/[\\/]/).pop();
  const named = !!base && untemplatedName(base) !== undefined;
  const syntax = detectTemplate(named ? base : undefined, text);
  if (named) return readTemplate(text, syntax ?? 'placeholder', true);
  if (!syntax) return undefined;
  if ((syntax === 'go' || syntax === 'jq') && !/^[ \t]*\{\{/m.test(text)) return undefined;
  if (syntax === 'jinja2' && !/\{%|\{#|^[ \t]*\{\{/m.test(text)) return undefined;
  return readTemplate(text, syntax);
}
