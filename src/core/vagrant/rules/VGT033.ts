import { defineRule } from '../../rule';
import type { ConfigScope, SettingCall, VagrantModel } from '../model';
import { apiVersion, known, str } from '../helpers';
import { scopeIndex } from '../scopes';

/** Calls that add an entry to a list (each call adds one more), rather than set a single value. */
const ACCUMULATING = new Set(['provision', 'network', 'synced_folder', 'disk', 'cloud_init']);

function describe(call: SettingCall): string {
  const ns = call.target.type === 'namespace' ? call.target.namespace : '';
  return `${call.lexical.receiver?.name ?? 'config'}.${ns}.${call.name}`;
}

function machineName(scope: ConfigScope): string {
  const n = scope.define ? str(scope.define.name) : undefined;
  return n !== undefined ? `machine "${n}"` : 'this machine';
}

/**
 * The outer config written where a single machine is meant:
 * - inside a `config.vm.define` block, `config.vm.box = ...` (instead of `node.vm.box`) sets the box of every
 *   machine of the file, not of this one, since Vagrant merges the outer config into each machine. Reported when the
 *   file defines more than one machine (with one machine it makes no difference). The fix renames the receiver to the
 *   block's own variable when it is in scope there; unsafe because it changes what the other machines get.
 * - in the body of a loop that defines machines but outside their blocks, `config.vm.provision` (a network, a synced
 *   folder, a disk) is added once per turn of the loop to every machine, and a computed `config.vm.x = ...` ends up
 *   with the last turn's value for all of them.
 * Calls made through a helper method are left alone (their writes are meant for whatever they receive).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT033', name: 'outer-config-in-machine-scope', kind: 'vagrantfile', severity: 'warning', fix: 'unsafe' },
  check(m, ctx) {
    const ix = scopeIndex(m);
    /** Loops that contain a `vm.define` of a global scope: loop id → global scope ids. */
    const defineLoops = new Map<number, Set<number>>();
    for (const d of m.defines) {
      const owner = d.call.target.type === 'namespace' ? d.call.target.scope : undefined;
      if (!owner || owner.kind !== 'global') continue;
      for (const l of d.call.lexical.loops) {
        const set = defineLoops.get(l) ?? new Set<number>();
        set.add(owner.id);
        defineLoops.set(l, set);
      }
    }
    for (const call of m.calls) {
      const t = call.target;
      if (t.type !== 'namespace' || t.scope.kind !== 'global' || apiVersion(t.scope) !== 2) continue;
      if (t.namespace === 'vm' && call.name === 'define') continue;
      const receiver = call.lexical.receiver;
      if (!receiver) continue;
      const machine = call.lexical.machine;
      if (machine) {
        // The machine must belong to this global config, and the file must define several machines.
        if (machine.parent !== t.scope) continue;
        const many = ix.machinesUnder(t.scope).length > 1 || machine.define!.call.flow.loop;
        if (!many) continue;
        const own = call.lexical.machineVariable;
        const name = machineName(machine);
        ctx.report({
          range: receiver.range,
          message: `${describe(call)} inside the block of ${name} changes the outer config, so it applies to every machine of this file, not just ${name}.${own ? ` Write ${own}.${t.namespace}.${call.name} if it is meant for this machine only; if it is meant for all of them, move it out of the block.` : ' Use the block\'s own config variable if it is meant for this machine only.'}`,
          fixes: own && own !== receiver.name
            ? [{ title: `Apply it to this machine only (${own}.${t.namespace}.${call.name})`, safe: false, edits: [{ range: receiver.range, newText: own }] }]
            : undefined,
        });
        continue;
      }
      const loop = call.lexical.loops.find((l) => defineLoops.get(l)?.has(t.scope.id));
      if (loop === undefined || t.namespace !== 'vm') continue;
      if (ACCUMULATING.has(call.name) && !call.assignment) {
        // A provisioner with a name replaces the one of the same name: only unnamed ones pile up.
        const opened = call.opened;
        if (opened && 'typeValue' in opened && opened.name && known(opened.name)) continue;
        ctx.report({
          range: receiver.range,
          message: `${describe(call)} in the body of a loop that defines machines, outside their blocks, adds one more ${call.name === 'provision' ? 'provisioner' : call.name.replace('_', ' ')} to every machine on each turn of the loop. Move it into the machine block and write it on the block's variable (or out of the loop, if all machines need it once).`,
        });
      } else if (call.assignment && call.value && !known(call.value)) {
        ctx.report({
          range: receiver.range,
          message: `${describe(call)} in the body of a loop that defines machines, outside their blocks, sets it for every machine, and each turn overwrites the last: all machines get the last turn's value. Set it on the machine block's variable instead.`,
        });
      }
    }
  },
});
