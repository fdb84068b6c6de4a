import type { Fix, Kind, Range, RelatedInformation, Severity, SeveritySetting } from './finding';
import type { ResolvedConfig } from './config';

export type FixAvailability = 'none' | 'safe' | 'unsafe';

export interface RuleMeta {
  /** Stable code: DL####, DKR###, MYC###, VGT###. Never reused. */
  code: string;
  /** Kebab-case name of the problem (`image-tag-missing`), unique across all kinds. */
  name: string;
  /** 'any' for the engine's own findings (internal error, file not linted). */
  kind: Kind | 'any';
  /** Default severity; 'off' means the rule only runs when a user turns it on. */
  severity: SeveritySetting;
  /** The best fix this rule can offer: none, safe, or unsafe (may change behaviour). */
  fix: FixAvailability;
  /** Other tools' names for the same check (build-check names, Trivy and Checkov ids, advisor ids). */
  aliases?: string[];
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** Overrides the rule's default severity for this one finding (still subject to user overrides). */
  severity?: Severity;
  /** A finding in another file (an included option file). */
  file?: string;
}

export interface RuleContext {
  readonly config: ResolvedConfig;
  readonly text: string;
  report(report: Report): void;
}

export interface Rule<Model> {
  meta: RuleMeta;
  check(model: Model, ctx: RuleContext): void;
}

export function defineRule<Model>(rule: Rule<Model>): Rule<Model> {
  return rule;
}
