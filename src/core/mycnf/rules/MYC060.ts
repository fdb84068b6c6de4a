import { compareVersions } from '../groups';
import { facts, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { setValueFix } from '../report';
import { formatSize, humanSize } from '../values';

const GIB = 1024 ** 3;

/** innodb_buffer_pool_size not a multiple of chunk size × instances: the server rounds it up. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC060', name: 'buffer-pool-size-rounded', kind: 'mycnf', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    const o = m.server.get('innodb_buffer_pool_size');
    const pool = num(m, 'innodb_buffer_pool_size');
    if (!o || pool === undefined || pool <= 0) return;
    const chunk = num(m, 'innodb_buffer_pool_chunk_size') ?? 128 * 1024 ** 2;
    if (chunk <= 0) return;
    let instances = num(m, 'innodb_buffer_pool_instances');
    if (f.flavor === 'mariadb') instances = 1;
    else if (instances === undefined) {
      if (pool < GIB) instances = 1;
      else if (compareVersions(f.series, '8.4') < 0) instances = 8;
      else return; // 8.4 derives the count from the CPUs
    }
    // MariaDB 10.11 sizes in chunks only when the chunk size is set
    if (f.flavor === 'mariadb' && !m.server.get('innodb_buffer_pool_chunk_size')) return;
    const unit = chunk * instances;
    // a pool smaller than one chunk per instance shrinks the chunk instead
    if (pool < unit || pool % unit === 0) return;
    const up = Math.ceil(pool / unit) * unit;
    ctx.report({
      input: o.source,
      range: o.valueRange!,
      message: `The buffer pool is allocated in chunks of innodb_buffer_pool_chunk_size × innodb_buffer_pool_instances (${humanSize(chunk)} × ${instances} = ${humanSize(unit)}), so ${o.rawValue} becomes ${humanSize(up)}: ${humanSize(up - pool)} more memory than written.`,
      fixes: setValueFix(o, formatSize(up), `Write ${formatSize(up)}`),
    });
  },
});
