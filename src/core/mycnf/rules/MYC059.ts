import { facts, isOn } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { deleteLineEdit, fix } from '../report';

const SIZED = ['innodb_buffer_pool_size', 'innodb_redo_log_capacity', 'innodb_log_file_size', 'innodb_log_files_in_group', 'innodb_flush_method'];

/** innodb_dedicated_server=ON plus explicit sizes: the explicit values win, so the automatic sizing is partly off. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC059', name: 'dedicated-server-overridden', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    if (facts(m).flavor !== 'mysql') return;
    const d = m.server.get('innodb_dedicated_server');
    if (!isOn(d)) return;
    for (const k of SIZED) {
      const o = m.server.get(k);
      if (!o) continue;
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `innodb_dedicated_server=ON sizes ${k} from the machine's memory, but an explicit ${o.text} wins over it, so that part of the automatic sizing is off and the value no longer follows the machine. Remove one of the two.`,
        fixes: [fix(`Remove ${o.text} and let innodb_dedicated_server size it`, false, deleteLineEdit(o))],
      });
    }
  },
});
