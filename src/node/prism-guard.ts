/**
 * A watchdog for the Ruby parser (see PrismGuard in src/core/vagrant/prism.ts): Prism runs on a worker thread and
 * the caller waits for its answer with a time limit, synchronously (Atomics.wait, then receiveMessageOnPort), so the
 * engine's lint() stays synchronous. A parse past the limit is stopped by terminating the thread; the next parse
 * gets a new one. Costs a message each way per Vagrantfile (well under a millisecond).
 */
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PrismGuard } from '../core/vagrant/prism';

/**
 * The time a parse may take: 750 ms, plus 4 ms per KiB (1.8 s at the 256 KiB size limit). Prism parses a real
 * Vagrantfile in a few milliseconds and the largest accepted one in tens, so a parse past this has stopped for good.
 */
export function prismTimeLimit(length: number): number {
  return Math.round(750 + (4 * length) / 1024);
}

/** How long a new worker may take to compile prism.wasm before the parse gives up on it. */
const START_LIMIT_MS = 30_000;

interface Running {
  worker: Worker;
  port: MessagePort;
  /** [0]: answers sent so far; [1]: 1 once prism.wasm is compiled, -1 when it could not be. */
  signal: Int32Array;
}

export function prismGuard(distDir: string): PrismGuard {
  let running: Running | undefined;
  let wasm: Uint8Array | undefined;

  const launch = (): Running => {
    const signal = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(join(distDir, 'prism-worker.js'), {
      workerData: { wasm, signal, port: port2 },
      transferList: [port2],
    });
    // neither keeps a CLI run alive
    worker.unref();
    port1.unref();
    const r: Running = { worker, port: port1, signal };
    // a worker that fails (its file missing, prism.wasm unreadable) ends every wait on it at once
    worker.on('error', () => {
      Atomics.store(signal, 1, -1);
      Atomics.notify(signal, 1);
    });
    worker.on('exit', () => {
      if (running === r) running = undefined;
    });
    return r;
  };

  const ready = (r: Running): boolean => {
    if (Atomics.load(r.signal, 1) === 0) Atomics.wait(r.signal, 1, 0, START_LIMIT_MS);
    return Atomics.load(r.signal, 1) === 1;
  };

  return {
    async start(bytes) {
      wasm = bytes;
      // a thread where blocking waits are not allowed (a browser-like host) cannot use the guard: fail here, and the
      // engine parses on its own thread instead
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
      running ??= launch();
      const r = running;
      // wait for the compile without blocking the caller's thread: the worker says so by a message (a pending
      // Atomics.waitAsync was seen to resolve 0.5 s late while other WASM loaded), and is kept alive meanwhile
      if (Atomics.load(r.signal, 1) === 0) {
        r.worker.ref();
        try {
          await new Promise<void>((done) => {
            r.worker.once('message', () => done());
            r.worker.once('error', () => done());
            r.worker.once('exit', () => done());
          });
        } finally {
          r.worker.unref();
        }
      }
      if (!ready(r)) throw new Error('the Ruby parser worker could not load prism.wasm');
    },
    parse(source) {
      if (!wasm) throw new Error('the Ruby parser worker was not started');
      running ??= launch();
      const r = running;
      if (!ready(r)) {
        void r.worker.terminate();
        running = undefined;
        throw new Error('the Ruby parser worker could not load prism.wasm');
      }
      const limit = prismTimeLimit(source.length);
      const sent = Atomics.load(r.signal, 0);
      r.port.postMessage(source);
      if (Atomics.wait(r.signal, 0, sent, limit) === 'timed-out') {
        // stopped for good: a new worker (compiling in the background meanwhile) takes the next parse
        void r.worker.terminate();
        running = launch();
        return limit;
      }
      const reply = receiveMessageOnPort(r.port)?.message as { bytes?: Uint8Array; error?: string } | undefined;
      if (!reply?.bytes) throw new Error(reply?.error ?? 'the Ruby parser worker sent no result');
      return reply.bytes;
    },
  };
}
