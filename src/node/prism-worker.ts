/**
 * The Ruby parser's worker thread (dist/prism-worker.js), started by prism-guard.ts: compiles prism.wasm (its bytes
 * come with the start) once, then answers each source with Prism's serialized result, parsed on a fresh instance. A
 * parse that never ends is stopped from outside (the thread is terminated); nothing here needs to know.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { compilePrism, serializeParse, type WasmModule } from '../core/vagrant/prism';

const { wasm, signal, port } = workerData as { wasm: Uint8Array; signal: Int32Array; port: MessagePort };

let module: WasmModule;
try {
  module = compilePrism(wasm);
} catch (e) {
  Atomics.store(signal, 1, -1);
  Atomics.notify(signal, 1);
  throw e;
}
port.on('message', (source: string) => {
  let reply: { bytes?: Uint8Array; error?: string };
  try {
    reply = { bytes: serializeParse(module, source) };
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply, reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : []);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
Atomics.store(signal, 1, 1);
Atomics.notify(signal, 1);
parentPort?.postMessage('ready');
