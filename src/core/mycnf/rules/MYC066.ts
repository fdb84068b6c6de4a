import { num } from '../facts';
import { defineMycnfRule, setValueFix } from '../report';

/** innodb_fast_shutdown=2: every shutdown is followed by crash recovery. */
export default defineMycnfRule({
  meta: { code: 'MYC066', name: 'innodb-fast-shutdown-skips-flush', severity: 'warning', fix: 'unsafe', aliases: ['innodb_fast_shutdown'] },
  check(m, report) {
    const o = m.server.get('innodb_fast_shutdown');
    if (!o || num(m, 'innodb_fast_shutdown') !== 2) return;
    report(o, o.valueRange!, 'innodb_fast_shutdown=2 shuts InnoDB down like a crash: it only flushes the redo log, so every restart runs crash recovery, which takes longer the bigger the redo log, and an upgrade after such a shutdown is not safe. Use 1 (the default); set 2 only by hand for an emergency stop.', {
      fixes: setValueFix(o, '1'),
    });
  },
});
