/**
 * The Ruby parser behind every Vagrantfile rule: Prism (the parser CRuby itself uses), compiled to WASM. Every use
 * of @ruby/prism goes through this module. Loaded once by vagrantLanguage.ready(); after that, parsing is
 * synchronous. Nothing is ever evaluated: Prism only parses.
 *
 * Two ways to reach the parser:
 * - internal (the default): the package's `src/parsePrism.js` on an instance we make ourselves, with a stub WASI
 *   (prism.wasm only needs `random_get`, for hash seeds). Runs in Node and in a web worker, needs no file access,
 *   and lets a trapped instance be replaced synchronously. But `parsePrism` and the WASM exports it calls are not
 *   the package's promised API.
 * - public (the fallback): the package's entry point `loadPrism()`, which needs Node's `wasi` module and reads
 *   prism.wasm itself, so the engine cannot call it; a Node host offers it with setPublicPrismLoader().
 * Each way is probed by a self-check before the first Vagrantfile is parsed; the internal one is used when it passes,
 * the public one when it does not (a newer @ruby/prism), and when neither does every Vagrantfile gets one DG001
 * naming the reason, instead of rules silently reading a tree they do not understand.
 */
import { parsePrism } from '@ruby/prism/src/parsePrism.js';
import { deserialize, type ParseResult } from '@ruby/prism/src/deserialize.js';
// The node classes (for `instanceof`): the same module the package's entry point re-exports, reached without the
// entry point (which imports Node's `wasi` and file system). The self-check verifies trees are made of them.
import * as N from '@ruby/prism/src/nodes.js';
import { loadAsset } from '../assets';

export type { ParseResult };
export { N };

/** A parse function: Ruby source in, Prism's result out (locations are UTF-8 byte offsets). */
export type PrismParse = (source: string) => ParseResult;
/** A host's way to a parser through @ruby/prism's public entry point (`loadPrism()`); see src/node/prism-public.ts. */
export type PublicPrismLoader = () => Promise<PrismParse>;
export type PrismBackend = 'internal' | 'public';

// lib.dom is not part of this project's typings; these are the few WebAssembly members used here.
interface WasmMemory {
  buffer: ArrayBuffer;
}
interface WasmInstance {
  exports: Record<string, unknown>;
}
export interface WasmModule {
  readonly __module: unique symbol;
}
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
};

/** Thrown when Prism itself fails (a WASM trap: for example its stack overflowing on absurdly deep nesting). */
export class PrismCrash extends Error {}
/** Thrown when the guard stopped a parse that ran past its time limit (Prism can loop forever on some broken Ruby). */
export class PrismTimeout extends PrismCrash {
  constructor(readonly limitMs: number) {
    super(`the Ruby parser did not finish within ${limitMs} ms`);
  }
}

/**
 * A host's watchdog (src/node/prism-guard.ts): runs serializeParse() on a worker thread and waits for it at most a
 * time limit, synchronously. Returns Prism's serialized result, or a number (the limit in ms) when it stopped the
 * parse. With a guard installed, the internal way parses through it and deserializes on the calling thread, so no
 * input can hang the host: prism.wasm does loop forever on some malformed Ruby at moderate depth (long fuzz run:
 * vagrantfile #14542), which no nesting estimate foresees and which nothing can interrupt on the calling thread.
 */
export interface PrismGuard {
  parse(source: string): Uint8Array | number;
  /** Starts the worker with prism.wasm's bytes (as the engine's asset loader gives them); fails when it cannot. */
  start(wasm: Uint8Array): Promise<void>;
}
let guard: PrismGuard | undefined;
/** Why the installed guard could not start (parses then run unguarded on the calling thread). */
export let prismGuardError: string | undefined;

/** Called by a Node host (installNodeAssets). Takes effect at the next load. */
export function setPrismGuard(g: PrismGuard | undefined): void {
  guard = g;
}

