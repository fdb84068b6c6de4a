/**
 * The files a `lint` command covers: explicit files, and folders walked for files whose names say their kind.
 * Each real folder is visited once (a symbolic link back to a parent ends there instead of looping), each real
 * file is linted once, and anything that is not a regular file (a FIFO, a device, a socket) is skipped — reported
 * when its name says it should have been linted. Problems are collected, not thrown: the rest is still linted.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf, LANGUAGES, MAX_TEXT_LENGTH, type Kind } from '../core/index';
import { isPseudoPath, readTextFileSafe } from '../node/safefs';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', '.vagrant']);

export interface WalkProblem {
  path: string;
  message: string;
}

export interface Walked {
  files: { file: string; kind: Kind }[];
  problems: WalkProblem[];
}

export class KindUnknown extends Error {}

/** `defaultKind`: the kind of stdin and of named files whose name says nothing (the `hadolint` command: dockerfile). */
export function collectFiles(paths: string[], kind: Kind | undefined, defaultKind?: Kind): Walked {
  const files: Walked['files'] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const addFile = (p: string, k: Kind) => {
    const r = real(p) ?? p;
    if (seenFiles.has(r)) return;
    seenFiles.add(r);
    files.push({ file: p, kind: k });
  };
  const walk = (dir: string) => {
    const r = real(dir);
    if (!r || seenDirs.has(r)) return; // a loop of symbolic links, or a folder reached twice
    if (isPseudoPath(r)) {
      problems.push({ path: dir, message: 'not walked: a system folder, not a project folder' });
      return;
    }
    seenDirs.add(r);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ path: dir, message: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      let st;
      try {
        st = lstatSync(p);
        if (st.isSymbolicLink()) st = statSync(p); // follow it; loops end at the seen-folder check
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(e)) walk(p);
        continue;
      }
      const k = kindOf(e);
      if (!k || (kind && k !== kind)) continue;
      if (st.isFile()) {
        // a file found by walking whose name alone does not make it ours (an OpenSSL or Kerberos *.cnf) is left
        // alone unless its content does; one that cannot be read is kept, so that reading it reports why
        const own = LANGUAGES[k].notOwnContent;
        if (own) {
          const r = readTextFileSafe(p, MAX_TEXT_LENGTH[k]);
          if (!('error' in r) && own(p, r.text)) continue;
        }
        addFile(p, k);
      }
      else problems.push({ path: p, message: 'not read: not a regular file' });
    }
  };
  for (const p of paths) {
    if (p === '-') {
      files.push({ file: '-', kind: (kind ?? defaultKind)! });
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ path: p, message: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else {
      const k = kind ?? kindOf(p) ?? defaultKind;
      if (!k) throw new KindUnknown(`cannot tell what kind of file ${p} is; pass --kind dockerfile|mycnf|vagrantfile`);
      // special files are refused when read (with the reason), so they are passed on
      addFile(p, k);
    }
  }
  return { files, problems };
}
