import type { Fix } from '../../finding';
import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { fix, replaceValueEdit } from '../report';

/** innodb_flush_log_at_trx_commit 0 or 2: a crash can lose committed transactions. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC039', name: 'flush-log-at-commit-not-durable', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['innodb_flush_log_at_trx_commit-1'] },
  check(m, ctx) {
    const o = m.server.get('innodb_flush_log_at_trx_commit');
    const n = num(m, 'innodb_flush_log_at_trx_commit');
    if (!o || n === undefined || n === 1 || n > 2) return;
    const f = facts(m);
    let msg =
      n === 2
        ? 'innodb_flush_log_at_trx_commit=2 writes the redo log at each commit but flushes it to disk only about once a second: an operating-system crash or power loss loses up to a second of committed transactions.'
        : 'innodb_flush_log_at_trx_commit=0 writes and flushes the redo log only about once a second: even a crash of mysqld alone loses up to a second of committed transactions. 0 gains little over 2 and loses more; prefer 2 if you accept the risk.';
    msg += f.galera ? ' On a Galera node the other nodes keep the transactions, which is why this is a common choice there.' : ' Use 1 for full durability (the default), especially on a replication source.';
    const fixes: Fix[] = [fix('Set innodb_flush_log_at_trx_commit = 1 (durable)', false, replaceValueEdit(o, '1'))];
    ctx.report({ input: o.source, range: o.valueRange ?? o.nameRange, message: msg, severity: f.galera ? 'info' : undefined, fixes });
  },
});
