/**
 * Reading files the user's project names, without surprises: only regular files, never devices, FIFOs, sockets or
 * anything under /proc and /sys (their reported sizes say nothing, and reading them can block or never end); the
 * size is checked on the open file before a byte is read, so a 2 GiB file is refused, not loaded; a FIFO is opened
 * without blocking. Errors come back as plain sentences for the user, never as exceptions.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type ReadResult = { text: string; path: string } | { error: string };

/** Paths the kernel synthesises: never read, whatever their stat says. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

export function isPseudoPath(real: string): boolean {
  return process.platform !== 'win32' && PSEUDO_ROOTS.some((r) => real === r || real.startsWith(r + '/'));
}

function kib(n: number): string {
  return n >= 10 * 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Reads a UTF-8 text file of at most `maxBytes`, or says why not. */
export function readTextFileSafe(path: string, maxBytes: number): ReadResult {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (e) {
    return { error: `cannot read: ${describe(e)}` };
  }
  if (isPseudoPath(real)) return { error: `not read: ${real} is a system file, not a project file` };
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    return { error: `cannot read: ${describe(e)}` };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { error: 'not read: it is a folder' };
    if (!st.isFile()) return { error: `not read: it is not a regular file (${kindOfNode(st)})` };
    if (st.size > maxBytes) return { error: `not read: ${kib(st.size)} is above the ${kib(maxBytes)} limit` };
    // read what fstat promised, plus one byte to notice a file that grew meanwhile
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > st.size) return { error: `not read: it grows while being read` };
    }
    return { text: buf.toString('utf8', 0, got), path: real };
  } catch (e) {
    return { error: `cannot read: ${describe(e)}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a stream (the CLI's stdin) as UTF-8 text of at most `maxBytes`, or says why not. Nothing beyond the limit is
 * kept: at the first chunk past it reading stops and the stream is released (a writer still sending gets EPIPE, as
 * with `head`), so piping a 2 GiB file holds at most the limit plus one chunk in memory.
 */
export function readStreamSafe(
  stream: NodeJS.ReadableStream & { destroy?(): void; readableEnded?: boolean; destroyed?: boolean },
  maxBytes: number,
): Promise<ReadResult & { bytes?: number }> {
  // a stream already read to its end (or released) has nothing more to give: waiting for 'end' would never finish
  if (stream.readableEnded) return Promise.resolve({ text: '', path: '-', bytes: 0 });
  if (stream.destroyed) return Promise.resolve({ error: 'cannot read: the stream was closed' });
  return new Promise((resolvePromise) => {
    const chunks: Buffer[] = [];
    let got = 0;
    let done = false;
    const finish = (r: ReadResult & { bytes?: number }) => {
      if (done) return;
      done = true;
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      resolvePromise(r);
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      got += b.length;
      if (got > maxBytes) {
        chunks.length = 0;
        stream.pause();
        stream.destroy?.();
        finish({ error: `not read: more than the ${kib(maxBytes)} limit` });
        return;
      }
      chunks.push(b);
    };
    const onEnd = () => finish({ text: Buffer.concat(chunks, got).toString('utf8'), path: '-', bytes: got });
    const onError = (e: unknown) => finish({ error: `cannot read: ${describe(e)}` });
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

function kindOfNode(st: ReturnType<typeof fstatSync>): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'ELOOP') return 'too many levels of symbolic links';
  return err?.message ?? String(e);
}

/** True when `path` (after resolving symbolic links, when it exists) lies inside `root`. */
export function isInside(root: string, path: string): boolean {
  const r = realOrResolved(root);
  const p = realOrResolved(path);
  const rel = relative(r, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // a path that does not exist yet: resolve its nearest existing parent
    const abs = resolve(p);
    const parent = resolve(abs, '..');
    if (parent === abs) return abs;
    return resolve(realOrResolved(parent), abs.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}
