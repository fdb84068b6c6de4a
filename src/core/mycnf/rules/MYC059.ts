import { facts, isOn } from '../facts';
import { compareVersions } from '../groups';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';

/** What innodb_dedicated_server sets, per series: 8.0 sizes the redo log from memory and picks the flush method;
 *  8.4 sizes innodb_redo_log_capacity from the number of CPUs and leaves the flush method alone. */
const SIZED_80 = ['innodb_buffer_pool_size', 'innodb_redo_log_capacity', 'innodb_log_file_size', 'innodb_log_files_in_group', 'innodb_flush_method'];
const SIZED_84 = ['innodb_buffer_pool_size', 'innodb_redo_log_capacity'];

function basis(k: string, v84: boolean): string {
  if (k === 'innodb_flush_method') return 'sets innodb_flush_method (O_DIRECT_NO_FSYNC)';
  if (k === 'innodb_buffer_pool_size') return `sizes ${k} from the machine's memory`;
  return `sizes ${k} from the machine's ${v84 ? 'CPU count' : 'memory'}`;
}

/** innodb_dedicated_server=ON plus explicit sizes: the explicit values win, so the automatic sizing is partly off. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC059', name: 'dedicated-server-overridden', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.flavor !== 'mysql') return;
    const d = m.server.get('innodb_dedicated_server');
    if (!isOn(d)) return;
    const v84 = compareVersions(f.series, '8.4') >= 0;
    for (const k of v84 ? SIZED_84 : SIZED_80) {
      const o = m.server.get(k);
      if (!o) continue;
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `innodb_dedicated_server=ON ${basis(k, v84)}, but an explicit ${o.text} wins over it, so that part of the automatic configuration is off and the value no longer follows the machine. Remove one of the two.`,
        fixes: [fix(`Remove ${o.text} and let innodb_dedicated_server size it`, false, deleteLineEdit(o))],
      });
    }
  },
});
