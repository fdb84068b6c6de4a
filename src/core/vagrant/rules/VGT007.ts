import { defineRule } from '../../rule';
import { didYouMean } from '../../text';
import type { VagrantModel } from '../model';
import { apiVersion } from '../helpers';
import { KNOWN_PROVIDERS, PROVIDER_MISTAKES } from '../tables';

/**
 * `config.vm.provider "virtualbx"`: Vagrant skips blocks of providers that are not installed, on purpose (so one
 * file can carry several providers), which means a misspelt name is skipped too, without a word. Reported only
 * for names that are close to a known provider or a known mistake (plugins add providers all the time).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT007', name: 'provider-name-unknown', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    for (const p of m.providers) {
      const name = p.provider;
      if (!name || KNOWN_PROVIDERS.has(name) || apiVersion(p.scope) === 1) continue;
      const meant = PROVIDER_MISTAKES[name] ?? (() => {
        const close = didYouMean(name, KNOWN_PROVIDERS, name.length <= 5 ? 1 : 2);
        return close.length === 1 ? close[0] : undefined;
      })();
      if (!meant) continue;
      const v = p.name;
      const quoted = v.kind === 'symbol' ? `:${meant}` : `"${meant}"`;
      ctx.report({
        range: v.range,
        message: `There is no provider named "${name}" (did you mean "${meant}"?). Vagrant silently skips provider blocks it has no provider for, so these settings never apply.`,
        fixes: v.kind === 'string' || v.kind === 'symbol' ? [{ title: `Change to ${quoted}`, safe: false, edits: [{ range: v.range, newText: quoted }] }] : undefined,
      });
    }
  },
});
