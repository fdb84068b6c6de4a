// Reads the plugin system variables (InnoDB and the community plugins) of a MySQL 5.7 source tree and writes their
// names, types, defaults, limits and flags as a table of facts:
//   node scripts/mycnf/extract-mysql57-sysvars.mjs GIT_DIR COMMIT > data/reference/mycnf-options/sources/mysql-5.7.37-plugin-variables.txt
// GIT_DIR is a bare clone of a MySQL 5.7 tree (the one we read: CaoYuming-git/mysql5.7.37, commit a2c3ae47, its import
// of the 5.7.37 release before any change of its own). Only facts are written (names, types, defaults, limits, the
// allowed values, whether the help text calls the option deprecated); no code and no help text.
//
// What counts: every MYSQL_SYSVAR_<type>(...) and MYSQL_THDVAR_<type>(...) definition of the files below, with the
// plugin's name as prefix (the server names a plugin variable <plugin>_<name>). Definitions under a debug-only
// preprocessor branch (UNIV_DEBUG, UNIV_IBUF_DEBUG, ... or `#ifndef DBUG_OFF` / `#ifndef NDEBUG`) are left out, as release builds lack
// them; Windows-only ones are marked. A default that is not a literal or simple arithmetic of known constants is
// written as `?` (unknown), never guessed.
import { execFileSync } from 'node:child_process';

const [gitDir, commit] = process.argv.slice(2);
if (!gitDir || !commit) {
  console.error('usage: extract-mysql57-sysvars.mjs GIT_DIR COMMIT');
  process.exit(2);
}
const show = (path) => execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Source file -> the plugin name the server puts before its variables. */
const FILES = {
  'storage/innobase/handler/ha_innodb.cc': 'innodb',
  'plugin/semisync/semisync_master_plugin.cc': 'rpl_semi_sync_master',
  'plugin/semisync/semisync_slave_plugin.cc': 'rpl_semi_sync_slave',
  'rapid/plugin/group_replication/src/plugin.cc': 'group_replication',
  'rapid/plugin/x/src/xpl_plugin.cc': 'mysqlx',
  'plugin/password_validation/validate_password.cc': 'validate_password',
  'plugin/connection_control/connection_control.cc': 'connection_control',
  'plugin/keyring/keyring.cc': 'keyring_file',
  'plugin/version_token/version_token.cc': 'version_tokens',
  'plugin/rewriter/rewriter_plugin.cc': 'rewriter',
  'plugin/innodb_memcached/daemon_memcached/daemon/memcached_mysql.cc': 'daemon_memcached',
  'plugin/fulltext/ngram_parser/plugin_ngram.cc': 'ngram',
  'plugin/fulltext/mecab_parser/plugin_mecab.cc': 'mecab',
};

// Constants a default or limit may name (64-bit Linux, as the release builds are made).
const CONST = {
  TRUE: 1, FALSE: 0, true: 1, false: 0, NULL: null, nullptr: null,
  ULONG_MAX: 2n ** 64n - 1n, LONG_MAX: 2n ** 63n - 1n, LONG_MIN: -(2n ** 63n), UINT_MAX: 2n ** 32n - 1n, INT_MAX: 2n ** 31n - 1n, INT_MIN: -(2n ** 31n),
  UINT_MAX32: 2n ** 32n - 1n, INT_MAX32: 2n ** 31n - 1n, ULONGLONG_MAX: 2n ** 64n - 1n, LONGLONG_MAX: 2n ** 63n - 1n, LONGLONG_MIN: -(2n ** 63n),
  UINT32_MAX: 2n ** 32n - 1n, INT32_MAX: 2n ** 31n - 1n, UINT64_MAX: 2n ** 64n - 1n, ULLONG_MAX: 2n ** 64n - 1n,
  UNIV_PAGE_SIZE_DEF: 16384n, UNIV_PAGE_SIZE_MAX: 65536n, UNIV_PAGE_SIZE_MIN: 4096n, UNIV_PAGE_SIZE_ORIG: 16384n,
  IO_SIZE: 4096n,
};

/** The text between the parentheses opening at `open`, split at top-level commas (strings and nesting respected). */
function args(text, open) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      cur += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      continue;
    }
    if (c === '(' || c === '{' || c === '[') depth++;
    if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) {
        out.push(cur.trim());
        return out;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  return out;
}

