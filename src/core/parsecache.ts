/**
 * The models of the last few texts parsed, shared by lint and the editor services (hover, symbols, ignore edits): a
 * hover right after the lint that showed the diagnostics reuses that lint's parse instead of parsing the same text
 * again. A model is reused only for the same kind, the same text, the same file (and includer) and an equal
 * configuration: everything a parser reads. Models are never changed after parsing (rules only read them).
 */
import type { Kind } from './finding';
import type { ResolvedConfig } from './config';
import type { LintEnv } from './language';

interface Entry {
  kind: Kind;
  text: string;
  fileName: string | undefined;
  includedBy: string | undefined;
  config: ResolvedConfig;
  /** JSON of the configuration, computed on the first lookup with a different configuration object. */
  configJson?: string;
  model: unknown;
}

/** A handful: one per open document being edited or hovered is plenty, and models of big files are a few MB. */
const SIZE = 4;
let entries: Entry[] = [];
/** Lookups answered from a remembered model, and those that were not (for tests and benchmarks). */
const stats = { hits: 0, misses: 0 };

export function parseCacheStats(): { hits: number; misses: number } {
  return { ...stats };
}

function sameConfig(e: Entry, config: ResolvedConfig): boolean {
  if (e.config === config) return true;
  try {
    e.configJson ??= JSON.stringify(e.config);
    return e.configJson === JSON.stringify(config);
  } catch {
    return false;
  }
}

/** Remembers the model of a text (most recent first; the oldest is dropped). */
export function rememberParse(kind: Kind, text: string, env: LintEnv, config: ResolvedConfig, model: unknown): void {
  const fileName = env.fileName;
  const rest = entries.filter((e) => !(e.kind === kind && e.fileName === fileName));
  entries = [{ kind, text, fileName, includedBy: env.includedBy, config, model }, ...rest].slice(0, SIZE);
}

/** The remembered model of this exact text, file and configuration, or undefined. */
export function recallParse(kind: Kind, text: string, env: LintEnv, config: ResolvedConfig): unknown {
  for (const e of entries) {
    if (e.kind !== kind || e.fileName !== env.fileName || e.includedBy !== env.includedBy) continue;
    if (e.text.length !== text.length || e.text !== text || !sameConfig(e, config)) continue;
    stats.hits++;
    return e.model;
  }
  stats.misses++;
  return undefined;
}

/** Forgets every model (engine.clearCaches). */
export function clearParses(): void {
  entries = [];
}
