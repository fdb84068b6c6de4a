/** Engine services for editors beyond linting: hover and completion. Same contract as lint(): never throws. */
import type { Kind, Position } from './finding';
import { defaultConfig, type ResolvedConfig } from './config';
import type { CompletionInfo, HoverInfo, LintEnv } from './language';
import { language } from './registry';

export type { HoverInfo, CompletionInfo } from './language';

export function hoverAt(text: string, kind: Kind, position: Position, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): HoverInfo | undefined {
  try {
    const lang = language(kind);
    if (!lang.hover || !lang.isReady()) return undefined;
    return lang.hover(lang.parse(text, env, config), position, config);
  } catch {
    return undefined;
  }
}

export function completionsAt(text: string, kind: Kind, position: Position, config: ResolvedConfig = defaultConfig(), env: LintEnv = {}): CompletionInfo[] {
  try {
    const lang = language(kind);
    if (!lang.complete || !lang.isReady()) return [];
    return lang.complete(lang.parse(text, env, config), position, config);
  } catch {
    return [];
  }
}