/**
 * Compiles prism.wasm for a guard's worker, synchronously on that thread: an asynchronous compile waits for V8's
 * shared background threads, which the calling thread's other WASM (tree-sitter, loaded at the same time) keeps
 * busy, and took 0.5-0.8 s instead of 5 ms.
 */
export function compilePrism(bytes: Uint8Array): WasmModule {
  return new WebAssembly.Module(bytes);
}

// thrown through parsePrism once the serialized result is copied, so that it does not deserialize it on the worker
const SERIALIZED = Symbol('serialized');

/**
 * Prism's serialized parse of `source` on a fresh instance of `module` (a guard's worker runs this): parsePrism()
 * packs the options and calls the parser, and the result's bytes are copied out before it would deserialize them.
 */
export function serializeParse(module: WasmModule, source: string): Uint8Array {
  const exports = instantiate(module);
  let out: Uint8Array | undefined;
  // the exports object is frozen: parsePrism gets a copy whose pm_serialize_parse also copies the result out
  const prism: Record<string, unknown> = { ...exports };
  prism.pm_serialize_parse = (buffer: number, src: number, len: number, options: number) => {
    (exports.pm_serialize_parse as (a: number, b: number, c: number, d: number) => void)(buffer, src, len, options);
    const memory = exports.memory as WasmMemory;
    const at = (exports.pm_buffer_value as (b: number) => number)(buffer);
    const length = (exports.pm_buffer_length as (b: number) => number)(buffer);
    out = new Uint8Array(memory.buffer, at, length).slice();
    throw SERIALIZED;
  };
  try {
    parsePrism(prism as never, source);
  } catch (e) {
    if (e !== SERIALIZED) throw e;
  }
  if (!out) throw new Error('prism.wasm returned no result');
  return out;
}

/** WASI errno ENOSYS: "function not supported". */
const ENOSYS = 52;

let publicLoader: PublicPrismLoader | undefined;
/** The parser in use, and how to replace it after a WASM trap (synchronously: a spare is kept ready). */
let active: { backend: PrismBackend; parse: PrismParse; replace(): void } | undefined;
let loading: Promise<void> | undefined;
/** Milliseconds the last successful load took (WASM compile + instantiate + init + self-check), for benchmarks. */
export let prismLoadMs = 0;
/** Why the internal way was not used (its self-check's failure), when the public one is in use. */
export let prismFallbackReason: string | undefined;

/** Called by a Node host (installNodeAssets): the public-API fallback. Takes effect at the next load. */
export function setPublicPrismLoader(loader: PublicPrismLoader | undefined): void {
  publicLoader = loader;
}

/** Which way the loaded parser takes (undefined before a load). */
export function prismBackend(): PrismBackend | undefined {
  return active?.backend;
}

