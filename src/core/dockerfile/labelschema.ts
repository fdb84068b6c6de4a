/** Shared body of the label-schema rules (DL3051–DL3058): check every label whose schema type matches. */
import type { RuleContext } from '../rule';
import type { LabelType } from './config';
import type { DockerfileModel } from './model';
import { stageLabels, isKnown, type LabelDef } from './labels';

export function checkLabelType(
  m: DockerfileModel,
  ctx: RuleContext,
  type: LabelType,
  valid: (value: string) => boolean,
  describe: (l: LabelDef) => string,
): void {
  const schema = ctx.config.dockerfile.labelSchema;
  const names = Object.keys(schema).filter((k) => schema[k] === type);
  if (!names.length) return;
  for (const list of stageLabels(m).values()) {
    for (const l of list) {
      if (!names.includes(l.name) || !isKnown(l.value) || l.value === '') continue;
      if (valid(l.value)) continue;
      ctx.report({ range: l.valueRange, message: describe(l) });
    }
  }
}
