/** Small path helpers for include resolution (the engine has no `path` module and must work with both separators). */

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p);
}

function sepOf(p: string): string {
  return !p.includes('/') && p.includes('\\') ? '\\' : '/';
}

export function dirName(p: string): string {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return p[0];
  if (i === 2 && /^[A-Za-z]:/.test(p)) return p.slice(0, 3);
  return p.slice(0, i);
}

export function baseName(p: string): string {
  const trimmed = p.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

export function joinPath(dir: string, name: string): string {
  if (!dir || dir === '.') return name;
  const sep = sepOf(dir);
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

/** Resolves `..` and `.` segments so that cycle detection sees one spelling of a path. */
export function normalizePath(p: string): string {
  const sep = sepOf(p);
  const abs = isAbsolutePath(p);
  const drive = /^[A-Za-z]:/.test(p) ? p.slice(0, 2) : '';
  const body = drive ? p.slice(2) : p;
  const out: string[] = [];
  for (const part of body.split(/[\\/]+/)) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join(sep);
  return drive + (abs ? sep : '') + joined || (abs ? sep : '.');
}

export function resolvePath(fromFile: string | undefined, p: string): string {
  if (isAbsolutePath(p) || !fromFile) return normalizePath(p);
  return normalizePath(joinPath(dirName(fromFile), p));
}
