import { defineRule } from '../../rule';
import type { Fix, Range } from '../../finding';
import { didYouMean } from '../../text';
import type { KeywordArg, SettingCall, VagrantModel } from '../model';
import { apiVersion, scopeOf, str } from '../helpers';
import { PROVIDER_SETTINGS, PROVISIONER_SETTINGS, ROOT_SETTINGS, V1_ROOT_SETTINGS } from '../known-settings';
import { DEFINE_OPTIONS, NETWORK_OPTIONS, UNVALIDATED_NAMESPACES, PLUGIN_NAMESPACES, PROVISION_COMMON_OPTIONS, SYNCED_FOLDER_OPTIONS, V1_SETTINGS } from '../tables';

/** Methods every Ruby object (and every Vagrant config object) answers; calling them is not a setting. */
const OBJECT_METHODS = new Set([
  'send', 'public_send', '__send__', 'respond_to?', 'instance_variable_get', 'instance_variable_set', 'instance_variables',
  'is_a?', 'kind_of?', 'nil?', 'class', 'tap', 'then', 'dup', 'clone', 'freeze', 'frozen?', 'to_s', 'inspect', 'to_json',
  'to_h', 'hash', 'object_id', 'method', 'methods', 'merge', 'finalize!', 'validate', 'set_options', 'instance_eval',
  'instance_exec', 'define_singleton_method', 'extend', 'equal?', 'eql?', '==', '!=', '!',
]);

/** Internal methods of the config classes: valid to call, never worth suggesting. */
const INTERNAL = /^(?:presence|present\?|validate_base|args_valid\?|remote\?|get_provider_config|get_provider_overrides|defined_vm_keys|defined_vms|networks|synced_folders|provisioners|disks|cloud_init_configs|customizations|network_adapters|default|after_triggers|before_triggers|create_trigger|expanded_module_paths)$/;

function suggest(name: string, known: Set<string>): string[] {
  return didYouMean(name, [...known].filter((k) => !INTERNAL.test(k)), name.length <= 4 ? 1 : name.length <= 8 ? 2 : 3);
}

function renameFix(range: Range, to: string, what: string): Fix {
  return { title: `Change to ${what}${to}`, safe: false, edits: [{ range, newText: to }] };
}

