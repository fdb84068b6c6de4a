import { isOff } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

/** innodb_file_per_table off: every table goes into the shared system tablespace, which never shrinks. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC074', name: 'file-per-table-off', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const o = m.server.get('innodb_file_per_table');
    if (!isOff(o)) return;
    ctx.report({
      input: o!.source,
      range: o!.valueRange ?? o!.nameRange,
      message: 'innodb_file_per_table=OFF puts new tables into the shared system tablespace (ibdata1): dropping or truncating a table does not give the space back to the file system, and single tables cannot be moved or copied as files. Keep it ON (the default).',
      fixes: o!.hasValue ? setValueFix(o!, 'ON') : undefined,
    });
  },
});
