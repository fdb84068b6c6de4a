import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** innodb_fast_shutdown=2: every shutdown is followed by crash recovery. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC066', name: 'innodb-fast-shutdown-skips-flush', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_fast_shutdown'] },
  check(m, ctx) {
    const o = m.server.get('innodb_fast_shutdown');
    if (!o || num(m, 'innodb_fast_shutdown') !== 2) return;
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: 'innodb_fast_shutdown=2 shuts InnoDB down like a crash: it only flushes the redo log, so every restart runs crash recovery, which takes longer the bigger the redo log, and an upgrade after such a shutdown is not safe. Use 1 (the default); set 2 only by hand for an emergency stop.',
      fixes: setValueFix(o, '1'),
    });
  },
});
