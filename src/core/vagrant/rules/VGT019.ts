import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion } from '../helpers';

const GUI_PROVIDERS = new Set(['virtualbox', 'vmware_desktop', 'vmware_fusion', 'vmware_workstation']);

/**
 * `vb.gui = true` opens a console window for the machine: left over from debugging, it fails on hosts without a
 * display (CI runners, SSH sessions) and is rarely what a team wants for a headless server.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT019', name: 'provider-gui-enabled', kind: 'vagrantfile', severity: 'info', fix: 'unsafe' },
  check(m, ctx) {
    for (const p of m.providers) {
      if (!p.provider || !GUI_PROVIDERS.has(p.provider) || apiVersion(p.scope) === 1) continue;
      for (const c of p.settings) {
        if (!c.assignment || c.name !== 'gui') continue;
        const v = c.value!;
        if (v.kind !== 'boolean' || !v.value) continue;
        ctx.report({
          range: { start: c.nameRange.start, end: v.range.end },
          message: `gui = true opens a ${p.provider} console window for this machine; on a host without a display (CI, SSH) \`vagrant up\` fails. Keep machines headless unless someone works in that window (Windows desktops, for instance).`,
          fixes: [{ title: 'Run headless (gui = false)', safe: false, edits: [{ range: v.range, newText: 'false' }] }],
        });
      }
    }
  },
});
