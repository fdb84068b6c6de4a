/**
 * The Ruby parser behind every Vagrantfile rule: Prism (the parser CRuby itself uses), compiled to WASM.
 * Loaded once by vagrantLanguage.ready(); after that, parsing is synchronous. The WASM module only needs a few
 * WASI functions (in practice just `random_get`, for hash seeds), so it gets a stub WASI instead of `node:wasi`:
 * the same code runs in Node and in a web worker. Nothing is ever evaluated — Prism only parses.
 */
import { parsePrism } from '@ruby/prism/src/parsePrism.js';
import type { ParseResult } from '@ruby/prism/src/deserialize.js';
import { loadAsset } from '../assets';

export type { ParseResult };

// lib.dom is not part of this project's typings; these are the few WebAssembly members used here.
interface WasmMemory {
  buffer: ArrayBuffer;
}
interface WasmInstance {
  exports: Record<string, unknown>;
}
interface WasmModule {
  readonly __module: unique symbol;
}
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
};

/** Thrown when Prism itself fails (a WASM trap: for example its stack overflowing on absurdly deep nesting). */
export class PrismCrash extends Error {}

/** WASI errno ENOSYS: "function not supported". */
const ENOSYS = 52;

let prism: Record<string, unknown> | undefined;
let compiled: WasmModule | undefined;
let loading: Promise<void> | undefined;
/** Milliseconds the last successful load took (WASM compile + instantiate + init), for benchmarks. */
export let prismLoadMs = 0;

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

/** Loads, compiles and initialises prism.wasm once (from the host's assets). Later calls return the same promise. */
export function loadPrism(): Promise<void> {
  return (loading ??= (async () => {
    const t0 = performance.now();
    compiled = await WebAssembly.compile(loadAsset('prism.wasm'));
    const instance = instantiate(compiled);
    selfCheck(instance);
    prism = instance;
    prismLoadMs = performance.now() - t0;
  })().catch((e) => {
    loading = undefined; // a later ready() may retry (for example once the host has set its asset loader)
    throw e;
  }));
}

/**
 * `parsePrism` and the node classes come from files inside @ruby/prism (src/parsePrism.js, src/nodes.js) rather
 * than its entry point, whose `loadPrism()` needs Node's `wasi` and file system and so cannot run in the engine.
 * Those files are not a promised API: before the first Vagrantfile is parsed, a probe checks that they still
 * behave as this code expects (the tree's shape, byte offsets, error and comment lists). When they do not — a
 * newer @ruby/prism — loading fails with a message saying so, and every Vagrantfile gets one DG001 naming it,
 * instead of rules silently reading a tree they do not understand.
 */
function selfCheck(instance: Record<string, unknown>): void {
  const probe = 'x = 1 # c\n(';
  let why: string | undefined;
  try {
    const r = parsePrism(instance as never, probe) as unknown as {
      value?: { constructor?: { name?: string }; statements?: { body?: { name?: string; location?: { startOffset?: number; length?: number } }[] } };
      errors?: unknown[];
      comments?: { location?: { startOffset?: number } }[];
    };
    const first = r.value?.statements?.body?.[0];
    if (!Array.isArray(r.errors) || r.errors.length === 0) why = 'no syntax error reported for an unclosed parenthesis';
    else if (!Array.isArray(r.comments) || r.comments[0]?.location?.startOffset !== 6) why = 'comments or their byte offsets differ';
    else if (first?.name !== 'x' || first.location?.startOffset !== 0 || first.location.length !== 5) why = 'the syntax tree has a different shape';
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  if (why) throw new Error(`this version of @ruby/prism is not supported by the Vagrantfile analysis (self-check: ${why})`);
}

export function prismReady(): boolean {
  return prism !== undefined;
}

/** Parses Ruby source (never evaluates it). Locations in the result are UTF-8 byte offsets. */
export function parseRuby(source: string): ParseResult {
  if (!prism || !compiled) throw new Error('the Ruby parser (prism.wasm) is not loaded: await ready() first');
  try {
    return parsePrism(prism as never, source);
  } catch (e) {
    // After a trap the instance's memory and stack are in an unknown state: start a new one for the next file.
    prism = instantiate(compiled);
    throw new PrismCrash(e instanceof Error ? e.message : String(e));
  }
}
