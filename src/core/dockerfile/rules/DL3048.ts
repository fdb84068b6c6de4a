import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { pairs, withTriggers } from '../instructions';

/** Why a label key breaks Docker's key format, or undefined when it is fine. */
export function labelKeyProblem(key: string): string | undefined {
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or a digit';
  // hadolint's set: Docker's guideline (letters, digits, "." and "-") plus "_" and "/", which real keys use
  if (/[^a-z0-9._/-]/.test(key)) return 'it may only hold lower-case letters, digits, ".", "-", "_" and "/"';
  if (/\.\.|--/.test(key)) return 'it must not repeat "." or "-"';
  if (/^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/.test(key)) return 'its namespace is reserved for Docker';
  return undefined;
}

/** LABEL keys outside Docker's recommended format (reverse-DNS, lower case, no reserved namespaces). */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3048', name: 'label-key-invalid', kind: 'dockerfile', severity: 'hint', fix: 'none' },
  check(m, ctx) {
    for (const { ins } of withTriggers(m.instructions)) {
      if (ins.getKeyword() !== 'LABEL') continue;
      for (const p of pairs(m, ins)) {
        if (!p.name || p.name.includes('$')) continue;
        const why = labelKeyProblem(p.name);
        if (!why) continue;
        ctx.report({ range: m.lines.rangeOf(p.nameStart, p.nameEnd), message: `Label key "${p.name}" is not in Docker's key format: ${why}.` });
      }
    }
  },
});
