import { defineRule } from '../../rule';
import type { Provision, VagrantModel } from '../model';
import { apiVersion, machines, provisionOption } from '../helpers';
import { scopeIndex } from '../scopes';
import { CM_PROVISIONERS } from '../tables';

const CM_COMMANDS = /\b(?:ansible-playbook|ansible-pull|puppet\s+apply|chef-solo|chef-client|cinc-client|salt-call|cf-agent)\b/;
/** Lines of inline shell past which provisioning is a program of its own. */
const INLINE_LINES = 30;
/** Shell provisioners (for one machine) past which the setup is a program of its own. */
const SHELL_STEPS = 4;

/**
 * Machines set up by a stack of shell scripts only. Shell is fine for a few steps, but a long imperative script is
 * hard to rerun safely (it is not idempotent), to review and to reuse for staging and production; configuration
 * management (Ansible, Chef, Puppet, Salt) describes the desired state instead. Informational, once per file, and
 * silent as soon as any configuration-management tool shows up (a provisioner, or a script that runs one).
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT023', name: 'shell-only-provisioning', kind: 'vagrantfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    const provs = m.provisions.filter((p) => apiVersion(p.scope) !== 1);
    if (!provs.some((p) => p.type === 'shell') || provs.some((p) => p.type === undefined || CM_PROVISIONERS.has(p.type))) return;
    const lines = new Map<Provision, number>();
    for (const p of provs) {
      if (p.type !== 'shell') continue;
      const inline = provisionOption(p, 'inline')?.value;
      const text = inline?.kind === 'string' ? inline.value : inline?.kind === 'unknown' ? (inline.staticText ?? '') : '';
      if (CM_COMMANDS.test(text)) return;
      const path = provisionOption(p, 'path')?.value;
      if (path?.kind === 'string' && /(?:ansible|puppet|chef|salt)/i.test(path.value)) return;
      lines.set(p, text.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')).length);
    }
    let worst: { steps: number; lines: number; first: Provision } | undefined;
    const ix = scopeIndex(m);
    for (const machine of machines(m)) {
      const mine = ix.provisionsAbove(machine).filter((p) => lines.has(p));
      if (!mine.length) continue;
      const steps = new Set(mine.map((p) => p.call.range.start.line)).size;
      const total = mine.reduce((a, p) => a + lines.get(p)!, 0);
      if ((steps >= SHELL_STEPS || total >= INLINE_LINES) && (!worst || steps + total > worst.steps + worst.lines)) worst = { steps, lines: total, first: mine[0] };
    }
    if (!worst) return;
    const { steps, lines: n, first } = worst;
    ctx.report({
      range: first.typeValue.range,
      message: `A machine here is set up by ${steps} shell provisioner${steps > 1 ? 's' : ''}${n ? ` (${n} line${n > 1 ? 's' : ''} of inline script)` : ''} and no configuration management. Consider describing the setup with Ansible, Chef, Puppet or Salt (ansible_local needs nothing on the host): idempotent, reviewable, and reusable beyond Vagrant.`,
    });
  },
});
