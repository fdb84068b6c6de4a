import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix } from '../report';

/** A value with an opening quote but no matching closing one: the server keeps the quote as part of the value. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC010', name: 'value-quote-unbalanced', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const o of m.options) {
      const raw = o.rawValue;
      if (!raw || !o.valueRange || o.quote) continue;
      const first = raw[0];
      const last = raw[raw.length - 1];
      let q: string | undefined;
      if ((first === '"' || first === "'") && (raw.length === 1 || last !== first)) q = first;
      else if ((last === '"' || last === "'") && raw.indexOf(last) === raw.length - 1) q = last;
      if (!q) continue;
      const opening = q === first && raw.length > 0 && (raw.length === 1 || last !== first);
      ctx.report({
        input: o.source,
        range: o.valueRange,
        message: `The ${q === '"' ? 'double' : 'single'} quote is not matched, so the server keeps it in the value: ${o.text} becomes ${JSON.stringify(o.value)}.`,
        fixes: raw.length > 1 ? [fix('Add the missing quote', false, opening ? { range: { start: o.valueRange.end, end: o.valueRange.end }, newText: q } : { range: { start: o.valueRange.start, end: o.valueRange.start }, newText: q })] : undefined,
      });
    }
  },
});
