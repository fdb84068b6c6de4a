import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';

/** plugin-load-add before a later plugin-load: plugin-load resets the list, so the earlier plugin is not loaded. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC052', name: 'plugin-load-add-overridden', kind: 'mycnf', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const opts = m.server.options;
    let lastLoad = -1;
    for (let i = opts.length - 1; i >= 0; i--) if (opts[i].key === 'plugin_load') {
      lastLoad = i;
      break;
    }
    if (lastLoad < 0) return;
    const load = opts[lastLoad];
    const src = m.sources[load.source];
    for (let i = 0; i < lastLoad; i++) {
      const o = opts[i];
      if (o.key !== 'plugin_load_add') continue;
      ctx.report({
        input: o.source,
        range: o.nameRange,
        message: `${o.text}=${o.value} comes before ${load.text} (line ${load.line + 1}${src.main ? '' : ` of ${src.path}`}), which replaces the whole list of plugins to load: ${o.value} is not loaded. Put plugin-load first, or use only plugin-load-add.`,
        related: [{ message: 'the plugin-load that resets the list', range: load.range, ...(src.main ? {} : { file: src.path }) }],
      });
    }
  },
});
