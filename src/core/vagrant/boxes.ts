/** Box names: catalog shorthands and the ones past their end of life. */
import { eolBox, MISSING_BOXES } from './tables';

/** A catalog box (`org/name`): versions exist only for boxes served with metadata, which shorthand names are. */
export function isCatalogBox(name: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(name) && !/\.(box|json)$/i.test(name);
}

/** What is wrong with a box name, if anything this rule knows about. */
export function boxProblem(name: string, v1 = false): string | undefined {
  const eol = eolBox(name);
  if (eol) {
    return `is ${eol.releaseText}, which reached its end of life ${eol.eolNote ?? `on ${eol.eol}`}: no regular security updates any more, and package repositories of retired releases get moved or shut down, which breaks provisioning. Move to ${eol.instead}.`;
  }
  const missing = v1 ? undefined : MISSING_BOXES.find((b) => b.pattern.test(name));
  if (missing) return `does not come from where it seems: ${missing.why}. Check who publishes the box you get, or use ${missing.instead}.`;
  return undefined;
}

