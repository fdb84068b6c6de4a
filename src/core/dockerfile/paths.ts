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

/**
 * A Windows container path (`C:\app`, `C:/app`, `\app`, `/app`) as BuildKit normalises it for a Windows image: the
 * drive letter dropped, slashes unified, then written back as `C:\...`. Undefined for a relative path, a drive other
 * than C: (BuildKit refuses those) or a bare `C:`.
 */
export function windowsAbsolute(p: string): string | undefined {
  const m = /^([A-Za-z]):([\\/].*)$/.exec(p);
  if (m && m[1].toLowerCase() !== 'c') return undefined;
  const rest = m ? m[2] : p;
  if (!/^[\\/]/.test(rest)) return undefined;
  return `C:${joinPath('/', rest.replace(/\\/g, '/')).replace(/\//g, '\\')}`;
}

/** A relative Windows path joined onto a Windows absolute one (`C:\src` + `app` = `C:\src\app`). */
export function joinWindowsPath(base: string, rel: string): string {
  const b = base.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/');
  return `C:${joinPath(b || '/', rel.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/')).replace(/\//g, '\\')}`;
}
