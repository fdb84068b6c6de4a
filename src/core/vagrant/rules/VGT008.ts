import { defineRule } from '../../rule';
import { didYouMean } from '../../text';
import type { VagrantModel } from '../model';
import { apiVersion } from '../helpers';
import { PROVISIONER_SETTINGS } from '../known-settings';
import { PLUGIN_PROVISIONERS } from '../tables';

/**
 * `config.vm.provision "shel"`: Vagrant refuses to start ("The 'shel' provisioner could not be found").
 * Reported only when the type is one edit or two away from a provisioner Vagrant ships (plugins add others).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT008', name: 'provisioner-type-unknown', kind: 'vagrantfile', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    const known = new Set([...PROVISIONER_SETTINGS.keys(), ...PLUGIN_PROVISIONERS]);
    for (const p of m.provisions) {
      const type = p.type;
      if (!type || known.has(type) || apiVersion(p.scope) === 1) continue;
      const close = didYouMean(type, PROVISIONER_SETTINGS.keys(), type.length <= 5 ? 1 : 2);
      if (close.length !== 1) continue;
      const v = p.typeValue;
      const quoted = v.kind === 'symbol' ? `:${close[0]}` : `"${close[0]}"`;
      ctx.report({
        range: v.range,
        message: `There is no "${type}" provisioner (did you mean "${close[0]}"?); Vagrant stops with "The '${type}' provisioner could not be found".`,
        fixes: v.kind === 'string' || v.kind === 'symbol' ? [{ title: `Change to ${quoted}`, safe: false, edits: [{ range: v.range, newText: quoted }] }] : undefined,
      });
    }
  },
});
