import { defineRule } from '../../rule';
import type { Range } from '../../finding';
import type { Value, VagrantModel } from '../model';
import { apiVersion, str } from '../helpers';

const HYPERVISORS = new Set(['virtualbox', 'libvirt', 'hyperv', 'parallels', 'vmware_desktop', 'vmware_fusion', 'vmware_workstation']);

function num(v: Value): number | undefined | 'bad' {
  if (v.kind === 'integer') return v.value;
  if (v.kind === 'float') return 'bad';
  if (v.kind === 'string') return /^\s*\d+\s*$/.test(v.value) ? Number(v.value) : 'bad';
  return undefined;
}

/**
 * Memory and CPU values a hypervisor cannot mean: memory is in megabytes, so `vb.memory = 4` is 4 MB (4 GB was
 * meant) and `"4G"` is refused by VBoxManage; cpus of 0 or a non-number; more than 1 TB of memory or 512 CPUs.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT022', name: 'provider-resources-unreasonable', kind: 'vagrantfile', severity: 'warning', fix: 'none' },
  check(m, ctx) {
    const memory = (v: Value, range: Range, provider: string) => {
      const n = num(v);
      if (n === undefined) return;
      if (n === 'bad') {
        ctx.report({ range, message: `Memory for ${provider} is a number of megabytes; "${v.kind === 'string' ? v.value : ''}" is not one (write 4096 for 4 GB).` });
      } else if (n < 128) {
        ctx.report({ range, message: `Memory is given in megabytes: ${n} MB is too little to boot a system. Did you mean ${n * 1024} (${n} GB)?` });
      } else if (n > 1024 * 1024) {
        ctx.report({ range, message: `${n} MB is more than 1 TB of memory; memory is given in megabytes.` });
      }
    };
    const cpus = (v: Value, range: Range) => {
      const n = num(v);
      if (n === undefined) return;
      if (n === 'bad' || n < 1) ctx.report({ range, message: 'cpus must be a whole number of at least 1.' });
      else if (n > 512) ctx.report({ range, message: `${n} CPUs is more than any host has to give; check the value.` });
    };
    for (const p of m.providers) {
      if (!p.provider || !HYPERVISORS.has(p.provider) || apiVersion(p.scope) === 1) continue;
      for (const c of p.settings) {
        if (c.assignment && (c.name === 'memory' || c.name === 'maxmemory')) memory(c.value!, c.value!.range, p.provider);
        else if (c.assignment && c.name === 'cpus') cpus(c.value!, c.value!.range);
        else if (c.name === 'customize' && p.provider === 'virtualbox') {
          const arr = c.args.find((a) => a.kind === 'array');
          if (arr?.kind !== 'array') continue;
          for (let i = 0; i + 1 < arr.items.length; i++) {
            const flag = str(arr.items[i]);
            if (flag === '--memory') memory(arr.items[i + 1], arr.items[i + 1].range, p.provider);
            if (flag === '--cpus') cpus(arr.items[i + 1], arr.items[i + 1].range);
          }
        }
      }
    }
  },
});
