/**
 * Completion for Vagrantfiles: after `config.` the namespaces, after `config.vm.` (or `node.ssh.` ...) the settings
 * of that namespace, and after `vb.` inside a provider or provisioner block that object's settings. Names come from
 * the settings Vagrant accepts (known-settings.ts); descriptions from the hover reference.
 */
import { containsPosition, type Position } from '../finding';
import type { CompletionInfo } from '../language';
import { knowledgeBase } from '../knowledge/index';
import type { VagrantModel } from './model';
import type { VagrantGroup, VagrantReference } from './reference-schema';
import { PROVIDER_SETTINGS, PROVISIONER_SETTINGS, ROOT_SETTINGS } from './known-settings';

/** Methods of the config classes that are internal plumbing, not settings. */
const INTERNAL = /^(?:presence|present\?|validate_base|args_valid\?|remote\?|get_provider_config|get_provider_overrides|defined_vm_keys|defined_vms|networks|synced_folders|provisioners|disks|cloud_init_configs|customizations|network_adapters|default|after_triggers|before_triggers|create_trigger|expanded_module_paths|format_plugins|cpuaffinitiy|cputopology|memorybacking|qemuargs|qemuenv|clone|host_name|scoped_hash_override|synced_folders_diff|save_synced_folders|impl_opts)$/;

function reference(): VagrantReference | undefined {
  try {
    return knowledgeBase().reference.vagrantfile as VagrantReference;
  } catch {
    return undefined;
  }
}

function items(names: Iterable<string>, group: VagrantGroup | undefined, range: CompletionInfo['range']): CompletionInfo[] {
  const out: CompletionInfo[] = [];
  for (const name of [...names].sort()) {
    if (INTERNAL.test(name)) continue;
    const s = group?.settings[name];
    out.push({
      label: name,
      kind: 'option',
      detail: s?.type,
      documentation: s ? `${s.summary}${s.default ? `\n\nDefault: ${s.default}` : ''}` : undefined,
      range,
    });
  }
  // documented ones first
  return out.sort((a, b) => Number(!!b.documentation) - Number(!!a.documentation) || a.label.localeCompare(b.label));
}

export function vagrantCompletions(model: VagrantModel, position: Position): CompletionInfo[] {
  const line = model.lines.line(position.line).slice(0, position.character);
  const ref = reference();
  const partial = /([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.(\w*)$/.exec(line) ?? /([A-Za-z_]\w*)\.(\w*)$/.exec(line);
  if (!partial) return [];
  const word = partial[partial.length - 1];
  const range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const configVars = new Set(['config', ...model.namespaces.map((n) => n.receiver)]);

  if (partial.length === 4) {
    const [, recv, ns] = partial;
    const known = ROOT_SETTINGS.get(ns);
    if (configVars.has(recv) && known) return items(known, ref?.namespaces[ns], range);
    return [];
  }
  const recv = partial[1];
  for (const p of [...model.providers].reverse()) {
    if (p.param === recv && p.provider && p.blockRange && containsPosition(p.blockRange, position)) {
      const known = PROVIDER_SETTINGS.get(p.provider);
      const group = ref?.providers[p.provider];
      return known ? items(known, group, range) : group ? items(Object.keys(group.settings), group, range) : [];
    }
  }
  for (const p of [...model.provisions].reverse()) {
    if (p.param === recv && p.type && p.blockRange && containsPosition(p.blockRange, position)) {
      const known = PROVISIONER_SETTINGS.get(p.type);
      return known ? items(known, ref?.provisioners[p.type], range) : [];
    }
  }
  if (configVars.has(recv)) {
    return [...ROOT_SETTINGS.keys()].sort().map((ns) => {
      const g = ref?.namespaces[ns];
      return { label: ns, kind: 'keyword' as const, detail: g?.title, documentation: g?.summary, range };
    });
  }
  return [];
}
