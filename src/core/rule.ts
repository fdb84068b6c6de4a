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
  /**
   * Codes whose finding at the same range says less about the same problem (one problem, one finding): the engine
   * drops theirs and this rule's finding keeps their fixes, as fixes to review (unsafe).
   */
  supersedes?: readonly string[];
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
  /** Overrides the rule's default severity for this one finding (still subject to user overrides). */
  severity?: Severity;
  /** A finding in another file, named by the rule itself. Prefer `input` when the model knows the file. */
  file?: string;
  /**
   * Which of the model's inputs the range is in, for kinds whose model spans several files (an option file and
   * the files it includes); absent or 0: the linted text. The kind's Language.route turns it into a `file`.
   */
  input?: number;
}

export interface RuleContext {
  readonly config: ResolvedConfig;
  readonly text: string;
  /** The rule being run. */
  readonly meta: RuleMeta;
  report(report: Report): void;
}

export interface Rule<Model> {
  meta: RuleMeta;
  check(model: Model, ctx: RuleContext): void;
}

/**
 * The one way every kind declares a rule, in src/core/<kind>/rules/<CODE>.ts:
 *   export default defineRule<KindModel>({ meta: { code, name, kind, severity, fix }, check(model, ctx) { ctx.report({...}) } });
 */
export function defineRule<Model>(rule: Rule<Model>): Rule<Model> {
  return rule;
}
