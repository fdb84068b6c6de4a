import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';
import { matchEnum } from '../values';

/** The query cache switched on (MySQL 5.7, MariaDB): one global lock on every query and every write. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC061', name: 'query-cache-enabled', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['query_cache_size-1'] },
  check(m, ctx) {
    const f = facts(m);
    const type = m.server.get('query_cache_type');
    if (!type?.hasValue || type.info?.removed !== undefined) return;
    const v = matchEnum(type.value ?? '', ['OFF', 'ON', 'DEMAND'])?.value;
    if (v !== 'ON' && v !== 'DEMAND') return;
    const size = m.server.get('query_cache_size');
    const n = num(m, 'query_cache_size');
    if (size && n === 0) return;
    ctx.report({
      input: type.source,
      range: type.valueRange!,
      message: `query_cache_type=${type.value} turns the query cache on: every query and every write to a cached table goes through one global lock, which caps throughput on multi-core servers, and every write invalidates the cached results of its tables. MySQL removed the query cache in 8.0${f.galera ? '; older Galera releases do not support it at all' : ''}. Cache in the application or a proxy instead.`,
      severity: f.galera ? 'error' : undefined,
      fixes: setValueFix(type, 'OFF'),
    });
  },
});