function stubWasi(memory: () => WasmMemory | undefined): Record<string, unknown> {
  let seed = 0x9e3779b9;
  const randomGet = (ptr: number, len: number): number => {
    const mem = memory();
    if (!mem) return ENOSYS;
    const view = new Uint8Array(mem.buffer, ptr, len);
    const c = (globalThis as { crypto?: { getRandomValues?(a: Uint8Array): Uint8Array } }).crypto;
    if (c?.getRandomValues) c.getRandomValues(view);
    else
      for (let i = 0; i < len; i++) {
        // xorshift32: only hash seeds depend on it
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        view[i] = seed & 0xff;
      }
    return 0;
  };
  const names = [
    'args_get', 'args_sizes_get', 'environ_get', 'environ_sizes_get', 'clock_res_get', 'clock_time_get', 'fd_advise',
    'fd_allocate', 'fd_close', 'fd_datasync', 'fd_fdstat_get', 'fd_fdstat_set_flags', 'fd_fdstat_set_rights',
    'fd_filestat_get', 'fd_filestat_set_size', 'fd_filestat_set_times', 'fd_pread', 'fd_prestat_get',
    'fd_prestat_dir_name', 'fd_pwrite', 'fd_read', 'fd_readdir', 'fd_renumber', 'fd_seek', 'fd_sync', 'fd_tell',
    'fd_write', 'path_create_directory', 'path_filestat_get', 'path_filestat_set_times', 'path_link', 'path_open',
    'path_readlink', 'path_remove_directory', 'path_rename', 'path_symlink', 'path_unlink_file', 'poll_oneoff',
    'sched_yield', 'sock_accept', 'sock_recv', 'sock_send', 'sock_shutdown',
  ];
  const imports: Record<string, unknown> = {};
  for (const n of names) imports[n] = () => ENOSYS;
  // With no preopened directories and no environment, libc asks for sizes first: answer "zero of each".
  const zeroSizes = (a: number, b: number): number => {
    const mem = memory();
    if (!mem) return ENOSYS;
    const v = new DataView(mem.buffer);
    v.setUint32(a, 0, true);
    v.setUint32(b, 0, true);
    return 0;
  };
  imports.args_sizes_get = zeroSizes;
  imports.environ_sizes_get = zeroSizes;
  imports.args_get = () => 0;
  imports.environ_get = () => 0;
  imports.fd_prestat_get = () => 8; // EBADF: no preopened directories
  imports.random_get = randomGet;
  imports.proc_exit = (code: number) => {
    throw new Error(`prism.wasm exited (code ${code})`);
  };
  return imports;
}

/** A fresh instance of the compiled module (cheap: instantiation only). */
function instantiate(module: WasmModule): Record<string, unknown> {
  let memory: WasmMemory | undefined;
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: stubWasi(() => memory) });
  memory = instance.exports.memory as WasmMemory;
  (instance.exports._initialize as () => void)();
  return instance.exports;
}

/**
 * Loads the parser once: the internal way, else the public one (see the top of this file). Later calls return the
 * same promise. `way` (benchmarks, tests) loads anew: that way only, or 'auto' for the choice above.
 */
export function loadPrism(way?: PrismBackend | 'auto'): Promise<void> {
  if (way === 'internal' || way === 'public') {
    return (loading = (way === 'internal' ? loadInternal() : loadPublic()).then((a) => {
      active = a;
    }));
  }
  if (way === 'auto') loading = undefined;
  return (loading ??= (async () => {
    let internalError: string;
    try {
      active = await loadInternal();
      prismFallbackReason = undefined;
      return;
    } catch (e) {
      internalError = e instanceof Error ? e.message : String(e);
    }
    if (!publicLoader) throw new Error(`this version of @ruby/prism is not supported by the Vagrantfile analysis (${internalError})`);
    try {
      active = await loadPublic();
      prismFallbackReason = internalError;
    } catch (e) {
      throw new Error(`this version of @ruby/prism is not supported by the Vagrantfile analysis (${internalError}; through its public loadPrism(): ${e instanceof Error ? e.message : String(e)})`);
    }
  })().catch((e) => {
    loading = undefined; // a later ready() may retry (for example once the host has set its asset loader)
    throw e;
  }));
}

async function loadInternal(): Promise<NonNullable<typeof active>> {
  const t0 = performance.now();
  // With a host's guard, Prism is compiled and run on its worker (this thread only deserializes the result)
  let guarded = guard;
  prismGuardError = undefined;
  if (guarded) {
    try {
      await guarded.start(loadAsset('prism.wasm'));
    } catch (e) {
      // parsed on this thread then, as in a host without workers
      prismGuardError = e instanceof Error ? e.message : String(e);
      guarded = undefined;
    }
  }
  let parse: PrismParse;
  if (guarded) {
    const g = guarded;
    parse = (source) => {
      const r = g.parse(source);
      if (typeof r === 'number') throw new PrismTimeout(r);
      return deserialize(new TextEncoder().encode(source), r);
    };
  } else {
    let compiled: WasmModule;
    try {
      compiled = await WebAssembly.compile(loadAsset('prism.wasm'));
      instantiate(compiled);
    } catch (e) {
      throw new Error(`the internal way: ${e instanceof Error ? e.message : String(e)}`);
    }
    // A fresh instance for every parse (instantiation costs well under a millisecond): an instance that has parsed a
    // deeply nested file can be left in a state where a later file that a fresh instance rejects at once makes it
    // spin forever (long fuzz run: vagrantfile #8525, then #8527). So a trapped instance is never reused either. (The
    // guard's worker does the same.)
    parse = (source) => parsePrism(instantiate(compiled) as never, source);
  }
  selfCheck(parse, 'internal');
  prismLoadMs = performance.now() - t0;
  return { backend: 'internal', parse, replace: () => undefined };
}

