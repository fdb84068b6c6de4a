/** The option references by target, loaded once each; undefined when a reference cannot be loaded (rules go quiet). */
import type { MysqlTarget } from './targets';
import type { OptionReference } from './options';

const cache = new Map<MysqlTarget, OptionReference | null>();
let provider: ((t: MysqlTarget) => OptionReference) | undefined;

/** Set by the reference module when it is present. */
export function setReferenceProvider(p: ((t: MysqlTarget) => OptionReference) | undefined): void {
  provider = p;
  cache.clear();
}

export function loadRef(t: MysqlTarget): OptionReference | undefined {
  let r = cache.get(t);
  if (r === undefined) {
    try {
      r = provider ? provider(t) : null;
    } catch {
      r = null;
    }
    cache.set(t, r);
  }
  return r ?? undefined;
}
