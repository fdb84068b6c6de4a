import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { CnfOption, MycnfModel } from '../model';
import { checkable, serverLabel, uncertainRemoval } from '../checkable';
import { rendersFor } from '../guards';
import { isTemplated, matchEnum } from '../values';
import { containing, guardsAt, type TemplateBlock } from '../../template/read';

interface Refusal {
  o: CnfOption;
  range: Range;
  /** What the server says about it, for the message. */
  what: string;
}

/** Why the file's target certainly refuses to start with this option line, or undefined. */
function refusal(m: MycnfModel, o: CnfOption): Refusal | undefined {
  const i = o.info;
  if (!i || o.prefixes.includes('loose')) return undefined;
  const t = m.target.target;
  if (i.removed !== undefined) {
    if (i.stillAccepted || i.confidence === 'inferred' || uncertainRemoval(m, t, i.removed)) return undefined;
    const instead = i.replacement ? `; use ${i.replacement}` : i.replacedBy ? `; its successor is ${i.replacedBy}` : '';
    return { o, range: o.baseRange, what: `${o.text} (removed${i.removed ? ` in ${i.removed}` : ''}: "unknown variable"${instead})` };
  }
  if (i.type === 'enum' && i.values?.length && o.hasValue && o.valueRange) {
    const v = o.value ?? '';
    if (isTemplated(v) || /\$\{_+\}|_{3,}/.test(v)) return undefined;
    const boolish = i.values.some((x) => x.toUpperCase() === 'ON') && i.values.some((x) => x.toUpperCase() === 'OFF') && /^(true|false)$/i.test(v.trim());
    if (boolish || matchEnum(v, i.values)) return undefined;
    return { o, range: o.valueRange, what: `${o.name} = ${v.trim()} (not one of its values: "Error while setting value")` };
  }
  return undefined;
}

/** An else (or a `default` case) makes the branches cover every rendering. */
function complete(b: TemplateBlock): boolean {
  return b.branches.some((br) => br.keyword === 'else' || (br.keyword === 'when' && br.condition === 'default'));
}

const KEYWORD: Record<string, string> = { if: 'if/else', unless: 'unless/else', case: 'case' };

/**
 * A template's if/else (or case with a default) that, for the server the file is checked for, puts a line the server
 * refuses in every branch that can render for it (a removed option, an enumerated value it does not have): no file
 * the template renders starts that server. Branches a version or flavor guard keeps from that server do not count;
 * blocks inside loops, macros or branches that may not render, lines in nested blocks, templated names and values,
 * loose- options and removals we are unsure of leave the rule silent.
 */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC151', name: 'template-every-branch-refused', kind: 'mycnf', severity: 'error', fix: 'unsafe', supersedes: ['MYC020', 'MYC021', 'MYC023', 'MYC150'] },
  check(m, ctx) {
    const t = m.template;
    if (!t || !t.blocks.length) return;
    const target = m.target.target;
    // refused lines of the linted file, read by the target's own server groups (or a fragment's)
    const refused: Refusal[] = [];
    for (const c of checkable(m)) {
      if (!c.own || c.o.source !== 0 || c.target !== target) continue;
      const r = refusal(m, c.o);
      if (!r) continue;
      // the group header must render with the line: not in a branch or loop the line is not in
      const g = c.o.group;
      if (g) {
        const at = m.lines.offsetAt(g.range.start);
        const line = m.lines.offsetAt(c.o.nameRange.start);
        const outer = containing(t, at);
        if (outer.some((b) => !(line >= b.start && line < b.end) || b.branches.findIndex((x) => at >= x.start && at < x.end) !== b.branches.findIndex((x) => line >= x.start && line < x.end))) continue;
      }
      refused.push(r);
    }
    if (!refused.length) return;
    // each refused line's innermost block, once
    const inBlock = new Map<TemplateBlock, Refusal[]>();
    for (const r of refused) {
      const b = containing(t, m.lines.offsetAt(r.range.start)).pop();
      if (!b) continue;
      const l = inBlock.get(b);
      if (l) l.push(r);
      else inBlock.set(b, [r]);
    }
    const label = serverLabel(m, target);
    const reported = new Set<CnfOption>();
    for (const b of t.blocks) {
      const mine = inBlock.get(b);
      if (!mine || (b.type !== 'if' && b.type !== 'unless' && b.type !== 'case') || !complete(b)) continue;
      // the block itself renders for the target, once: every block around it is a branch whose guards hold
      const around = containing(t, b.start).filter((x) => x !== b);
      if (around.some((x) => x.type !== 'if' && x.type !== 'unless' && x.type !== 'case')) continue;
      if (rendersFor(guardsAt(t, b.start), target) !== true) continue;
      const perBranch: Refusal[] = [];
      let all = true;
      let live = 0;
      for (const br of b.branches) {
        if (br.end <= br.start) {
          all = false;
          break;
        }
        if (rendersFor(guardsAt(t, br.start), target) === false) continue;
        live++;
        // a refused line directly in this branch (not in a block nested in it)
        const hit = mine.find((r) => {
          const at = m.lines.offsetAt(r.range.start);
          return at >= br.start && at < br.end;
        });
        if (!hit) {
          all = false;
          break;
        }
        perBranch.push(hit);
      }
      if (!all || live < 2) continue;
      for (const r of perBranch) {
        if (reported.has(r.o)) continue;
        reported.add(r.o);
        const others = perBranch.filter((x) => x !== r).map((x) => `line ${x.range.start.line + 1}: ${x.what}`);
        ctx.report({
          input: r.o.source,
          range: r.range,
          message: `${label} refuses to start with ${r.what}, and every other branch of this ${KEYWORD[b.type]} that can render for it holds a line it refuses too (${others.join('; ')}): no file this template renders starts ${label}. Fix the line in each branch.`,
        });
      }
    }
  },
});
