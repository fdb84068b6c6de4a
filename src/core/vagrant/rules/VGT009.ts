import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { Value, VagrantModel } from '../model';
import { apiVersion, kwarg, namespaceCalls, provisionOption, scopeOf, settingsVisibleFrom, str } from '../helpers';

const NETWORK_TYPES = new Set(['forwarded_port', 'private_network', 'public_network']);
const RUN_VALUES = new Set(['once', 'always', 'never']);
const CHECKSUM_TYPES = new Set(['md5', 'sha1', 'sha256', 'sha384', 'sha512']);
const WINRM_TRANSPORTS = new Set(['negotiate', 'ssl', 'plaintext', 'kerberos']);
const COMPATIBILITY_MODES = new Set(['auto', '1.8', '2.0']);
/** One constraint of a box version requirement, as RubyGems' Gem::Requirement reads it. */
const VERSION_CONSTRAINT = /^\s*(?:(?:=|!=|>|<|>=|<=|~>)\s*)?\d+(?:\.[0-9A-Za-z]+)*\s*$/;
const HOSTNAME = /^[a-z0-9][-.a-z0-9]*$/i;

/**
 * Values Vagrant rejects (or silently misreads): an API version other than "1"/"2", a network type that does not
 * exist, ports outside 1–65535, protocols, provisioner `run:` values, checksum types, WinRM transports, hostnames,
 * machine names with brackets or slashes, malformed box_version constraints, an empty box, relative guest paths,
 * Ansible compatibility modes, and provisioners missing what they require. Only literal values are checked.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT009', name: 'setting-value-invalid', kind: 'vagrantfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const bad = (range: Range, message: string) => ctx.report({ range, message });

    for (const c of m.configures) {
      const v = c.version;
      const text = v.kind === 'string' ? v.value : v.kind === 'integer' ? String(v.value) : undefined;
      if (text !== undefined && text.trim() !== '1' && text.trim() !== '2') {
        bad(v.range, `Vagrant.configure knows only the configuration versions "1" and "2", not "${text}"; Vagrant fails to load the file.`);
      }
    }

    for (const call of namespaceCalls(m, 'vm')) {
      const scope = scopeOf(call);
      if (apiVersion(scope) === 1) continue;
      if (call.name === 'network' && !call.assignment) {
        const typeValue = call.args[0];
        const type = str(typeValue);
        if (type !== undefined && !NETWORK_TYPES.has(type)) {
          const hint = type === 'bridged' ? ' (a bridged network is "public_network")' : type === 'hostonly' ? ' (a host-only network is "private_network")' : '';
          bad(typeValue.range, `Network type "${type}" does not exist${hint}; use "forwarded_port", "private_network" or "public_network".`);
        }
        if (type === 'forwarded_port') {
          const missing = ['guest', 'host'].filter((key) => !kwarg(call, key));
          if (missing.length && !call.openArgs && !call.hasBlock) {
            bad(typeValue.range, `A forwarded port needs both guest: and host:, and this one has no ${missing.join(': or ')}:; Vagrant stops with "Forwarded port definitions require a \"host\" and \"guest\" value".`);
          }
          for (const key of ['guest', 'host']) {
            const k = kwarg(call, key);
            const port = k ? portOf(k.value) : undefined;
            if (k && port !== undefined && (port < 1 || port > 65535)) bad(k.value.range, `The ${key} port must be between 1 and 65535.`);
          }
          const proto = kwarg(call, 'protocol');
          const p = proto ? str(proto.value) : undefined;
          if (proto && p !== undefined && p !== 'tcp' && p !== 'udp') bad(proto.value.range, `A forwarded port's protocol is "tcp" or "udp", not "${p}".`);
        }
      }
      if (call.name === 'synced_folder' && !call.assignment) {
        const guest = call.args[1];
        if (guest?.kind === 'string' && guest.value && !/^(?:\/|[A-Za-z]:[\\/]|\\\\|~|\$|%)/.test(guest.value)) {
          bad(guest.range, `The guest path of a synced folder must be absolute ("/${guest.value}"?); Vagrant refuses "${guest.value}".`);
        }
      }
      if (call.name === 'define' && !call.assignment) {
        const name = call.args[0];
        if (name && (name.kind === 'string' || name.kind === 'symbol') && /[[\]{}/]/.test(name.value)) {
          bad(name.range, `Machine name "${name.value}" contains [ ] { } or /, which Vagrant rejects.`);
        }
      }
      if (!call.assignment) continue;
      const v = call.value!;
      switch (call.name) {
        case 'box':
          if (v.kind === 'string' && !v.value.trim()) bad(v.range, 'The box is an empty string; Vagrant refuses to start without a box name.');
          break;
        case 'box_version':
          if (v.kind === 'string' && !v.value.split(',').every((part) => VERSION_CONSTRAINT.test(part))) {
            bad(v.range, `"${v.value}" is not a version constraint (examples: "2.0.1", "~> 2.0", ">= 2, < 3"); Vagrant aborts loading the file.`);
          }
          break;
        case 'hostname':
          if (v.kind === 'string' && v.value && !HOSTNAME.test(v.value)) {
            bad(v.range, `Hostname "${v.value}" may only contain letters, digits, hyphens and dots, and may not start with a hyphen or dot; Vagrant rejects it.`);
          }
          break;
        case 'box_download_checksum_type': {
          const t = str(v);
          if (t !== undefined && !CHECKSUM_TYPES.has(t.toLowerCase())) bad(v.range, `Checksum type "${t}" is not one of md5, sha1, sha256, sha384, sha512.`);
          break;
        }
        case 'box_download_checksum':
          if (!settingsVisibleFrom(m, scope, 'vm', 'box_download_checksum_type').length && !scope.escaped) {
            bad(call.nameRange, 'box_download_checksum needs box_download_checksum_type (for example "sha256") next to it; Vagrant refuses the checksum alone.');
          }
          break;
      }
    }

    for (const call of namespaceCalls(m, 'winrm', 'transport')) {
      const t = call.assignment ? str(call.value) : undefined;
      if (t !== undefined && !WINRM_TRANSPORTS.has(t) && apiVersion(scopeOf(call)) !== 1) {
        bad(call.value!.range, `WinRM transport "${t}" is not one of :negotiate, :ssl, :plaintext, :kerberos.`);
      }
    }

    // Provisioners with the same name are merged by Vagrant (a machine can complete a global one): leave those alone.
    const names = new Map<string, number>();
    for (const p of m.provisions) {
      const n = str(p.name);
      if (n !== undefined) names.set(n, (names.get(n) ?? 0) + 1);
    }
    for (const p of m.provisions) {
      if (apiVersion(p.scope) === 1) continue;
      const run = kwarg(p.call, 'run');
      const r = run ? str(run.value) : undefined;
      if (run && r !== undefined && !RUN_VALUES.has(r)) {
        bad(run.value.range, `run: "${r}" is not "once", "always" or "never"; Vagrant does not check this value, so the mistake goes unnoticed.`);
      }
      const n = str(p.name);
      const complete = !p.escaped && !p.call.openArgs && (n === undefined || names.get(n) === 1);
      if (p.type === 'ansible' || p.type === 'ansible_local') {
        const mode = provisionOption(p, 'compatibility_mode');
        const mv = mode ? str(mode.value) : undefined;
        if (mode && mv !== undefined && !COMPATIBILITY_MODES.has(mv)) bad(mode.value.range, `compatibility_mode "${mv}" is not "auto", "1.8" or "2.0".`);
        if (complete && !provisionOption(p, 'playbook')) bad(p.typeValue.range, `The ${p.type} provisioner needs a playbook (playbook: "playbook.yml"); Vagrant refuses to start without one.`);
      }
      if (p.type === 'shell' && complete) {
        const inline = provisionOption(p, 'inline');
        const path = provisionOption(p, 'path');
        if (!inline && !path) bad(p.typeValue.range, 'A shell provisioner needs inline: or path:; Vagrant refuses to start without one of them.');
        else if (inline && path && !isNil(inline.value) && !isNil(path.value)) bad(path.nameRange, 'A shell provisioner takes inline: or path:, not both; Vagrant refuses to start.');
      }
    }
  },
});

function portOf(v: Value): number | undefined {
  if (v.kind === 'integer') return v.value;
  if (v.kind === 'string') return /^\s*\d+\s*$/.test(v.value) ? Number(v.value) : 0; // Vagrant calls to_i: "abc" is 0
  return undefined;
}

function isNil(v: Value): boolean {
  return v.kind === 'nil';
}
