import { atLeast, facts, num, numOr, upper } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';
import { humanSize } from '../values';

/** tmp_table_size larger than max_heap_table_size: in-memory temporary tables are capped by the smaller one. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC058', name: 'tmp-table-size-above-max-heap', kind: 'mycnf', severity: 'info', fix: 'unsafe', aliases: ['tmp_table_size'] },
  check(m, ctx) {
    const f = facts(m);
    // MySQL 8.0's TempTable engine (the default for internal temporary tables) is not bound by max_heap_table_size
    if (f.mysql8 && (upper(m, 'internal_tmp_mem_storage_engine') ?? 'TEMPTABLE') === 'TEMPTABLE' && atLeast(m, '8.0')) return;
    const tmp = m.server.get('tmp_table_size');
    const t = num(m, 'tmp_table_size');
    if (!tmp || t === undefined) return;
    const heapOpt = m.server.get('max_heap_table_size');
    const h = numOr(m, 'max_heap_table_size', 16 * 1024 ** 2);
    if (t <= h) return;
    ctx.report({
      input: tmp.source,
      range: tmp.valueRange!,
      message: `tmp_table_size (${humanSize(t)}) is larger than max_heap_table_size (${humanSize(h)}${heapOpt ? '' : ', the default'}): an in-memory temporary table is limited by the smaller of the two, so queries still spill to disk at ${humanSize(h)}. Set both to the same value.`,
      fixes: heapOpt?.valueRange ? setValueFix(heapOpt, tmp.rawValue ?? String(t), `Set max_heap_table_size = ${tmp.rawValue}`) : undefined,
    });
  },
});
