import { defineRule } from '../../rule';
import type { ProviderBlock, VagrantModel } from '../model';
import { apiVersion, chain, providersFor, machines, str } from '../helpers';

/** Providers whose memory Vagrant sets through a `memory` setting (MB), and their default when it is unset. */
const MEMORY_DEFAULT: Record<string, string> = {
  virtualbox: "whatever the box's image says (often 512 MB to 1 GB)",
  libvirt: '512 MB and one CPU (vagrant-libvirt defaults)',
  hyperv: "whatever the box's image says",
  parallels: "whatever the box's image says",
};

function setsMemory(p: ProviderBlock): boolean {
  for (const c of p.settings) {
    if (c.name === 'memory' || c.name === 'maxmemory') return true;
    if (c.name === 'customize') {
      // vb.customize ["modifyvm", :id, "--memory", "2048"]
      const arr = c.args.find((a) => a.kind === 'array');
      if (!arr || arr.kind !== 'array' || arr.open) return true; // something we cannot read: assume it may set memory
      if (arr.items.some((i) => str(i) === '--memory' || str(i) === '--memorysize')) return true;
      if (arr.items.some((i) => i.kind === 'unknown')) return true;
    }
  }
  return false;
}

/**
 * A provider block for a local hypervisor that never sets memory: the machine gets the box's (or the plugin's)
 * default, which is small and different per box, so "works on my machine" depends on the box author. Quiet when the
 * provider object is handed to other code, or when another block for the same provider in scope sets memory.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT021', name: 'provider-resources-unset', kind: 'vagrantfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const reported = new Set<number>();
    for (const machine of machines(m)) {
      if (apiVersion(machine) === 1 || chain(machine).some((s) => s.escaped)) continue;
      const blocks = providersFor(m, machine);
      const byName = new Map<string, ProviderBlock[]>();
      for (const b of blocks) {
        if (!b.provider || !(b.provider in MEMORY_DEFAULT)) continue;
        byName.set(b.provider, [...(byName.get(b.provider) ?? []), b]);
      }
      for (const [name, bs] of byName) {
        if (bs.some((b) => b.escaped || b.call.openArgs || setsMemory(b))) continue;
        const first = bs[0];
        if (reported.has(first.id) || !first.call.hasBlock) continue;
        reported.add(first.id);
        ctx.report({
          range: first.name.range,
          message: `This ${name} block never sets memory, so the machine gets ${MEMORY_DEFAULT[name]}. Set memory (and cpus) explicitly so everyone runs the same machine.`,
        });
      }
    }
  },
});
