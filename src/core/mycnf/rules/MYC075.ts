import { isOn, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** flush=ON or flush_time>0: tables are flushed and closed over and over. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC075', name: 'flush-time-set', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['flush_time', 'flush'] },
  check(m, ctx) {
    const t = m.server.get('flush_time');
    const n = num(m, 'flush_time');
    if (t && n) ctx.report({
      input: t.source,
      range: t.valueRange!,
      message: `flush_time=${n}: every ${n} seconds the server closes all tables and syncs them to disk, a stall that hurts busy servers and gains nothing for InnoDB tables. Leave it at 0 (the default).`,
    });
    const f = m.server.get('flush');
    if (isOn(f)) ctx.report({
      input: f!.source,
      range: f!.nameRange,
      message: 'flush=ON syncs changes to disk after every SQL statement, which slows writes badly and adds nothing for InnoDB, which makes its own durability decisions. Leave it OFF.',
    });
  },
});
