import { facts } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';

const NOT_TRANSACTIONAL = new Set(['MYISAM', 'MEMORY', 'HEAP', 'ARCHIVE', 'CSV', 'BLACKHOLE', 'MERGE', 'MRG_MYISAM', 'ARIA', 'FEDERATED', 'FEDERATEDX']);

/** A default storage engine other than InnoDB: the seed's "stay with InnoDB". */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC034', name: 'storage-engine-not-innodb', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    for (const key of ['default_storage_engine', 'storage_engine', 'enforce_storage_engine']) {
      const o = m.server.get(key);
      if (!o?.hasValue || !o.valueRange) continue;
      const v = (o.value ?? '').trim().toUpperCase();
      if (!v || v === 'INNODB' || v === 'XTRADB' || v.startsWith('NDB')) continue;
      const crashUnsafe = NOT_TRANSACTIONAL.has(v);
      let msg = crashUnsafe
        ? `${o.text}=${o.value}: new tables get an engine without transactions or crash recovery${v === 'MEMORY' || v === 'HEAP' ? ' (and MEMORY tables lose all rows at every restart)' : ''}. A crash can leave them half-written and replicas out of step; InnoDB recovers by itself from its redo log.`
        : `${o.text}=${o.value}: new tables get ${o.value} instead of InnoDB, the engine with the widest support for replication, backups and crash recovery. Keep it only if this server is deliberately built around ${o.value}.`;
      if (f.galera) msg = `Galera replicates only InnoDB tables: with ${o.text}=${o.value}, writes to new tables are not replicated to the other nodes. ${msg}`;
      ctx.report({
        input: o.source,
        range: o.valueRange,
        message: msg,
        severity: f.galera ? 'error' : crashUnsafe ? undefined : 'info',
        fixes: setValueFix(o, 'InnoDB'),
      });
    }
  },
});
