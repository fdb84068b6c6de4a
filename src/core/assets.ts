/**
 * Large binary or data assets (WASM parsers, the option reference) are not bundled into the engine's code:
 * the host (CLI, extension, tests) tells the engine how to read them. The engine itself never touches the disk.
 */
export type AssetLoader = (name: string) => Uint8Array;

let loader: AssetLoader | undefined;
const jsonCache = new Map<string, unknown>();

export function setAssetLoader(l: AssetLoader): void {
  loader = l;
  jsonCache.clear();
}

export function hasAssetLoader(): boolean {
  return loader !== undefined;
}

export function loadAsset(name: string): Uint8Array {
  if (!loader) throw new Error(`no asset loader set; cannot load ${name}`);
  return loader(name);
}

/** Parsed once, then cached. */
export function loadJsonAsset<T>(name: string): T {
  let v = jsonCache.get(name);
  if (v === undefined) {
    v = JSON.parse(new TextDecoder().decode(loadAsset(name)));
    jsonCache.set(name, v);
  }
  return v as T;
}
