import { facts } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { defineRule } from '../../rule';
import { fix, insertLineBefore, optionLine } from '../report';

/**
 * Plugins that ship as loadable libraries in community builds and are loaded on demand. Others are built in
 * (ndbcluster in NDB builds), Enterprise-only (audit_log, thread_pool, firewall, LDAP...), loaded early
 * (keyring) or components: we cannot tell whether they are there, so we stay silent about them.
 */
const LOADABLE = new Set([
  'group_replication',
  'mysql_clone',
  'connection_control',
  'rewriter',
  'ddl_rewriter',
  'validate_password',
  'version_tokens',
  'server_audit',
  'query_response_time',
  'sql_errlog',
  'simple_password_check',
  'password_reuse_check',
  'file_key_management',
  'disks',
  'metadata_lock_info',
  'locales',
  'query_cache_info',
  'wsrep_info',
]);

/** Options of a plugin (other than semisync, see MYC033) that nothing in the configuration loads. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC070', name: 'plugin-not-loaded', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    if (f.partial) return;
    const first = new Map<string, CnfOption>();
    for (const o of m.server.options) {
      const p = o.info?.plugin;
      if (!p || !LOADABLE.has(p) || o.prefixes.includes('loose') || o.prefixes.includes('maximum')) continue;
      if (f.plugins.has(p) || f.plugins.has(p.replace(/^ha_/, ''))) continue;
      if (!first.has(p)) first.set(p, o);
    }
    for (const [p, o] of first) {
      const ext = m.sources[0].path?.toLowerCase().endsWith('.ini') ? 'dll' : 'so';
      ctx.report({
        input: o.source,
        range: o.baseRange,
        message: `${o.name} belongs to the ${p} plugin, which nothing in this configuration loads: unless it was installed with INSTALL PLUGIN, the server does not know the option and refuses to start (always on a fresh data directory). Load it with plugin_load_add=${p}.${ext}, or prefix the option with loose-.`,
        fixes: o.source === 0 ? [fix(`Load the plugin: plugin_load_add = ${p}.${ext}`, false, insertLineBefore(o.line, optionLine(m, 'plugin_load_add', `${p}.${ext}`)))] : undefined,
      });
    }
  },
});
