import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { KeywordArg, SettingCall, Value, VagrantModel } from '../model';
import { apiVersion, scopeOf, str } from '../helpers';
import { BOOLEAN_SETTINGS } from '../tables';

const FALSY = /^(?:false|no|off|0|n)$/i;
const TRUTHY = /^(?:true|yes|on|1|y)$/i;

/**
 * A boolean setting given a string: `config.ssh.insert_key = "false"`. Every string is true in Ruby, so "false"
 * turns the setting on — the opposite of what was written (hashicorp/vagrant#11714). "true" works by accident.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT010', name: 'boolean-as-string', kind: 'vagrantfile', severity: 'error', fix: 'safe' },
  check(m, ctx) {
    const check = (value: Value, setting: string, range: Range) => {
      if (value.kind !== 'string' || value.via) return;
      const s = value.value.trim();
      if (FALSY.test(s)) {
        ctx.report({
          range,
          message: `${setting} is given the string "${value.value}", and every string counts as true in Ruby: this turns the setting ON. Write false without quotes.`,
          fixes: [{ title: 'Use the boolean false', safe: false, edits: [{ range: value.range, newText: 'false' }] }],
        });
      } else if (TRUTHY.test(s)) {
        ctx.report({
          range,
          severity: 'warning',
          message: `${setting} is given the string "${value.value}"; it only works because every string counts as true in Ruby (and "false" would too). Write true without quotes.`,
          fixes: [{ title: 'Use the boolean true', safe: true, edits: [{ range: value.range, newText: 'true' }] }],
        });
      }
    };
    const assigned = (c: SettingCall, table: string, label: string) => {
      if (c.assignment && BOOLEAN_SETTINGS[table]?.has(c.name)) check(c.value!, label, c.value!.range);
    };
    const options = (kwargs: KeywordArg[], table: string, label: string) => {
      for (const k of kwargs) if (BOOLEAN_SETTINGS[table]?.has(k.name)) check(k.value, `${label} ${k.name}:`, k.value.range);
    };
    for (const c of m.calls) {
      if (apiVersion(scopeOf(c)) === 1) continue;
      const t = c.target;
      if (t.type === 'namespace') {
        assigned(c, t.namespace, `${t.namespace}.${c.name}`);
        if (t.namespace === 'vm' && !c.assignment) {
          if (c.name === 'network') {
            const type = str(c.args[0]);
            if (type) options(c.kwargs, `kwargs:${type}`, type);
          } else if (c.name === 'synced_folder') options(c.kwargs, 'kwargs:synced_folder', 'synced_folder');
          else if (c.name === 'define') options(c.kwargs, 'kwargs:define', 'define');
        }
      } else if (t.type === 'provider' && t.provider.provider) {
        assigned(c, `provider:${t.provider.provider}`, `${t.provider.provider}.${c.name}`);
      } else if (t.type === 'provisioner' && t.provision.type) {
        assigned(c, `provisioner:${t.provision.type}`, `${t.provision.type} ${c.name}`);
      }
    }
    for (const p of m.provisions) {
      if (p.type && apiVersion(p.scope) !== 1) options(p.call.kwargs, `provisioner:${p.type}`, `${p.type} provisioner`);
    }
  },
});
