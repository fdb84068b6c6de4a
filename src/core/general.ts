import type { RuleMeta } from './rule';

/** Findings the engine itself produces. They are documented like rules (data/rules/general.yaml). */
export const INTERNAL_ERROR: RuleMeta = { code: 'DG001', name: 'internal-error', kind: 'any', severity: 'error', fix: 'none' };
export const FILE_NOT_LINTED: RuleMeta = { code: 'DG002', name: 'file-not-linted', kind: 'any', severity: 'info', fix: 'none' };
export const GENERAL_RULES: RuleMeta[] = [INTERNAL_ERROR, FILE_NOT_LINTED];

/**
 * Thrown by a parser that refuses an input it cannot analyse within its bounds (for example Ruby nested deeper than
 * Prism survives). The engine reports it as one DG002 finding with this message; nothing else is linted.
 */
export class NotLinted extends Error {
  constructor(reason: string) {
    super(`Not linted: ${reason}.`);
    this.name = 'NotLinted';
  }
}
