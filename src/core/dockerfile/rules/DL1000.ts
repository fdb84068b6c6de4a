import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { expandedUses } from '../analysis';

/**
 * What Docker's parser refuses: unknown instructions and flags, bad flag values, a FROM with the wrong number of
 * words, invalid stage names, exec-form arrays with non-strings, a SHELL not in JSON form, unclosed heredocs, broken
 * `${...}` substitutions and unclosed quotes in expanded words, an invalid escape directive.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL1000', name: 'dockerfile-syntax-error', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    for (const p of m.problems) ctx.report({ range: p.range, message: p.message });
    for (const u of expandedUses(m)) {
      for (const p of u.x.problems) {
        if (p.message.startsWith('unsupported modifier')) continue; // DKR011
        ctx.report({ range: m.lines.rangeOf(p.start, Math.max(p.end, p.start + 1)), message: `${u.ins.getKeyword()}: ${p.message}.` });
      }
    }
  },
});
