import { defineRule } from '../../rule';
import type { ConfigScope, VagrantModel } from '../model';
import { apiVersion, namespaceCalls, chain, scopeOf, settingsVisibleFrom, str, viaRelated, via } from '../helpers';
import { boxProblem, isCatalogBox } from '../boxes';
import { scopeIndex } from '../scopes';

/** Is the box pinned (or exempt through box_url) for what a machine sees from `scope`? */
function pinned(m: VagrantModel, scope: ConfigScope): boolean {
  if (settingsVisibleFrom(m, scope, 'vm', 'box_version').length) return true;
  const urls = settingsVisibleFrom(m, scope, 'vm', 'box_url');
  return urls.some((u) => !/\.json$/i.test(str(u.value) ?? ''));
}

/**
 * A box set in the global scope is used by every machine that does not set its own; it is unpinned when one of
 * those machines sees no box_version. A box set in a machine or an override is unpinned when nothing it sees pins it.
 */
function unpinnedSomewhere(m: VagrantModel, scope: ConfigScope): boolean {
  if (scope.kind !== 'global') return !pinned(m, scope);
  const ix = scopeIndex(m);
  const users = ix.machinesUnder(scope);
  if (!users.length) return !pinned(m, scope);
  const ownBox = (machine: ConfigScope) => ix.callsBelow(machine, 'vm.box').some((c) => c.target.type === 'namespace' && c.target.scope.kind === 'machine');
  return users.some((u) => !ownBox(u) && !u.escaped && !pinned(m, u));
}

/**
 * config.vm.box = "org/name" with no box_version anywhere the machine sees: `vagrant up` on a new machine
 * (or after `vagrant box update`) takes the newest version, so two developers can run different systems.
 * Silent for boxes given by URL or file, for local box names without a namespace, when box_url points at
 * something other than versioned metadata, and when the config object is handed to code we cannot see.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT001', name: 'box-version-unpinned', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const memo = new Map<number, boolean>();
    const unpinned = (scope: ConfigScope) => {
      let v = memo.get(scope.id);
      if (v === undefined) memo.set(scope.id, (v = unpinnedSomewhere(m, scope)));
      return v;
    };
    for (const call of namespaceCalls(m, 'vm', 'box')) {
      if (!call.assignment) continue;
      const scope = scopeOf(call);
      if (apiVersion(scope) === 1 || chain(scope).some((s) => s.escaped)) continue;
      const box = call.value!;
      const name = box.kind === 'string' ? box.value : undefined;
      if (!name || !isCatalogBox(name) || boxProblem(name)) continue; // a dead box needs replacing, not pinning (VGT011)
      if (!unpinned(scope)) continue;
      ctx.report({
        range: box.range,
        message: `Box "${name}"${via(box)} has no box_version: each new machine gets whatever version is newest, so environments drift apart. Pin it, e.g. config.vm.box_version = "~> 1.2".`,
        related: viaRelated(box),
      });
    }
  },
});
