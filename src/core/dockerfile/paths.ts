/** Container paths: absolute or not, POSIX joining as Docker does for WORKDIR and COPY destinations. */

/** Absolute in a Linux image (`/x`) or a Windows one (`C:\x`, `C:/x`, `\x`). */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');
}

/** `path.posix.join` + normalisation, without node:path (the engine runs in the browser too). */
export function joinPath(base: string, rel: string): string {
  const parts = `${base}/${rel}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  const joined = `/${out.join('/')}`;
  return rel.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}
