import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { VagrantModel } from '../model';
import { apiVersion, scopeOf } from '../helpers';

/** Deprecated names Vagrant maps one-to-one onto new ones, per owner. */
const RENAMES: Record<string, Record<string, string>> = {
  'provisioner:ansible': { sudo: 'become', sudo_user: 'become_user', ask_sudo_pass: 'ask_become_pass' },
  'provisioner:ansible_local': { sudo: 'become', sudo_user: 'become_user' },
  'provider:hyperv': { differencing_disk: 'linked_clone' },
};

/**
 * Settings Vagrant still accepts but has deprecated in favour of a new name with the same meaning (Ansible's
 * sudo/sudo_user → become/become_user, Hyper-V's differencing_disk → linked_clone). The rename is a safe fix.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT030', name: 'setting-deprecated', kind: 'vagrantfile', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    const report = (range: Range, owner: string, from: string, to: string) =>
      ctx.report({
        range,
        message: `${owner} "${from}" is deprecated; "${to}" means the same and is what Vagrant documents now.`,
        fixes: [{ title: `Rename to ${to}`, safe: true, edits: [{ range, newText: to }] }],
      });
    for (const c of m.calls) {
      if (apiVersion(scopeOf(c)) === 1) continue;
      const t = c.target;
      const key = t.type === 'provider' ? `provider:${t.provider.provider}` : t.type === 'provisioner' ? `provisioner:${t.provision.type}` : undefined;
      const to = key ? RENAMES[key]?.[c.name] : undefined;
      if (to) report(c.nameRange, t.type === 'provider' ? `The ${t.provider.provider} provider setting` : `The ${key!.slice(12)} setting`, c.name, to);
    }
    for (const p of m.provisions) {
      if (!p.type || apiVersion(p.scope) === 1) continue;
      const table = RENAMES[`provisioner:${p.type}`];
      if (!table) continue;
      for (const k of p.call.kwargs) if (table[k.name]) report(k.nameRange, `The ${p.type} option`, k.name, table[k.name]);
    }
  },
});
