import { facts } from '../facts';
import type { CnfOption, MycnfModel } from '../model';
import { defineRule } from '../../rule';
import { fix, insertLineBefore, optionLine } from '../report';

const FAMILY = /^rpl_semi_sync_(source|replica|master|slave)_/;

/** rpl_semi_sync_* options without the semisync plugin loaded: unknown to MySQL until the plugin is there. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC033', name: 'semisync-plugin-not-loaded', kind: 'mycnf', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const f = facts(m);
    // MariaDB has semi-synchronous replication built in since 10.3.3.
    if (f.flavor !== 'mysql') return;
    const firstByLib = new Map<string, CnfOption>();
    for (const o of m.options) {
      const inServer = o.group ? o.group.role === 'server' : m.fragment && o.source === 0;
      if (!inServer || o.prefixes.includes('maximum')) continue;
      const fm = FAMILY.exec(o.name);
      if (!fm) continue;
      const lib = { source: 'semisync_source', replica: 'semisync_replica', master: 'semisync_master', slave: 'semisync_slave' }[fm[1]]!;
      if (f.plugins.has(lib)) continue;
      if (!firstByLib.has(lib)) firstByLib.set(lib, o);
    }
    if (!firstByLib.size || f.partial) return;
    for (const [lib, o] of firstByLib) {
      const loose = o.prefixes.includes('loose');
      const other = lib === 'semisync_source' ? 'semisync_master' : lib === 'semisync_replica' ? 'semisync_slave' : lib === 'semisync_master' ? 'semisync_source' : 'semisync_replica';
      const mismatch = f.plugins.has(other) ? ` The file loads ${other}, whose variables have the other names (rpl_semi_sync_${other.slice(9)}_*).` : '';
      const msg = loose
        ? `The ${lib} plugin is not loaded in this configuration, and the loose- prefix makes the server ignore ${o.text} without a word when the plugin is missing: semi-synchronous replication then silently stays off. Load it with plugin-load-add=${lib}.so (unless it was installed with INSTALL PLUGIN).${mismatch}`
        : `${o.name} exists only once the ${lib} plugin is loaded. Nothing in this configuration loads it, so unless it was installed with INSTALL PLUGIN the server refuses to start ("unknown variable"), and it always does on a fresh data directory (--initialize).${mismatch}`;
      const edit = o.source === 0 ? insertLineBefore(o.line, optionLine(m, 'plugin_load_add', `${lib}.so`)) : undefined;
      ctx.report({
        input: o.source,
        range: o.baseRange,
        message: msg,
        severity: loose ? 'info' : undefined,
        fixes: edit ? [fix(`Load the plugin: plugin_load_add = ${lib}.so`, false, edit)] : undefined,
      });
    }
  },
});
