/** Shared by every plain-Node test file: the engine reads its assets from the built dist/ folder. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { installNodeAssets } from '../../src/node/host';
import { ready } from '../../src/core/index';

function findRoot(dir: string): string {
  let d = dir;
  while (!existsSync(join(d, 'package.json')) || !existsSync(join(d, 'esbuild.mjs'))) {
    const p = dirname(d);
    if (p === d) throw new Error(`project root not found above ${dir}`);
    d = p;
  }
  return d;
}

export const ROOT = findRoot(__dirname);
export const DIST = join(ROOT, 'dist');
/** The read-only shared folder (corpus, seed, data) beside the project. */
export const SHARED = join(ROOT, '..', 'shared');
installNodeAssets(DIST);

let readyPromise: Promise<void> | undefined;
/** Call from a `before` hook: loads every parser once. */
export function engineReady(): Promise<void> {
  return (readyPromise ??= ready());
}
