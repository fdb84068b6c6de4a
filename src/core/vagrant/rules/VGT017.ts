import { defineRule } from '../../rule';
import type { Value, VagrantModel } from '../model';
import { apiVersion, scopeOf } from '../helpers';
import { SECRET_SETTINGS, placeholderSecret } from '../tables';

/**
 * A password, token or access key written into the Vagrantfile: it lands in version control and in every copy
 * of the project. The well-known "vagrant" password of base boxes is not a secret and is not reported.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT017', name: 'credentials-in-vagrantfile', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const check = (v: Value | undefined, label: string, key: string, always = false) => {
      if (!v || v.kind !== 'string') return;
      // SMB credentials are the host user's own login: never a placeholder worth excusing, unless empty.
      if (always ? !v.value.trim() : placeholderSecret(v.value, key)) return;
      const at = v.via ? ` (through ${v.via.name})` : '';
      ctx.report({
        range: v.range,
        message: `${label} is written into the Vagrantfile${at}, so it ends up in version control and in every copy of the project. Read it from the environment (ENV["..."]) or a file kept out of the repository.`,
        related: v.via ? [{ message: `${v.via.name} is assigned here`, range: v.via.definition }] : undefined,
      });
    };
    for (const c of m.calls) {
      if (apiVersion(scopeOf(c)) === 1) continue;
      const t = c.target;
      if (t.type === 'namespace') {
        if (c.assignment && SECRET_SETTINGS[t.namespace]?.has(c.name)) check(c.value, `${t.namespace}.${c.name}`, c.name);
        if (t.namespace === 'vm' && c.name === 'synced_folder') {
          for (const k of c.kwargs) if (SECRET_SETTINGS['kwargs:synced_folder'].has(k.name)) check(k.value, k.name === 'smb_password' ? `The SMB password of a host account (smb_password)` : `The synced folder's ${k.name}`, k.name, k.name === 'smb_password');
        }
      } else if (t.type === 'provider' && t.provider.provider && c.assignment) {
        if (SECRET_SETTINGS[`provider:${t.provider.provider}`]?.has(c.name)) check(c.value, `The ${t.provider.provider} provider's ${c.name}`, c.name);
      }
    }
  },
});
