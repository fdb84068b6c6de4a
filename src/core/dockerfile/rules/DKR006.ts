import { defineRule } from '../../rule';
import { stageChain, stageOf, type DockerfileModel } from '../model';
import { didYouMean } from '../../text';
import { analysis, expandedUses, isCommonImageEnv, lookupAt, PLATFORM_ARGS, PROXY_ARGS } from '../analysis';

/**
 * A variable used in ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME, EXPOSE or STOPSIGNAL that nothing defines. Certain
 * when the stage is built on scratch; on an external base image the image's own ENV may define it, so only the sure
 * cases are reported there: a global ARG or platform ARG not re-declared in the stage, and near-misses of declared names.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR006', name: 'variable-undefined', kind: 'dockerfile', severity: 'warning', fix: 'unsafe', aliases: ['UndefinedVar'] },
  check(m, ctx) {
    const a = analysis(m);
    const fixed = new Set<string>();
    for (const u of expandedUses(m)) {
      if (u.onbuild) continue;
      const kw = u.ins.getKeyword();
      if (kw === 'FROM') continue;
      const stage = stageOf(m, u.ins);
      if (!stage) continue;
      const chain = stageChain(stage);
      const scratchRoot = chain[chain.length - 1].scratch;
      const declared = new Set<string>();
      for (const s of chain) for (const names of a.defs.get(s)?.keys() ?? []) declared.add(names);
      const lookup = lookupAt(m, u.ins, true);
      for (const r of u.x.refs) {
        if (r.state !== 'unset' || r.unsupported) continue;
        if (r.modifier && r.modifier !== '#' && r.modifier !== '##' && r.modifier !== '%' && r.modifier !== '%%' && r.modifier !== '/' && r.modifier !== '//') continue;
        if (PROXY_ARGS.includes(r.name.toUpperCase()) || /^[0-9@*#?$!-]$/.test(r.name)) continue;
        const global = a.global.get(r.name);
        const hint = !scratchRoot && isCommonImageEnv(r.name) ? [] : didYouMean(r.name, [...declared].filter((n) => lookup(n))).filter((n) => n !== r.name);
        let message: string | undefined;
        let fixes: { title: string; safe: boolean; edits: { range: ReturnType<typeof m.lines.rangeOf>; newText: string }[] }[] = [];
        if (global && (global.kind === 'global-arg' || PLATFORM_ARGS.includes(r.name))) {
          message = `$${r.name} is ${global.kind === 'predefined' ? 'a platform ARG' : 'a global ARG'} declared before the first FROM, which a stage does not see until it says "ARG ${r.name}"; here it expands to an empty string.`;
          const fromLine = stage.from.getRange().end;
          const at = m.lines.offsetAt(fromLine);
          const arg = m.text.slice(m.lines.offsetAt({ line: fromLine.line, character: 0 }), at).match(/^\s*/)?.[0] ?? '';
          const kwText = stage.from.getInstruction();
          const key = `${stage.index}:${r.name}`;
          if (!fixed.has(key)) fixes = [{ title: `Declare ARG ${r.name} in this stage`, safe: false, edits: [{ range: { start: fromLine, end: fromLine }, newText: `\n${arg}${kwText === kwText.toLowerCase() ? 'arg' : 'ARG'} ${r.name}` }] }];
          fixed.add(key);
        } else if (hint.length) {
          message = `$${r.name} is not defined (did you mean $${hint[0]}?); it expands to an empty string.`;
          fixes = [{ title: `Use $${hint[0]}`, safe: false, edits: [{ range: m.lines.rangeOf(r.nameStart, r.nameEnd), newText: hint[0] }] }];
        } else if (scratchRoot) {
          message = `$${r.name} is not defined by any ARG or ENV of this stage, and a scratch-based stage has no other variables; it expands to an empty string.`;
        }
        if (!message) continue;
        ctx.report({ range: m.lines.rangeOf(r.start, r.end), message, fixes });
      }
    }
  },
});
