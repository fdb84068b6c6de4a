import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { didYouMean } from '../../text';
import { analysis, expandedUses } from '../analysis';
import { argsOf } from '../instructions';

/**
 * FROM uses a variable no ARG before the first FROM declares: FROM only sees global ARGs (and the platform ones), so
 * it expands to nothing, and a --build-arg cannot set it either.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR005', name: 'from-arg-undeclared', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['UndefinedArgInFrom'] },
  check(m, ctx) {
    const a = analysis(m);
    const names = a.globalDecls.map((d) => d.name);
    for (const u of expandedUses(m)) {
      if (u.onbuild || u.ins.getKeyword() !== 'FROM') continue;
      for (const r of u.x.refs) {
        if (r.state !== 'unset') continue;
        const declaredInStage = m.stages.some((s) => s.instructions.some((i) => i.getKeyword() === 'ARG' && i.getRange().start.line < u.ins.getRange().start.line && argsOf(i).some((w) => w.getValue().split('=')[0] === r.name)));
        const hint = didYouMean(r.name, names, 2);
        ctx.report({
          range: m.lines.rangeOf(r.start, r.end),
          message: `FROM uses $${r.name}, which no ARG before the first FROM declares${declaredInStage ? ' (an ARG inside a stage does not count)' : ''}; it expands to an empty string${hint.length ? ` (did you mean ${hint[0]}?)` : ''}.`,
        });
      }
    }
  },
});
