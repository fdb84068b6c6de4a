/**
 * Completion in an option file: option names of the target inside a server group (with type, default and docs),
 * client options inside client groups, values by type after `=` (booleans, enum and set values, the default),
 * group names after `[`, and the include directives after `!`.
 */
import type { MysqlTarget } from './targets';
import type { Position, Range } from '../finding';
import type { CompletionInfo } from '../language';
import { knownGroupNames, classifyGroup, targetLabel } from './groups';
import type { CnfGroup, MycnfModel } from './model';
import { CLIENT_ONLY_OPTIONS, SHARED_CLIENT_SERVER } from './names';
import type { OptionInfo } from './options';
import { loadRef } from './refs';
import { formatSize } from './values';

const MODIFIER = /^((?:loose|skip|disable|enable|maximum)[-_])+/i;

function r(line: number, s: number, e: number): Range {
  return { start: { line, character: s }, end: { line, character: e } };
}

function currentGroup(m: MycnfModel, line: number): CnfGroup | undefined {
  let g: CnfGroup | undefined;
  for (const x of m.groups) if (x.source === 0 && x.line < line) g = x;
  return g;
}

function detail(i: OptionInfo): string {
  const parts: string[] = [i.type];
  if (i.default !== undefined && i.default !== null && i.default !== '') {
    const d = typeof i.default === 'boolean' ? (i.default ? 'ON' : 'OFF') : typeof i.default === 'number' && i.type === 'size' ? formatSize(i.default) : String(i.default);
    parts.push(`default ${d}`);
  }
  if (i.deprecated) parts.push(`deprecated${i.replacement ? ` → ${i.replacement}` : ''}`);
  return parts.join(' · ');
}

function doc(i: OptionInfo): string | undefined {
  const lines = [i.summary, i.plugin ? `Needs the ${i.plugin} plugin.` : undefined, i.docs ? `[Documentation](${i.docs})` : undefined].filter(Boolean);
  return lines.length ? lines.join('\n\n') : undefined;
}

export function mycnfComplete(m: MycnfModel, p: Position): CompletionInfo[] {
  const line = m.lines.line(p.line);
  const before = line.slice(0, p.character);
  const start = before.length - before.trimStart().length;
  const trimmed = before.trimStart();
  if (trimmed.startsWith('#') || trimmed.startsWith(';')) return [];
  if (trimmed.startsWith('[')) return groupItems(m, line, p, start);
  if (trimmed.startsWith('!')) {
    const range = r(p.line, start, line.length);
    return ['include', 'includedir'].map((k) => ({ label: `!${k}`, kind: 'keyword', detail: k === 'include' ? 'read another option file here' : 'read every .cnf file of a folder here', insertText: `!${k} `, range }));
  }
  const g = currentGroup(m, p.line);
  const eq = before.indexOf('=');
  const cs = line.indexOf('#', start);
  if (before.includes('#')) return [];
  let target: MysqlTarget | undefined;
  let client = false;
  if (g) {
    const c = classifyGroup(g.name, m.target.target);
    if (c.role === 'server' || c.role === 'other-server') target = c.checkTarget;
    else if (c.role === 'client') client = true;
  } else if (m.fragment || !m.groups.some((x) => x.source === 0)) target = m.target.target;
  if (eq < 0) {
    const word = trimmed;
    const mod = MODIFIER.exec(word)?.[0] ?? '';
    let end = start;
    while (end < line.length && /[\w.-]/.test(line[end])) end++;
    const range = r(p.line, start + mod.length, Math.max(end, p.character));
    const fullRange = r(p.line, start, Math.max(end, p.character));
    const typed = word.replace(/-/g, '_').toLowerCase();
    const dashed = word.slice(mod.length).includes('-') || (!!mod && mod.includes('-'));
    const style = (n: string) => (dashed ? n.replace(/_/g, '-') : n);
    if (client) {
      return [...new Set([...CLIENT_ONLY_OPTIONS, ...SHARED_CLIENT_SERVER])].sort().map((n) => ({ label: style(n), kind: 'option', detail: 'client option', range }));
    }
    if (!target) return [];
    const ref = loadRef(target);
    if (!ref) return [];
    const label = targetLabel(target);
    return ref
      .all()
      .filter((i) => i.optionFile && i.removed === undefined && i.platform !== 'windows')
      .map((i) => {
        // a name that itself starts with a modifier word (skip_name_resolve) replaces the whole word
        const whole = !!mod && i.name.startsWith(typed);
        return { label: style(i.name), kind: 'option' as const, detail: `${detail(i)} · ${label}`, documentation: doc(i), insertText: style(i.name), range: whole ? fullRange : range };
      });
  }
  // a value
  if (!target) return [];
  const ref = loadRef(target);
  const written = before.slice(start, eq).trim();
  // the full name first (skip_name_resolve is an option), then without modifiers, like the server
  let i = ref?.lookup(written);
  let rest = written;
  while (!i && ref && MODIFIER.test(rest)) {
    rest = rest.replace(/^(loose|skip|disable|enable|maximum)[-_]/i, '');
    i = ref.lookup(rest);
  }
  if (!i) return [];
  let vs = eq + 1;
  while (vs < line.length && /[ \t]/.test(line[vs])) vs++;
  let ve = cs > eq ? cs : line.length;
  while (ve > vs && /[ \t]/.test(line[ve - 1])) ve--;
  const range = r(p.line, Math.min(vs, p.character), Math.max(ve, p.character));
  const items: CompletionInfo[] = [];
  const defaultText = i.default === undefined || i.default === null ? undefined : typeof i.default === 'boolean' ? (i.default ? 'ON' : 'OFF') : typeof i.default === 'number' && i.type === 'size' ? formatSize(i.default) : String(i.default);
  if (i.type === 'boolean') for (const v of ['ON', 'OFF']) items.push({ label: v, kind: 'value', detail: v === defaultText ? 'default' : undefined, range });
  else if ((i.type === 'enum' || i.type === 'set') && i.values) for (const v of i.values) items.push({ label: v, kind: 'value', detail: v === defaultText ? 'default' : i.type === 'set' ? 'set element (comma-separated)' : undefined, range });
  else if (defaultText !== undefined && defaultText !== '') items.push({ label: defaultText, kind: 'value', detail: 'default', range });
  return items;
}

function groupItems(m: MycnfModel, line: string, p: Position, start: number): CompletionInfo[] {
  const close = line.indexOf(']', start);
  const range = r(p.line, start + 1, close >= 0 ? close : Math.max(p.character, line.length));
  const t = m.target.target;
  return knownGroupNames(t).map((n) => {
    const c = classifyGroup(n, t);
    return { label: n, kind: 'keyword' as const, detail: `read by ${c.readBy}`, insertText: close >= 0 ? n : `${n}]`, range };
  });
}
