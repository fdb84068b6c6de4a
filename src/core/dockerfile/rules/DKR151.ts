import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { Instruction } from '../syntax';
import { INSTRUCTION_SET } from '../instructions';
import { unfaithfulLines } from '../../template/findings';
import { containing, rendersLines, type TemplateBlock, type TemplateReading } from '../../template/read';

/** What can come first in a rendering of a piece of template (bit flags; a set of outcomes). */
const FROM = 1; // a FROM: the rendering starts a stage properly
const BAD = 2; // another instruction (not ARG) before any FROM: Docker refuses the file
const UNKNOWN = 4; // something we cannot see (an expression that renders lines, an include, an overridable block)
const PASS = 8; // nothing decisive yet (nothing rendered, or only ARG): what follows decides

type Item = { at: number; instruction?: Instruction; what: 'from' | 'arg' | 'bad' | 'unknown' };

/** Blocks that render nothing where they stand (their body is a definition). */
const DEFINITIONS = new Set(['macro', 'define', 'set']);
/** Blocks that render their body once, in place, unchanged. */
const TRANSPARENT = new Set(['raw', 'autoescape', 'begin']);

/**
 * Reads the template as a tree (blocks, their branches, and the instructions and opaque tags in each) and computes,
 * over every rendering, what can come first. The tree is walked from the top; a branch is entered only while nothing
 * decisive has come before it.
 */
function outcomes(t: TemplateReading, items: Item[], firstBad: Instruction[]): number {
  // children of each block branch, and of the top level, in text order
  const top: (Item | TemplateBlock)[] = [];
  const kids = new Map<TemplateBlock, (Item | TemplateBlock)[][]>();
  const slot = (b: TemplateBlock, at: number) => {
    const k = b.branches.findIndex((br) => at >= br.start && at < br.end);
    if (k < 0) return undefined;
    let list = kids.get(b);
    if (!list) kids.set(b, (list = b.branches.map(() => [])));
    return list[k];
  };
  for (const b of t.blocks) {
    const parent = b.parent >= 0 ? t.blocks[b.parent] : undefined;
    const into = parent ? slot(parent, b.start) : top;
    into?.push(b);
  }
  for (const it of items) {
    const inner = containing(t, it.at).pop();
    const into = inner ? slot(inner, it.at) : top;
    // outside every branch (between `case` and its first `when`): nothing renders there
    into?.push(it);
  }
  const start = (x: Item | TemplateBlock) => ('what' in x ? x.at : x.start);
  top.sort((a, b) => start(a) - start(b));
  for (const lists of kids.values()) for (const l of lists) l.sort((a, b) => start(a) - start(b));

  const seq = (list: (Item | TemplateBlock)[]): number => {
    let acc = 0;
    for (const x of list) {
      const r = 'what' in x ? item(x) : block(x);
      acc |= r & ~PASS;
      if (!(r & PASS)) return acc;
    }
    return acc | PASS;
  };
  const item = (x: Item): number => {
    if (x.what === 'from') return FROM;
    if (x.what === 'arg') return PASS;
    if (x.what === 'unknown') return UNKNOWN;
    if (x.instruction) firstBad.push(x.instruction);
    return BAD;
  };
  const branches = (b: TemplateBlock) => kids.get(b) ?? b.branches.map(() => []);
  const block = (b: TemplateBlock): number => {
    const own = branches(b);
    const kw = b.branches[0]?.keyword ?? '';
    if (b.type === 'if' || b.type === 'unless' || b.type === 'case' || (b.type === 'other' && kw === 'with' && t.syntax === 'go')) {
      let r = 0;
      for (const l of own) r |= seq(l);
      const complete = b.branches.some((br) => br.keyword === 'else' || (br.keyword === 'when' && br.condition === 'default'));
      return complete ? r : r | PASS;
    }
    if (b.type === 'loop') {
      // zero iterations render nothing (or the loop's else); one iteration decides what a second would
      let r = seq(own[0] ?? []);
      r |= own.length > 1 ? seq(own[1]) : PASS;
      return r;
    }
    if (DEFINITIONS.has(kw)) return PASS;
    if (TRANSPARENT.has(kw)) return seq(own[0] ?? []);
    return UNKNOWN;
  };
  return seq(top);
}

function lineOf(m: DockerfileModel, ins: Instruction): number {
  return ins.getRange().start.line + 1;
}

/**
 * A template whose every rendering is a Dockerfile Docker refuses: whichever branches the template takes, an
 * instruction other than ARG comes before the first FROM (or no FROM comes at all). One finding, on the first such
 * instruction; the others are named in the message. Silent when anything we cannot see may come first (an expression
 * that renders whole lines, an include, a block another template may override, a child template), when one rendering
 * starts properly, on pieces of templates without any FROM of their own, and when the instruction that comes first
 * is outside every condition (DL3061 reports that one).
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR151', name: 'template-every-branch-invalid', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const t = m.template;
    if (!t || !t.balanced || !t.blocks.length) return;
    // the walk recurses once per nesting level: a template nested deeper than any real one is left alone
    const depth: number[] = [];
    for (let i = 0; i < t.blocks.length; i++) {
      const p = t.blocks[i].parent;
      depth.push(p >= 0 ? depth[p] + 1 : 0);
      if (depth[i] > 200) return;
    }
    if (!m.instructions.some((i) => i.getKeyword() === 'FROM')) return;
    if (t.includes.some((x) => x.keyword === 'extends')) return;
    const unfaithful = unfaithfulLines(t, m.lines);
    const items: Item[] = [];
    m.instructions.forEach((ins, k) => {
      const kw = ins.getKeyword();
      const at = m.offsets[k];
      const what = unfaithful.has(ins.getRange().start.line) || !INSTRUCTION_SET.has(kw) ? 'unknown' : kw === 'FROM' ? 'from' : kw === 'ARG' ? 'arg' : 'bad';
      items.push({ at, instruction: ins, what });
    });
    for (const tag of t.tags) {
      // an expression alone on its line renders lines we cannot see; includes and template calls too
      if (rendersLines(t, tag)) items.push({ at: tag.start, what: 'unknown' });
    }
    const firstBad: Instruction[] = [];
    const r = outcomes(t, items, firstBad);
    if (r & (FROM | UNKNOWN) || !(r & BAD) || !firstBad.length) return;
    const seen = [...new Set(firstBad)].sort((a, b) => m.indexOf.get(a)! - m.indexOf.get(b)!);
    // an instruction above every condition is plainly before the FROM: DL3061 says so, in hadolint's words
    if (seen.every((ins) => !containing(t, m.offsets[m.indexOf.get(ins)!]).length)) return;
    const [first, ...others] = seen;
    const kw = first.getKeyword();
    const more = others.length ? `, and in the other branches ${others.map((o) => `${o.getKeyword()} (line ${lineOf(m, o)})`).join(', ')}` : '';
    ctx.report({
      range: first.getInstructionRange(),
      message: `Whichever branches this template takes, an instruction comes before any FROM: ${kw} here${more}${r & PASS ? ' (or nothing at all)' : ''}. Only ARG may precede the first FROM, so Docker refuses every Dockerfile rendered from this template. Put the FROM before these lines, in every branch or above the condition.`,
    });
  },
});
