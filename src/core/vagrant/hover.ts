/**
 * Hover for Vagrantfiles: the setting, option, network type, provider or provisioner under the cursor, explained
 * from the reference in data/reference/vagrant (built into kb.json).
 */
import { containsPosition, type Position, type Range } from '../finding';
import type { HoverInfo } from '../language';
import { knowledgeBase } from '../knowledge/index';
import type { SettingCall, Value, VagrantModel } from './model';
import type { VagrantGroup, VagrantReference, VagrantSetting } from './reference-schema';
import { str } from './helpers';

function reference(): VagrantReference | undefined {
  return knowledgeBase().reference.vagrantfile as VagrantReference | undefined;
}

function settingMarkdown(title: string, s: VagrantSetting, docs?: string): string {
  const out: string[] = [`**${title}**${s.type ? ` — ${s.type}` : ''}`, '', s.summary];
  const facts: string[] = [];
  if (s.default) facts.push(`Default: ${s.default}`);
  if (s.values?.length) facts.push(`Values: ${s.values.map((v) => `\`${v}\``).join(', ')}`);
  if (s.since) facts.push(`Since ${s.since}`);
  if (s.deprecated) facts.push(`Deprecated: use \`${s.deprecated}\``);
  if (facts.length) out.push('', facts.join(' · '));
  if (s.details) out.push('', s.details.trim());
  if (s.advice) out.push('', `**Advice:** ${s.advice.trim()}`);
  if (s.rules?.length) out.push('', `Checked by ${s.rules.join(', ')}.`);
  if (docs) out.push('', `[Vagrant documentation](${docs})`);
  return out.join('\n');
}

function groupMarkdown(g: VagrantGroup): string {
  const out: string[] = [`**${g.title}**`, '', g.summary];
  if (g.details) out.push('', g.details.trim());
  const names = Object.keys(g.settings);
  if (names.length) out.push('', `Settings: ${names.map((n) => `\`${n}\``).join(', ')}`);
  out.push('', `[Vagrant documentation](${g.docs})`);
  return out.join('\n');
}

const literal = (v: Value | undefined): string | undefined => str(v);

/** The reference entry for what is at `position`, if any. */
export function vagrantHover(model: VagrantModel, position: Position): HoverInfo | undefined {
  const ref = reference();
  if (!ref) return undefined;
  const at = (r: Range | undefined) => !!r && containsPosition(r, position);
  const hit = (markdown: string | undefined, range: Range): HoverInfo | undefined => (markdown ? { markdown, range } : undefined);

  for (const c of model.configures) {
    if (at(c.callRange) && ref.toplevel.configure) return hit(settingMarkdown('Vagrant.configure', ref.toplevel.configure), c.callRange);
  }

  for (const v of model.vagrantCalls) {
    const s = ref.toplevel[v.name];
    if (s && at(v.range)) return hit(settingMarkdown(`Vagrant.${v.name}`, s), v.range);
  }

  for (const call of model.calls) {
    if (!at(call.range) && !call.kwargs.some((k) => at(k.range))) continue;
    const found = hoverInCall(ref, call, position);
    if (found) return found;
  }

  for (const ns of model.namespaces) {
    const g = ref.namespaces[ns.name];
    if (g && at(ns.range)) return hit(groupMarkdown(g), ns.range);
  }
  return undefined;
}

function hoverInCall(ref: VagrantReference, call: SettingCall, position: Position): HoverInfo | undefined {
  const at = (r: Range | undefined) => !!r && containsPosition(r, position);
  const t = call.target;

  // the namespace word of `config.vm.box`
  if (t.type === 'namespace' && at(t.namespaceRange)) {
    const g = ref.namespaces[t.namespace];
    return g ? { markdown: groupMarkdown(g), range: t.namespaceRange } : undefined;
  }

  // the setting or method name
  if (at(call.nameRange)) {
    let title: string | undefined;
    let s: VagrantSetting | undefined;
    let docs: string | undefined;
    if (t.type === 'namespace') {
      const g = ref.namespaces[t.namespace];
      s = g?.settings[call.name];
      title = `config.${t.namespace}.${call.name}`;
      docs = g?.docs;
    } else if (t.type === 'provider' && t.provider.provider) {
      const g = ref.providers[t.provider.provider];
      s = g?.settings[call.name];
      title = `${t.provider.provider} provider: ${call.name}`;
      docs = g?.docs;
    } else if (t.type === 'provisioner' && t.provision.type) {
      const g = ref.provisioners[t.provision.type];
      s = g?.settings[call.name] ?? ref.calls.provision?.settings[call.name];
      title = `${t.provision.type} provisioner: ${call.name}`;
      docs = g?.docs;
    }
    return s && title ? { markdown: settingMarkdown(title, s, docs), range: call.nameRange } : undefined;
  }

  if (t.type !== 'namespace' || t.namespace !== 'vm' || call.assignment) return undefined;

  // the first argument: a network type, a provider name, a provisioner type
  const first = call.args[0];
  if (first && at(first.range)) {
    const name = literal(first);
    if (!name) return undefined;
    let g: VagrantGroup | undefined;
    if (call.name === 'network') g = ref.networks[name];
    else if (call.name === 'provider') g = ref.providers[name.toLowerCase()];
    else if (call.name === 'provision') {
      const typeKw = call.kwargs.find((k) => k.name === 'type');
      g = ref.provisioners[(typeKw ? literal(typeKw.value) : name) ?? ''];
    }
    return g ? { markdown: groupMarkdown(g), range: first.range } : undefined;
  }

  // keyword options
  for (const k of call.kwargs) {
    if (!at(k.nameRange) && !(k.name === 'type' && at(k.value.range))) continue;
    let s: VagrantSetting | undefined;
    let title = `${call.name} option: ${k.name}`;
    let docs: string | undefined;
    if (call.name === 'network') {
      const g = ref.networks[literal(first) ?? ''];
      s = g?.settings[k.name];
      title = `${literal(first) ?? 'network'} option: ${k.name}`;
      docs = g?.docs;
    } else if (call.name === 'synced_folder' || call.name === 'define') {
      const g = ref.calls[call.name];
      s = g?.settings[k.name];
      docs = g?.docs;
    } else if (call.name === 'provision') {
      const opened = call.opened && 'typeValue' in call.opened ? call.opened : undefined;
      const type = opened?.type;
      if (k.name === 'type' && at(k.value.range) && type) {
        const g = ref.provisioners[type];
        return g ? { markdown: groupMarkdown(g), range: k.value.range } : undefined;
      }
      const g = type ? ref.provisioners[type] : undefined;
      s = g?.settings[k.name] ?? ref.calls.provision?.settings[k.name];
      title = `${type ?? 'provisioner'} option: ${k.name}`;
      docs = g?.settings[k.name] ? g.docs : ref.calls.provision?.docs;
    }
    return s ? { markdown: settingMarkdown(title, s, docs), range: k.nameRange } : undefined;
  }
  return undefined;
}
