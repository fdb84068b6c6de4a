import { facts, isOn } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { defineRule } from '../../rule';

const NEEDS_BINLOG = ['binlog_format', 'sync_binlog', 'binlog_expire_logs_seconds', 'expire_logs_days', 'max_binlog_size', 'binlog_row_image', 'binlog_checksum', 'binlog_cache_size', 'binlog_do_db', 'binlog_ignore_db', 'binlog_transaction_compression'];

/** Binary-log settings while the binary log is off: they do nothing. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC044', name: 'binlog-setting-without-binlog', kind: 'mycnf', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const f = facts(m);
    if (f.binlog.on) return;
    // without an explicit switch-off we only know it is off on servers where that is the default
    if (!f.binlog.off && (f.mysql8 || f.partial)) return;
    const off = f.binlog.off ? `${f.binlog.off.text} switches the binary log off` : `the binary log is off (${f.flavor === 'mariadb' ? 'MariaDB' : 'MySQL 5.7'} needs log_bin to turn it on)`;
    const lru = m.server.get('log_replica_updates');
    if (isOn(lru)) {
      ctx.report({
        input: lru!.source,
        range: lru!.nameRange,
        message: `${lru!.text} has no effect: ${off}, so there is no log to write the applied changes to. A replica meant to be promoted or to feed other replicas needs the binary log.`,
        severity: 'warning',
      });
    }
    const seen = new Set<CnfOption>();
    for (const k of NEEDS_BINLOG) {
      const o = m.server.get(k);
      if (!o || seen.has(o)) continue;
      seen.add(o);
      if (k === 'binlog_format' && f.galera) continue;
      ctx.report({ input: o.source, range: o.nameRange, message: `${o.text} has no effect: ${off}.` });
    }
  },
});
