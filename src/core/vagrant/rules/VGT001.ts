import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, chain, scopeOf, settingsVisibleFrom, str, viaRelated, via } from '../helpers';
import { boxProblem, isCatalogBox } from '../boxes';

/**
 * config.vm.box = "org/name" with no box_version anywhere the machine sees: `vagrant up` on a new machine
 * (or after `vagrant box update`) takes the newest version, so two developers can run different systems.
 * Silent for boxes given by URL or file, for local box names without a namespace, when box_url points at
 * something other than versioned metadata, and when the config object is handed to code we cannot see.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT001', name: 'box-version-unpinned', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    for (const call of m.calls) {
      if (call.target.type !== 'namespace' || call.target.namespace !== 'vm' || call.name !== 'box' || !call.assignment) continue;
      const scope = scopeOf(call);
      if (apiVersion(scope) === 1 || chain(scope).some((s) => s.escaped)) continue;
      const box = call.value!;
      const name = box.kind === 'string' ? box.value : undefined;
      if (!name || !isCatalogBox(name) || boxProblem(name)) continue; // a dead box needs replacing, not pinning (VGT011)
      if (settingsVisibleFrom(m, scope, 'vm', 'box_version').length) continue;
      const urls = settingsVisibleFrom(m, scope, 'vm', 'box_url');
      if (urls.some((u) => !/\.json$/i.test(str(u.value) ?? ''))) continue;
      ctx.report({
        range: box.range,
        message: `Box "${name}"${via(box)} has no box_version: each new machine gets whatever version is newest, so environments drift apart. Pin it, e.g. config.vm.box_version = "~> 1.2".`,
        related: viaRelated(box),
      });
    }
  },
});
