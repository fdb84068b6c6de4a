import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** innodb_flush_method=nosync: InnoDB never syncs its data files. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC073', name: 'flush-method-unsafe', kind: 'mycnf', severity: 'warning', fix: 'none', aliases: ['innodb_flush_method'] },
  check(m, ctx) {
    const o = m.server.get('innodb_flush_method');
    if (!o?.hasValue) return;
    const v = (o.value ?? '').trim().toLowerCase();
    if (v !== 'nosync' && v !== 'littlesync') return;
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `innodb_flush_method=${o.value} is a testing setting: InnoDB does not make sure its data files reach the disk, so a power loss can leave them inconsistent in ways crash recovery cannot repair. Use O_DIRECT on Linux (the 8.4 default) or fsync.`,
    });
  },
});
