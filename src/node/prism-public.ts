/**
 * @ruby/prism's public entry point, for the engine's fallback (src/core/vagrant/prism.ts): its `loadPrism()` compiles
 * the package's prism.wasm with Node's WASI and returns a parse function. The engine cannot call it (it reads a file
 * and needs `node:wasi`), so a Node host hands it over with setPublicPrismLoader().
 *
 * The entry point finds prism.wasm next to itself (`new URL("prism.wasm", import.meta.url)`). Bundled, "itself" is
 * the bundle: the build (esbuild.mjs, plugin `prism-entry-url`) makes that module's `import.meta.url` a call to
 * prismEntryUrl() below, which names a file in the folder the host ships its assets in (dist/, with prism.wasm).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { PrismParse } from '../core/vagrant/prism';

let assetDir: string | undefined;

/** What @ruby/prism's entry point sees as its own URL once bundled (a file in the assets folder). */
export function prismEntryUrl(): string {
  if (!assetDir) throw new Error('the assets folder is not set (installNodeAssets)');
  return pathToFileURL(join(assetDir, 'prism-entry.js')).href;
}

/** A loader for the engine's public-API fallback, reading prism.wasm from `distDir`. */
export function publicPrismLoader(distDir: string): () => Promise<PrismParse> {
  return async () => {
    assetDir = distDir;
    // imported when first needed: the entry point loads Node's `wasi` module, which prints an "experimental"
    // warning; a run that never falls back never loads it (the bundle keeps this module behind an init function)
    const { loadPrism } = await import('@ruby/prism');
    const parse = await loadPrism();
    return (source) => parse(source);
  };
}
