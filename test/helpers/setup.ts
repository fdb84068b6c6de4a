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
/** The read-only shared folder (corpus, seed, data) beside the project; DG_SHARED points elsewhere. */
export const SHARED = process.env.DG_SHARED ?? join(ROOT, '..', 'shared');
if (!existsSync(join(SHARED, 'corpus'))) {
  console.error(`\n  WARNING: no shared corpus at ${SHARED} (set DG_SHARED): the corpus, oracle and knowledge tests will fail.\n`);
}
installNodeAssets(DIST);

let readyPromise: Promise<void> | undefined;
/** Call from a `before` hook: loads every parser once. */
export function engineReady(): Promise<void> {
  return (readyPromise ??= ready());
}