async function loadPublic(): Promise<NonNullable<typeof active>> {
  if (!publicLoader) throw new Error('no public loader: this host cannot run @ruby/prism\'s loadPrism()');
  const loader = publicLoader;
  const t0 = performance.now();
  let current = await loader();
  selfCheck(current, 'public');
  prismLoadMs = performance.now() - t0;
  // loadPrism() is asynchronous: a spare instance is kept ready to replace a trapped one at once
  let spare: PrismParse | undefined = await loader();
  const refill = () => {
    loader().then(
      (p) => (spare = p),
      () => undefined,
    );
  };
  // as on the internal way, a fresh instance for each parse, here when the spare is ready (loadPrism() is
  // asynchronous, so parses in a tight loop share an instance until the next spare arrives)
  const parse: PrismParse = (source) => {
    if (spare) {
      current = spare;
      spare = undefined;
      refill();
    }
    return current(source);
  };
  return {
    backend: 'public',
    parse,
    replace: () => {
      if (spare) {
        current = spare;
        spare = undefined;
        refill();
      } else {
        // no spare yet (two traps in a row): refuse until one is ready rather than parse with a broken instance
        current = () => {
          throw new PrismCrash('the Ruby parser is restarting after a failure');
        };
        loader().then((p) => (current = p), () => undefined);
      }
    },
  };
}

/**
 * `parsePrism` and the node classes come from files inside @ruby/prism rather than its entry point, and those files
 * are not a promised API (nor is the exact tree): before the first Vagrantfile is parsed, a probe checks that the
 * parser still behaves as this code expects (the tree's shape and classes, byte offsets, error and comment lists).
 */
function selfCheck(parse: PrismParse, way: PrismBackend): void {
  const probe = 'x = 1 # c\n(';
  let why: string | undefined;
  try {
    const r = parse(probe) as unknown as {
      value?: { statements?: { body?: unknown[] } };
      errors?: unknown[];
      comments?: { location?: { startOffset?: number } }[];
    };
    const first = r.value?.statements?.body?.[0];
    if (!Array.isArray(r.errors) || r.errors.length === 0) why = 'no syntax error reported for an unclosed parenthesis';
    else if (!Array.isArray(r.comments) || r.comments[0]?.location?.startOffset !== 6) why = 'comments or their byte offsets differ';
    else if (!(r.value instanceof N.ProgramNode) || !(first instanceof N.LocalVariableWriteNode)) why = 'the syntax tree is not made of the node classes this code knows';
    else if (first.name !== 'x' || first.location.startOffset !== 0 || first.location.length !== 5) why = 'the syntax tree has a different shape';
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  if (why) throw new Error(`self-check of the ${way} way: ${why}`);
}

export function prismReady(): boolean {
  return active !== undefined;
}

/** Parses Ruby source (never evaluates it). Locations in the result are UTF-8 byte offsets. */
export function parseRuby(source: string): ParseResult {
  if (!active) throw new Error('the Ruby parser (prism.wasm) is not loaded: await ready() first');
  try {
    return active.parse(source);
  } catch (e) {
    if (e instanceof PrismCrash) throw e;
    active.replace();
    throw new PrismCrash(e instanceof Error ? e.message : String(e));
  }
}
