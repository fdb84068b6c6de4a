import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** sync_binlog other than 1 with the binary log on: the binary log is not crash-safe. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC038', name: 'sync-binlog-not-durable', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['sync_binlog'] },
  check(m, ctx) {
    const f = facts(m);
    if (!f.binlog.on) return;
    const o = m.server.get('sync_binlog');
    const n = num(m, 'sync_binlog');
    const galera = f.galera ? ' On a Galera node the other nodes hold the transaction too, so this is a deliberate trade-off there.' : '';
    if (o) {
      if (n === undefined || n === 1) return;
      const what = n === 0 ? 'the operating system decides when the binary log reaches the disk' : `the binary log is flushed only every ${n} commits`;
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `sync_binlog=${n}: ${what}, so a power loss or OS crash can drop committed transactions from the binary log while InnoDB kept them. Replicas then miss them, and point-in-time recovery has a hole. Use sync_binlog=1 (the default since MySQL 5.7.7).${galera}`,
        severity: f.galera ? 'info' : undefined,
        fixes: setValueFix(o, '1'),
      });
      return;
    }
    // MariaDB's default is 0 (MySQL's 1 since 5.7.7): a MariaDB target guessed from Galera options alone may as well be
    // Percona XtraDB Cluster, whose default is 1
    if (f.flavor !== 'mariadb' || m.target.guessed || !f.binlog.explicit || f.partial || f.galera) return;
    const at = f.binlog.explicit;
    ctx.report({
      input: at.source,
      range: at.nameRange,
      message: 'The binary log is on, and sync_binlog is not set: MariaDB defaults to 0, which leaves flushing to the operating system, so a power loss can drop committed transactions from the binary log that replicas and point-in-time recovery need. Set sync_binlog=1.',
      fixes: addOptionFix(m, 'Add sync_binlog = 1', 'sync_binlog', '1', at),
    });
  },
});
