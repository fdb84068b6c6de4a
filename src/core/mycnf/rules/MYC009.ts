import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';
import { isBlank } from '../parse';

/** `password=ab#cd`: `#` starts a comment anywhere outside quotes, so the value is cut short. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC009', name: 'value-cut-at-hash', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const o of m.options) {
      if (!o.hasValue || o.commentStart === undefined || !o.valueRange || !o.rawValue) continue;
      const cs = o.commentStart;
      if (isBlank(o.lineText.charCodeAt(cs - 1))) continue;
      let end = o.lineText.length;
      while (end > cs && isBlank(o.lineText.charCodeAt(end - 1))) end--;
      const lost = o.lineText.slice(cs, end);
      const whole = o.rawValue + lost;
      const q = whole.includes('"') ? "'" : '"';
      ctx.report({
        input: o.source,
        range: { start: { line: o.line, character: cs }, end: { line: o.line, character: end } },
        message: `\`#\` starts a comment even inside a value: the server reads ${o.text} as "${o.value}" and drops "${lost}". If \`#\` belongs to the value, quote it.`,
        fixes: whole.includes("'") && whole.includes('"') ? undefined : [fix('Quote the whole value', false, { range: { start: o.valueRange.start, end: { line: o.line, character: end } }, newText: `${q}${whole}${q}` })],
      });
    }
  },
});
