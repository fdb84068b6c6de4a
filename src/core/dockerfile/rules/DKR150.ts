import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { calls } from '../shell/lint';
import type { Manager } from '../../shell/packages';
import { conditional, guardsAt, type Guard } from '../../template/read';

type Family = 'deb' | 'rpm' | 'apk';

const FAMILY_OF_MANAGER: Partial<Record<Manager, Family>> = { 'apt-get': 'deb', apt: 'deb', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', apk: 'apk' };
const MANAGERS = Object.keys(FAMILY_OF_MANAGER) as Manager[];

const FAMILY_OF_WORD: Record<string, Family> = {
  deb: 'deb',
  debian: 'deb',
  ubuntu: 'deb',
  rpm: 'rpm',
  centos: 'rpm',
  rhel: 'rpm',
  redhat: 'rpm',
  rocky: 'rpm',
  almalinux: 'rpm',
  fedora: 'rpm',
  oraclelinux: 'rpm',
  amzn: 'rpm',
  amazonlinux: 'rpm',
  apk: 'apk',
  alpine: 'apk',
};

/**
 * The package family a guard asserts (`base_distro == 'ubuntu'`, `pkg_type in ['rpm']`, `a == 'x' and b == 'y'`):
 * every alternative of it must name one family, the same; negations and unknown words assert nothing.
 */
function familyOf(g: Guard): Family | undefined {
  if (g.negated || /!=|\bnot\b|\bne\b|\bunless\b/.test(g.condition)) return undefined;
  let fam: Family | undefined;
  for (const alt of g.condition.split(/\s(?:or|\|\|)\s/)) {
    const words = [...alt.matchAll(/(?:==|\beq\b|\bin\b)\s*(\[[^\]]*\]|['"][\w.-]+['"])/g)].flatMap((m) => [...m[1].matchAll(/['"]([\w.-]+)['"]/g)].map((w) => w[1].toLowerCase()));
    const fams = new Set(words.map((w) => FAMILY_OF_WORD[w.replace(/[\d.]+$/, '')]).filter((f): f is Family => !!f));
    if (fams.size !== 1) return undefined;
    const f = [...fams][0];
    if (fam && fam !== f) return undefined;
    fam = f;
  }
  return fam;
}

/**
 * A template's branch that its own guard opens for one family of base images (`{% if base_distro == 'ubuntu' %}`)
 * but that runs another family's package manager (yum in a Debian branch): every image built from that branch fails.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR150', name: 'template-branch-package-manager-mismatch', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const t = m.template;
    if (!t || !t.blocks.length) return;
    const seen = new Set<unknown>();
    for (const { run, call } of calls(m, MANAGERS)) {
      const name = call.command.name;
      if (!name || seen.has(run.instruction)) continue;
      const used = FAMILY_OF_MANAGER[call.manager as Manager];
      // a stage whose FROM is itself chosen by the template may be another distribution's
      const from = run.stage?.from;
      if (!used || (from && conditional(t, m.lines.offsetAt(from.getRange().start)))) continue;
      const at = m.lines.offsetAt(name.range.start);
      const guards = guardsAt(t, at);
      for (const g of guards) {
        const fam = familyOf(g);
        if (!fam || fam === used) continue;
        seen.add(run.instruction);
        ctx.report({
          range: name.range,
          message: `${name.text} is ${used === 'deb' ? 'Debian and Ubuntu' : used === 'rpm' ? 'the RPM distributions' : "Alpine's"} package manager, but the template renders this line only for ${fam === 'deb' ? 'Debian-based' : fam === 'rpm' ? 'RPM-based' : 'Alpine'} images (its guard: \`${g.condition}\`): the build fails there with "command not found". Use that family's package manager, or move the line to the right branch.`,
        });
        break;
      }
    }
  },
});
