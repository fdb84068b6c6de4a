import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** auto_increment_offset larger than auto_increment_increment: the offset is ignored. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC053', name: 'auto-increment-offset-above-increment', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    if (facts(m).galera) return;
    const off = m.server.get('auto_increment_offset');
    const o = num(m, 'auto_increment_offset');
    const inc = num(m, 'auto_increment_increment') ?? 1;
    if (!off || o === undefined || o <= inc) return;
    ctx.report({
      input: off.source,
      range: off.valueRange!,
      message: `auto_increment_offset=${o} is larger than auto_increment_increment=${inc}, so the server ignores the offset and servers meant to use different ranges collide on the same key values. The offset must be between 1 and the increment.`,
      fixes: inc > 1 ? setValueFix(off, String(((o - 1) % inc) + 1)) : undefined,
    });
  },
});
