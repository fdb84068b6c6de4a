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
/** The repository's own corpus of real files written by others: test/corpus/files/<kind>/ (see its SOURCES.tsv). */
export const CORPUS = join(ROOT, 'test', 'corpus', 'files');
/** The seed the knowledge base is written from, when the sibling reference folder is present (never required). */
export const SEED_DIR = process.env.DG_SEED_DIR ?? join(ROOT, '..', 'shared', 'seed');
installNodeAssets(DIST);

let readyPromise: Promise<void> | undefined;
/** Call from a `before` hook: loads every parser once. */
export function engineReady(): Promise<void> {
  return (readyPromise ??= ready());
}
