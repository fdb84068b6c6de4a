import { num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';

/** innodb_force_recovery left in the configuration: meant for rescuing data, not for running. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC065', name: 'innodb-force-recovery-set', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_force_recovery'] },
  check(m, ctx) {
    const o = m.server.get('innodb_force_recovery');
    const n = num(m, 'innodb_force_recovery');
    if (!o || !n) return;
    const harsh = n >= 4 ? ' Levels 4 and above can corrupt data for good; use them only to dump what can be saved.' : '';
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `innodb_force_recovery=${n} starts InnoDB in a rescue mode that skips parts of crash recovery${n >= 4 ? ' and keeps tables read-only' : ''}: it is meant for dumping data out of a damaged server, not for normal operation.${harsh} Remove it once the data is saved and the server is rebuilt.`,
      severity: n >= 4 ? 'error' : undefined,
      fixes: [fix('Remove innodb_force_recovery', false, deleteLineEdit(o))],
    });
  },
});
