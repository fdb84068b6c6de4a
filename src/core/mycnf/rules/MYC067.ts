import { num, numOr } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { humanSize } from '../values';

const LIMITS: [string, number, string][] = [
  ['sort_buffer_size', 4 * 1024 ** 2, 'each sort'],
  ['join_buffer_size', 4 * 1024 ** 2, 'each join without an index, per table'],
  ['read_buffer_size', 8 * 1024 ** 2, 'each sequential scan'],
  ['read_rnd_buffer_size', 8 * 1024 ** 2, 'each sorted read'],
];

/** Per-connection buffers set large: allocated for every session that needs them, all at once. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC067', name: 'per-thread-buffer-large', kind: 'mycnf', severity: 'info', fix: 'none', aliases: ['sort_buffer_size-2', 'read_buffer_size-2', 'read_rnd_buffer_size-2'] },
  check(m, ctx) {
    const conns = numOr(m, 'max_connections', 151);
    for (const [k, limit, per] of LIMITS) {
      const o = m.server.get(k);
      const n = num(m, k);
      if (!o || n === undefined || n <= limit) continue;
      ctx.report({
        input: o.source,
        range: o.valueRange!,
        message: `${k}=${humanSize(n)} is allocated for ${per}, in every connection that needs it: with ${conns} connections that can reach ${humanSize(n * conns)}. Large values rarely help (the server allocates and clears the whole buffer even for small work) and risk running out of memory under load. Raise it per session for the queries that need it.`,
      });
    }
  },
});