/** Adjacent C string literals joined; undefined when the text is not only literals. */
function cString(s) {
  const parts = [...s.matchAll(/"((?:[^"\\]|\\.)*)"/g)];
  if (!parts.length || s.replace(/"((?:[^"\\]|\\.)*)"/g, '').trim()) return undefined;
  return parts.map((m) => m[1]).join('');
}

/** A number from a literal or simple arithmetic of literals and known constants; undefined when unknown. */
function evaluate(expr, local) {
  let s = expr.replace(/\(\s*(u?long(long)?|ulint|uint|int|ib_uint64_t|my_ulonglong|longlong|ulonglong|double|size_t|unsigned long|long long|unsigned long long)\s*\)/g, '').trim();
  s = s.replace(/\b(static_cast<[^>]*>)/g, '');
  // all bits set: the type's maximum (64-bit unsigned long)
  s = s.replace(/^\(?\s*~\s*\(?\s*0\s*(ULL|UL|U|LL|L)?\s*\)?\s*\)?$/i, 'ULONG_MAX');
  // macros defined in the file (KBYTE(x), MBYTE(x))
  s = s.replace(/\bKBYTE\(/g, '1024*(').replace(/\bMBYTE\(/g, '1048576*(').replace(/\bGBYTE\(/g, '1073741824*(').replace(/\bBYTE\(/g, '(');
  const tokens = s.match(/0x[0-9a-fA-F]+|\d+\.\d+(?:e[+-]?\d+)?|\d+(?:e[+-]?\d+)?|[A-Za-z_][A-Za-z0-9_:]*|<<|>>|[-+*/()~|]/g);
  if (!tokens || tokens.join('') !== s.replace(/\s+/g, '').replace(/(\d)(ULL|UL|LL|L|U)\b/gi, '$1')) {
    // suffixes removed above may leave a mismatch: retry without them
    const s2 = s.replace(/(\d)(ULL|UL|LL|L|U)\b/gi, '$1');
    if (s2 !== s) return evaluate(s2, local);
    return undefined;
  }
  let js = '';
  let isFloat = false;
  for (const t of tokens) {
    if (/^[A-Za-z_]/.test(t)) {
      const v = t in CONST ? CONST[t] : local.get(t);
      if (v === undefined) return undefined;
      if (v === null) return null;
      js += typeof v === 'bigint' ? `${v}n` : Number.isInteger(v) ? `${v}n` : ((isFloat = true), String(v));
    } else if (/^\d+\.\d|e/.test(t) && !/^0x/.test(t)) {
      isFloat = true;
      js += t;
    } else if (/^\d|^0x/.test(t)) js += isFloat ? t : `${BigInt(t)}n`;
    else js += t;
  }
  try {
    if (isFloat) js = js.replace(/(\d+)n/g, '$1');
    const v = Function(`"use strict"; return (${js});`)();
    return v;
  } catch {
    return undefined;
  }
}

/** `#define NAME value` and `const type NAME = value;` of a file, for defaults named by a constant. */
function locals(text, m = new Map()) {
  for (const x of text.matchAll(/^#define\s+([A-Z_][A-Z0-9_]*)\s+([^\n\\]+?)\s*(?:\/[*/].*)?$/gm)) {
    const v = evaluate(x[2], m);
    if (v !== undefined && v !== null) m.set(x[1], v);
    else if (cString(x[2]) !== undefined) m.set(x[1], { str: cString(x[2]) });
  }
  for (const x of text.matchAll(/\bconst\s+(?:static\s+)?[\w:]+\s+([A-Za-z_]\w*)\s*=\s*([^;]+);/g)) {
    const v = evaluate(x[2], m);
    if (v !== undefined && v !== null && !m.has(x[1])) m.set(x[1], v);
  }
  // enum members: position or explicit value
  for (const x of text.matchAll(/\benum\s+\w*\s*\{([^}]*)\}/g)) {
    let next = 0n;
    for (const raw of x[1].replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').split(',')) {
      const item = raw.trim();
      if (!item) continue;
      const [name, val] = item.split('=').map((y) => y.trim());
      if (!/^[A-Za-z_]\w*$/.test(name)) continue;
      if (val !== undefined) {
        const v = evaluate(val, m);
        if (typeof v !== 'bigint') break;
        next = v;
      }
      if (!m.has(name)) m.set(name, next);
      next++;
    }
  }
  return m;
}

/** Headers whose constants InnoDB's defaults name, and the file that gives the srv_* globals their initial values. */
function innodbConstants() {
  const list = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '--name-only', `${commit}:storage/innobase/include/`], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(h|ic)$/.test(f));
  const texts = list.map((f) => show(`storage/innobase/include/${f}`));
  const m = new Map();
  // two passes: a constant may be defined from one of a header read later
  for (let pass = 0; pass < 2; pass++) for (const t of texts) locals(t, m);
  const srv = show('storage/innobase/srv/srv0srv.cc');
  for (const x of srv.matchAll(/^(?:[a-z_0-9]+\s+)+(srv_[a-z_0-9]+)\s*=\s*([^;]+);/gm)) {
    const v = evaluate(x[2], m);
    if (v !== undefined && v !== null && !m.has(x[1])) m.set(x[1], v);
  }
  return m;
}

/** Constants of a plugin's own headers (its folder: plugin/<name>/ or rapid/plugin/<name>/). */
function pluginConstants(file) {
  const root = file.split('/').slice(0, file.startsWith('rapid/') ? 3 : 2).join('/');
  const list = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', commit, `${root}/`], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.h$/.test(f) && !/\/(test|tests|unittest)\//.test(f))
    .slice(0, 300);
  const texts = list.map((f) => show(f));
  const m = new Map();
  for (let pass = 0; pass < 2; pass++) for (const t of texts) locals(t, m);
  return m;
}

/** The names of a TYPELIB: its array of strings (`static const char* x_names[] = {"a", "b", NullS};`). */
function typelibValues(text, typelibExpr) {
  const tl = typelibExpr.replace(/^&/, '').trim();
  const def = new RegExp(`TYPELIB\\s+${tl}\\s*=\\s*\\{([^}]*)\\}`).exec(text);
  if (!def) return undefined;
  const arrName = args(`(${def[1]})`, 0)[2]?.trim();
  if (!arrName) return undefined;
  const arr = new RegExp(`\\b${arrName}\\s*\\[\\s*\\w*\\s*\\]\\s*=\\s*\\{([^}]*)\\}`).exec(text);
  if (!arr) return undefined;
  return [...arr[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

/** Preprocessor state per offset: is the line in a debug-only branch, a Windows-only one, a non-Windows one? */
function branches(text) {
  const lines = text.split('\n');
  const stack = [];
  const at = [];
  const classify = (kw, cond) => {
    const debug = /UNIV_DEBUG|UNIV_IBUF_DEBUG|UNIV_PERF_DEBUG|UNIV_SEARCH_DEBUG|UNIV_SYNC_DEBUG|UNIV_ENABLE_UNIT_TEST|UNIV_BTR_DEBUG|UNIV_LRU_DEBUG|UNIV_HASH_DEBUG|UNIV_AHI_DEBUG/.test(cond);
    const dbugOff = /DBUG_OFF|\bNDEBUG\b/.test(cond);
    const win = /_WIN32|_WIN64|__WIN__/.test(cond);
    const negated = kw === 'ifndef' || /^\s*!\s*defined/.test(cond);
    return { debug: debug ? !negated : dbugOff ? negated : false, win: win ? (negated ? 'nonwin' : 'win') : undefined, flip: { debug: debug ? negated : dbugOff ? !negated : false, win: win ? (negated ? 'win' : 'nonwin') : undefined } };
  };
  for (const l of lines) {
    const m = /^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/.exec(l);
    if (m) {
      if (m[1] === 'if' || m[1] === 'ifdef' || m[1] === 'ifndef') stack.push(classify(m[1], m[2]));
      else if (m[1] === 'else' && stack.length) {
        const top = stack.pop();
        stack.push({ debug: top.flip.debug, win: top.flip.win, flip: top });
      } else if (m[1] === 'elif' && stack.length) {
        stack.pop();
        stack.push(classify('if', m[2]));
      } else if (m[1] === 'endif') stack.pop();
    }
    at.push({ debug: stack.some((s) => s.debug), win: stack.map((s) => s.win).filter(Boolean).pop() });
  }
  return at;
}

const rows = [];
for (const [file, plugin] of Object.entries(FILES)) {
  const text = show(file);
  const local = locals(text, plugin === 'innodb' ? new Map(innodbConstants()) : pluginConstants(file));
  const br = branches(text);
  const lineOf = (off) => text.slice(0, off).split('\n').length - 1;
  for (const m of text.matchAll(/\bMYSQL_(SYSVAR|THDVAR)_([A-Z]+)\s*\(/g)) {
    const a = args(text, m.index + m[0].length - 1);
    const kind = m[2].toLowerCase();
    const thd = m[1] === 'THDVAR';
    const pre = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
    if (/#\s*define/.test(pre)) continue; // a macro that wraps the definition
    const at = br[lineOf(m.index)];
    if (at.debug) continue;
    const [name, , flags = '', comment = ''] = thd ? [a[0], undefined, a[1], a[2]] : a;
    const rest = thd ? a.slice(5) : a.slice(6); // default, then min/max/block or the typelib
    const row = { name: `${plugin}_${name.trim()}`.toLowerCase(), kind, flags: [], def: '?', min: '', max: '', values: undefined };
    if (/PLUGIN_VAR_NOCMDOPT/.test(flags)) row.flags.push('no-option');
    if (/PLUGIN_VAR_NOSYSVAR/.test(flags)) row.flags.push('no-variable');
    if (/PLUGIN_VAR_READONLY/.test(flags)) row.flags.push('read-only');
    if (/PLUGIN_VAR_INVISIBLE/.test(flags)) row.flags.push('invisible');
    if (thd) row.flags.push('session');
    if (at.win) row.flags.push(at.win === 'win' ? 'windows-only' : 'not-windows');
    const help = cString(comment) ?? '';
    if (/deprecated/i.test(help)) row.flags.push('deprecated');
    const d = rest[0];
    if (kind === 'str') {
      const s = d === undefined ? undefined : d === 'NULL' || d === 'nullptr' || d === '0' ? null : (cString(d) ?? local.get(d)?.str);
      row.def = s === null ? '(null)' : s === undefined ? '?' : JSON.stringify(s);
    } else if (kind === 'enum' || kind === 'set') {
      row.values = typelibValues(text, rest[1] ?? '');
      const v = evaluate(d ?? '', local);
      if (typeof v === 'bigint' && row.values) {
        if (kind === 'enum') row.def = row.values[Number(v)] ?? '?';
        else row.def = JSON.stringify(row.values.filter((_, i) => (v >> BigInt(i)) & 1n).join(','));
      }
    } else {
      // unsigned kinds: a negative constant is the type's all-ones value
      const wrap = (x) => (typeof x === 'bigint' && x < 0n && kind.startsWith('u') ? x + 2n ** (kind === 'uint' ? 32n : 64n) : x);
      // a "dummy" default is a marker the server replaces at startup (innodb_io_capacity_max: twice io_capacity)
      const v = /DUMMY/.test(d ?? '') ? undefined : wrap(evaluate(d ?? '', local));
      if (v !== undefined && v !== null) row.def = kind === 'bool' ? (Number(v) ? 'ON' : 'OFF') : String(v);
      if (kind !== 'bool') {
        const lo = wrap(evaluate(rest[1] ?? '', local));
        const hi = wrap(evaluate(rest[2] ?? '', local));
        row.min = lo === undefined || lo === null ? '?' : String(lo);
        row.max = hi === undefined || hi === null ? '?' : String(hi);
      }
    }
    rows.push(row);
  }
}

const seen = new Set();
console.log(`# MySQL 5.7.37: the plugin system variables of InnoDB and of the community plugins, read from the server's
# sources (github CaoYuming-git/mysql5.7.37 @ a2c3ae47, the import of the 5.7.37 release before that repository's own
# annotations) by scripts/mycnf/extract-mysql57-sysvars.mjs. Facts only: name, kind (bool, str, enum, set, int, uint,
# long, ulong, longlong, ulonglong, double), default ('?' when it is computed at run time or not a plain value,
# '(null)' for no value), min, max, allowed values, and flags: no-option (not settable in an option file),
# read-only, invisible (hidden from SHOW VARIABLES), session (a THDVAR), windows-only / not-windows, deprecated (its
# help text says so). Debug-build-only
# variables are left out. Read by scripts/build-mysql-options.ts and test/unit/mycnf-sources.test.ts.
# Files and the plugin prefix of their variables:
${Object.entries(FILES).map(([f, p]) => `#   ${f} -> ${p}_`).join('\n')}
# name<TAB>kind<TAB>default<TAB>min<TAB>max<TAB>values (|-separated)<TAB>flags (,-separated)`);
for (const r of rows) {
  if (seen.has(r.name)) continue;
  seen.add(r.name);
  console.log([r.name, r.kind, r.def, r.min, r.max, (r.values ?? []).join('|'), r.flags.join(',')].join('\t'));
}
