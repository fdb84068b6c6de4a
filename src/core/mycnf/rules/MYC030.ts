import { atLeast, facts, isOn, num, numOr } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { defineRule } from '../../rule';
import { humanSize } from '../values';

const GIB = 1024 ** 3;
/** Above this the redo log is large whatever the buffer pool: many minutes of redo to replay after a crash. */
export const REDO_LARGE = 8 * GIB;

/** A redo log so large that crash recovery becomes slow: the seed's "keep innodb_log_file_size small". */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC030', name: 'redo-log-too-large', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    const s = m.server;
    const capacityTarget = f.flavor === 'mysql' && atLeast(m, '8.0');
    const cap = capacityTarget ? s.get('innodb_redo_log_capacity') : undefined;
    const size = s.get('innodb_log_file_size');
    const files = f.flavor === 'mysql' ? s.get('innodb_log_files_in_group') : undefined;
    let total: number | undefined;
    let at: CnfOption | undefined;
    let how = '';
    if (cap) {
      total = num(m, 'innodb_redo_log_capacity');
      at = cap;
      how = 'innodb_redo_log_capacity';
    } else if (size || files) {
      const sz = numOr(m, 'innodb_log_file_size', f.flavor === 'mysql' ? 48 * 1024 ** 2 : 96 * 1024 ** 2);
      const n = f.flavor === 'mysql' ? numOr(m, 'innodb_log_files_in_group', 2) : 1;
      total = sz * n;
      at = size ?? files;
      how = f.flavor === 'mysql' ? `innodb_log_file_size × innodb_log_files_in_group (${humanSize(sz)} × ${n})` : 'innodb_log_file_size';
    }
    if (total === undefined || !at) return;
    if (isOn(s.get('innodb_dedicated_server')) && !cap && !size) return;
    const poolOpt = s.get('innodb_buffer_pool_size');
    const pool = numOr(m, 'innodb_buffer_pool_size', 128 * 1024 ** 2);
    // with innodb_dedicated_server the pool is sized from the machine's memory: only the absolute limit applies
    const overPool = total > GIB && total > pool && !(isOn(s.get('innodb_dedicated_server')) && !poolOpt);
    if (!overPool && total <= REDO_LARGE) return;
    const why = overPool
      ? `larger than the buffer pool (${humanSize(pool)}${poolOpt ? '' : ', the default'}), which cannot hold that many changed pages anyway`
      : `more than ${humanSize(REDO_LARGE)}`;
    const replacement = capacityTarget && !cap ? ' Since MySQL 8.0.30 the size is set with innodb_redo_log_capacity (the two old variables are deprecated).' : '';
    ctx.report({
      input: at.source,
      range: at.valueRange ?? at.nameRange,
      message: `The redo log totals ${humanSize(total)} (${how}), ${why}. After a crash InnoDB replays the redo written since the last checkpoint, up to the whole log, before the server accepts connections, so the larger the log, the longer the worst-case outage. Size it for about an hour of peak writes, keep it below the buffer pool, and measure the recovery time against your recovery-time objective.${replacement}`,
      related: poolOpt && overPool ? [{ message: 'the buffer pool size', range: poolOpt.range, ...(m.sources[poolOpt.source].main ? {} : { file: m.sources[poolOpt.source].path }) }] : undefined,
    });
  },
});