/**
 * Names Vagrant does not know: a setting of a config namespace, provider or provisioner that does not exist
 * (Vagrant refuses to start: "The following settings shouldn't exist"), a namespace one letter away from a core
 * one, and keyword options of network, synced_folder and define that are close to a real one (Vagrant ignores
 * those silently, which is worse). Lists: every setting Vagrant 2.3.4 accepts (+ later additions).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT006', name: 'unknown-setting', kind: 'vagrantfile', severity: 'error', fix: 'unsafe' },
  check(m, ctx) {
    // config.<namespace>
    for (const ns of m.namespaces) {
      if (apiVersion(ns.scope) !== 2 || ROOT_SETTINGS.has(ns.name) || PLUGIN_NAMESPACES.has(ns.name) || OBJECT_METHODS.has(ns.name)) continue;
      const close = didYouMean(ns.name, ROOT_SETTINGS.keys(), 1);
      if (close.length !== 1 || ns.name.length < 2) continue;
      ctx.report({
        range: ns.range,
        message: `Vagrant has no configuration section "${ns.name}" (did you mean "${close[0]}"?); without a plugin providing it, Vagrant stops with "Unknown configuration section".`,
        fixes: [renameFix(ns.range, close[0], 'config.')],
      });
    }

    for (const call of m.calls) {
      const scope = scopeOf(call);
      if (apiVersion(scope) === 1) {
        checkV1(call);
        continue;
      }
      if (apiVersion(scope) !== 2) continue;
      const t = call.target;
      if (t.type === 'namespace') {
        const known = ROOT_SETTINGS.get(t.namespace);
        if (known) checkName(call, known, `config.${t.namespace}.`, t.namespace, undefined, 'error', UNVALIDATED_NAMESPACES.has(t.namespace));
        if (t.namespace === 'vm' && !call.assignment) checkOptions(call);
      } else if (t.type === 'provider') {
        const p = t.provider.provider;
        const known = p ? PROVIDER_SETTINGS.get(p) : undefined;
        // vagrant-libvirt is a plugin that adds settings often; its list is the 0.11.2 one, so a miss is only a warning.
        if (known) checkName(call, known, `the ${p} provider's `, undefined, p === 'libvirt' ? 'libvirt provider (vagrant-libvirt 0.11.2)' : `${p} provider`, p === 'libvirt' ? 'warning' : 'error');
      } else {
        const type = t.provision.type;
        const known = type ? PROVISIONER_SETTINGS.get(type) : undefined;
        if (known) checkName(call, known, `the ${type} provisioner's `, undefined, `${type} provisioner`);
      }
    }

    // config.vm.provision "shell", inlin: "..."
    for (const p of m.provisions) {
      if (apiVersion(p.scope) !== 2 || !p.type) continue;
      const known = PROVISIONER_SETTINGS.get(p.type);
      if (!known) continue;
      for (const k of p.call.kwargs) {
        if (known.has(k.name) || PROVISION_COMMON_OPTIONS.has(k.name)) continue;
        const close = suggest(k.name, new Set([...known, ...PROVISION_COMMON_OPTIONS]));
        report(k.nameRange, k.name, `The ${p.type} provisioner has no option "${k.name}"`, close, 'Vagrant stops with "The following settings shouldn\'t exist".', 'error');
      }
    }

    /** A v1 config object answers only its own methods: anything else fails to load ("undefined method"). */
    function checkV1(call: SettingCall): void {
      const t = call.target;
      if (t.type !== 'namespace') return;
      const known = V1_ROOT_SETTINGS.get(t.namespace);
      const name = call.name;
      if (!known || known.has(name) || OBJECT_METHODS.has(name) || /[?!]$/.test(name) || name === '[]' || name === '[]=') return;
      const close = suggest(name, known);
      report(call.nameRange, name, `"config.${t.namespace}.${name}" is not a setting of Vagrant 1 configuration (Vagrant::Config.run)`, close, `Vagrant fails to load the file with "undefined method \`${name}${call.assignment ? '=' : ''}'".`, 'error');
    }

    function checkName(call: SettingCall, known: Set<string>, prefix: string, namespace?: string, owner?: string, severity: 'error' | 'warning' = 'error', unvalidated = false): void {
      const name = call.name;
      if (known.has(name) || known.has(`${name}=`) || OBJECT_METHODS.has(name) || /[?!]$/.test(name) || name === '[]' || name === '[]=') return;
      const v1 = namespace ? V1_SETTINGS[`${namespace}.${name}`] : undefined;
      if (v1) {
        ctx.report({
          range: call.nameRange,
          message: `${prefix}${name} is Vagrant 1 syntax, not a setting of a Vagrant.configure("2") block; use ${v1}.`,
        });
        return;
      }
      const close = suggest(name, known);
      const what = owner ? `The ${owner} has no setting "${name}"` : `"${prefix}${name}" is not a Vagrant setting`;
      if (unvalidated) {
        // Vagrant does not check this section's names: the setting is silently ignored.
        report(call.nameRange, name, what, close, `Vagrant does not check the names of config.${namespace}, so it ignores this one without a word and the setting has no effect.`, 'warning');
        return;
      }
      report(call.nameRange, name, what, close, 'Vagrant stops with "The following settings shouldn\'t exist".', severity);
    }

    function checkOptions(call: SettingCall): void {
      if (call.name === 'network') {
        const type = str(call.args[0]);
        const known = type ? NETWORK_OPTIONS[type] : undefined;
        if (known) for (const k of call.kwargs) typoOption(k, known, `${type} option`, type === 'forwarded_port' ? call : undefined);
      } else if (call.name === 'synced_folder') {
        for (const k of call.kwargs) typoOption(k, SYNCED_FOLDER_OPTIONS, 'synced_folder option');
      } else if (call.name === 'define') {
        for (const k of call.kwargs) typoOption(k, DEFINE_OPTIONS, 'define option');
      }
    }

    /** Keyword options are an open set (plugins add `provider__x` ones): only a near miss of a known one is reported. */
    function typoOption(k: KeywordArg, known: Set<string>, what: string, port?: SettingCall): void {
      if (known.has(k.name) || k.name.includes('__')) return;
      const close = didYouMean(k.name, known, k.name.length <= 4 ? 1 : 2);
      if (close.length !== 1) return;
      // A forwarded port missing its guest or host port stops Vagrant (VGT009 reports that); say why here.
      if (port && (close[0] === 'guest' || close[0] === 'host') && !port.openArgs && !port.kwargs.some((x) => x.name === close[0])) {
        report(k.nameRange, k.name, `"${k.name}" is not a ${what}`, close, `Vagrant ignores the unknown option, and without ${close[0]}: it stops with "Forwarded port definitions require a \"host\" and \"guest\" value".`, 'error');
        return;
      }
      report(k.nameRange, k.name, `"${k.name}" is not a ${what}`, close, 'Vagrant ignores unknown options without a word, so this one has no effect.', 'warning');
    }

    function report(range: Range, name: string, what: string, close: string[], consequence: string, severity: 'error' | 'warning'): void {
      const hint = close.length ? ` (did you mean "${close.join('" or "')}"?)` : '';
      ctx.report({
        range,
        severity,
        message: `${what}${hint}. ${consequence}`,
        fixes: close.length === 1 && close[0] !== name ? [renameFix(range, close[0], '')] : undefined,
      });
    }
  },
});
