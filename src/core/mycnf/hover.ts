/**
 * Hover on an option file: an option (type, default for the target, range, version notes, what the server makes of
 * the value, our advice, docs link), a group header (who reads it), an include directive (what was read), and the
 * target comment (which server the file is checked for, and why).
 */
import type { Position } from '../finding';
import { containsPosition } from '../finding';
import type { HoverInfo } from '../language';
import { knowledgeBase } from '../knowledge/index';
import { suggestNames } from './checkable';
import { facts } from './facts';
import { targetLabel } from './groups';
import type { CnfDirective, CnfGroup, CnfOption, MycnfModel } from './model';
import type { OptionInfo } from './options';
import { loadRef } from './refs';
import { formatSize, humanSize, matchEnum, parseBool, parseInteger } from './values';

const MODIFIERS: Record<string, string> = {
  loose: 'loose-: if the server does not know the option it logs a warning and goes on instead of refusing to start.',
  skip: 'skip-: switches the option off.',
  disable: 'disable-: switches the option off.',
  enable: 'enable-: switches the option on.',
  maximum: 'maximum-: the highest value a session may set, not the value itself.',
  autoset: 'autoset-: lets MariaDB compute the value.',
};

export function mycnfHover(m: MycnfModel, p: Position): HoverInfo | undefined {
  for (const o of m.options) {
    if (o.source !== 0 || o.line !== p.line) continue;
    const range = o.valueRange && containsPosition(o.valueRange, p) ? o.valueRange : containsPosition(o.nameRange, p) ? o.nameRange : undefined;
    if (range) return { range, markdown: optionHover(m, o) };
  }
  for (const g of m.groups) {
    if (g.source === 0 && g.line === p.line && containsPosition(g.range, p)) return { range: g.range, markdown: groupHover(m, g) };
  }
  for (const d of m.directives) {
    if (d.source === 0 && d.line === p.line && containsPosition(d.range, p)) return { range: d.range, markdown: directiveHover(m, d) };
  }
  const tc = m.target.commentRange;
  if (tc && containsPosition(tc, p)) return { range: tc, markdown: targetHover(m) };
  return undefined;
}

function targetHover(m: MycnfModel): string {
  return `**Checked for ${targetLabel(m.target.target)}** (\`${m.target.target}\`): ${m.target.reason}.\n\nThe file's own \`# devops-guidance target=...\` comment wins; without it, what the file shows, then the CLI's \`--mysql-target\`, the project file's \`mysql.target\` and the \`devopsGuidance.mysql.target\` setting.`;
}

function groupHover(m: MycnfModel, g: CnfGroup): string {
  const role =
    g.role === 'server'
      ? `Read by ${g.readBy}: its options are part of the server configuration that is checked.`
      : g.role === 'other-server'
        ? `Read by ${g.readBy}.${g.checkTarget ? ` Its options are checked against ${targetLabel(g.checkTarget)}.` : ' Its options are not checked.'}`
        : g.role === 'client'
          ? `Read by ${g.readBy}. These are not server options; they are not checked against the server's list.`
          : g.role === 'tool'
            ? `Read by ${g.readBy}.`
            : 'No MySQL or MariaDB program we know of reads this group (a custom group, or a typo).';
  const n = g.options.length;
  return `**[${g.name}]** — ${role}\n\n${n} option${n === 1 ? '' : 's'} in this group here. Target: ${targetLabel(m.target.target)} (${m.target.reason}).`;
}

function directiveHover(m: MycnfModel, d: CnfDirective): string {
  const head = `**${d.keyword}** ${d.path ?? ''}`;
  switch (d.status) {
    case 'read': {
      const files = d.children.map((c) => m.sources[c].path ?? '?');
      const beside = d.besideFile ? ` (not found at ${d.path}; read beside this file instead)` : '';
      return `${head}\n\nRead ${d.resolved}${beside}: ${files.length ? files.map((f) => `\`${f}\``).join(', ') : 'no .cnf files'}.${d.skipped?.length ? ` Skipped (not .cnf): ${d.skipped.join(', ')}.` : ''}`;
    }
    case 'unreadable':
      return `${head}\n\nCould not be read here (${d.resolved}); its options are not checked.`;
    case 'outside':
      return `${head}\n\nNot followed (outside the project): its options are not checked.`;
    case 'not-followed':
      return `${head}\n\nNot followed: the file has no path on disk, or the path is relative to the server's working folder.`;
    case 'cycle':
      return `${head}\n\nThis file is already being read: the includes form a loop.`;
    case 'depth':
      return `${head}\n\nDeeper than 10 levels of includes: the server skips it.`;
    case 'missing-path':
      return `${head}\n\nNo path: the server refuses to start.`;
    default:
      return `${head}\n\nNot a directive the server knows; it ignores the line.`;
  }
}

function fmtNum(n: number, size: boolean): string {
  if (!size) return String(n);
  const f = formatSize(n);
  return f === String(n) ? humanSize(n) : `${f} (${n})`;
}

function fmtDefault(i: OptionInfo): string | undefined {
  const d = i.default;
  if (d === undefined) return undefined;
  if (d === null) return 'none';
  if (typeof d === 'boolean') return d ? 'ON' : 'OFF';
  if (typeof d === 'number') return fmtNum(d, i.type === 'size');
  return d === '' ? '(empty)' : `\`${d}\``;
}

/** Reads the value the way the server does, in words. */
function reading(m: MycnfModel, o: CnfOption, i: OptionInfo): string | undefined {
  if (!o.hasValue) {
    if (o.prefixes.includes('skip') || o.prefixes.includes('disable')) return 'Switched OFF.';
    if (i.type === 'boolean' || o.prefixes.includes('enable')) return 'Switched ON.';
    return undefined;
  }
  const v = o.value ?? '';
  if (i.type === 'boolean') {
    const b = parseBool(v);
    return b === undefined ? `The server does not understand "${v}" and sets it OFF.` : `Reads as ${b ? 'ON' : 'OFF'}.`;
  }
  if (i.type === 'integer' || i.type === 'size') {
    const r = parseInteger(v, m.target.target);
    if ('error' in r) return `The server rejects "${v}".`;
    let s = `Reads as ${r.value}${i.type === 'size' && r.value >= 1024 ? ` bytes (${humanSize(r.value)})` : ''}.`;
    if (r.ignored) s += ` The characters after the suffix ("${r.ignored}") are ignored.`;
    return s;
  }
  if ((i.type === 'enum' || i.type === 'set') && i.values?.length && i.type === 'enum') {
    const e = matchEnum(v, i.values);
    return e ? (e.how === 'exact' ? undefined : `Reads as ${e.value}.`) : `Not one of its values: the server refuses to start.`;
  }
  if (o.quote || v !== o.rawValue) return `The server reads: \`${JSON.stringify(v).slice(1, -1)}\``;
  return undefined;
}

/** Options a rule reads that its documented examples do not show (other names, other flavors). */
const EXTRA_ADVICE: Record<string, string[]> = {
  MYC030: ['innodb_log_file_size', 'innodb_log_files_in_group', 'innodb_redo_log_capacity'],
  MYC063: ['innodb_log_file_size', 'innodb_log_files_in_group'],
  MYC035: ['server_id', 'log_bin'],
  MYC036: ['slave_parallel_threads', 'slave_parallel_workers'],
  MYC037: ['relay_log'],
  MYC043: ['log_slave_updates'],
  MYC046: ['master_info_repository'],
  MYC048: ['rpl_semi_sync_master_wait_point', 'rpl_semi_sync_master_enabled'],
  MYC047: ['rpl_semi_sync_master_timeout'],
  MYC051: ['expire_logs_days', 'binlog_expire_logs_auto_purge'],
  MYC055: ['slave_skip_errors'],
  MYC076: ['slave_net_timeout'],
  MYC080: ['wsrep_on'],
  MYC081: ['wsrep_provider', 'wsrep_cluster_address'],
};

let adviceIndex: Map<string, string[]> | undefined;

/** Option name → codes of the advice rules whose documented examples set it (computed once from the knowledge base). */
function advice(): Map<string, string[]> {
  if (adviceIndex) return adviceIndex;
  const idx = new Map<string, string[]>();
  try {
    for (const r of knowledgeBase().rules) {
      if (!r.code.startsWith('MYC') || Number(r.code.slice(3)) < 30) continue;
      for (const line of `${r.bad}\n${r.good}`.split('\n')) {
        const mm = /^\s*(?:loose[-_])?([A-Za-z][\w-]*)\s*(=|$)/.exec(line);
        if (!mm) continue;
        const n = mm[1].replace(/-/g, '_').toLowerCase().replace(/^skip_/, '');
        const list = idx.get(n) ?? [];
        if (!list.includes(r.code)) list.push(r.code);
        idx.set(n, list);
      }
    }
    for (const [code, names] of Object.entries(EXTRA_ADVICE)) {
      for (const n of names) {
        const list = idx.get(n) ?? [];
        if (!list.includes(code)) list.push(code);
        idx.set(n, list);
      }
    }
  } catch {
    // no knowledge base (a host without assets): hover without advice
  }
  adviceIndex = idx;
  return idx;
}

function adviceLines(names: string[]): string {
  const codes = new Set<string>();
  for (const n of names) for (const c of advice().get(n) ?? []) codes.add(c);
  if (!codes.size) return '';
  let kb: ReturnType<typeof knowledgeBase> | undefined;
  try {
    kb = knowledgeBase();
  } catch {
    return '';
  }
  const docs = [...codes].map((c) => kb!.rules.find((r) => r.code === c)).filter((r) => !!r);
  return `\n\n**Our advice**\n${docs.map((r) => `- ${r!.code} \`${r!.name}\`: ${r!.summary}`).join('\n')}`;
}

function optionHover(m: MycnfModel, o: CnfOption): string {
  const g = o.group;
  const t = g ? g.checkTarget : m.target.target;
  const label = t ? targetLabel(t) : undefined;
  const mods = o.prefixes.map((p) => MODIFIERS[p]).filter(Boolean);
  const modText = mods.length ? `\n\n${mods.join(' ')}` : '';
  const where = g ? (g.role === 'server' ? '' : `\n\nIn [${g.name}], read by ${g.readBy}.`) : m.fragment ? '\n\nThis file has no group header: read as a [mysqld] fragment.' : '';
  const i = o.info;
  if (!t) return `**${o.text}**${where}${modText}`;
  if (!i) {
    const ref = loadRef(t);
    const sugg = ref ? suggestNames(ref, o.name).slice(0, 3) : [];
    const abbrev = o.abbreviationOf?.length ? ` MariaDB reads it as the beginning of ${o.abbreviationOf.slice(0, 3).join(', ')}, which is ambiguous.` : '';
    return `**${o.name}** — not an option of ${label}.${abbrev}${sugg.length ? ` Did you mean ${sugg.map((s) => `\`${s}\``).join(', ')}?` : ''}${where}${modText}`;
  }
  const facts1: string[] = [`type ${i.type}`];
  const def = fmtDefault(i);
  if (def !== undefined) facts1.push(`default ${def}${i.defaultVaries ? ' (depends on the machine)' : ''}`);
  if (i.min !== undefined || i.max !== undefined) {
    const size = i.type === 'size';
    const max = i.max !== undefined && i.max < 1.8e19 ? fmtNum(i.max, size) : '…';
    facts1.push(`range ${i.min !== undefined ? fmtNum(i.min, size) : '…'} to ${max}`);
  }
  if (i.blockSize && i.blockSize > 1) facts1.push(`in steps of ${formatSize(i.blockSize)}`);
  if (i.values?.length) facts1.push(`values ${i.values.map((v) => `\`${v}\``).join(', ')}`);
  if (i.scope) facts1.push(`${i.scope} scope`);
  if (i.dynamic !== undefined) facts1.push(i.dynamic ? 'settable at runtime' : 'set at startup only');
  const versions: string[] = [];
  if (i.introduced) versions.push(`added in ${i.introduced}`);
  if (i.deprecated) versions.push(`deprecated in ${i.deprecated}`);
  if (i.removed !== undefined) versions.push(`removed${i.removed ? ` in ${i.removed}` : ''}${i.stillAccepted ? ' (the name is still accepted and ignored)' : ''}`);
  if (i.replacement) versions.push(`use \`${i.replacement}\` instead`);
  if (i.plugin) versions.push(`provided by the ${i.plugin} plugin, which must be loaded`);
  const read = reading(m, o, i);
  // which occurrence wins
  let effective = '';
  if (g?.role === 'server' || (!g && m.fragment)) {
    const win = m.server.get(o.key);
    if (win && win !== o) {
      const src = m.sources[win.source];
      effective = `\n\nNot the value that applies: \`${win.text}${win.hasValue ? ` = ${win.rawValue}` : ''}\` at ${src.main ? '' : `${src.path}:`}${win.line + 1} wins.`;
    }
  }
  const role = facts(m);
  const ctx = role.galera ? ' (a Galera node)' : role.replicaStrong ? ' (a replica)' : '';
  const docs = i.docs ? `\n\n[Documentation](${i.docs})` : '';
  const names = [i.name.toLowerCase(), o.key];
  const short = o.abbreviationOf?.length === 1 ? `\n\nWritten as \`${o.text}\`, an abbreviation MariaDB accepts.` : '';
  const why = t === m.target.target && m.target.source !== 'comment' ? `\n\n_Checked for ${label}: ${m.target.reason}._` : '';
  return `**${i.name}** — ${label}${t === m.target.target ? ctx : ''}\n\n${facts1.join(' · ')}${versions.length ? `\n\n${versions.join('; ')}.` : ''}${i.summary ? `\n\n${i.summary}` : ''}${read ? `\n\n${read}` : ''}${short}${effective}${where}${modText}${adviceLines(names)}${docs}${why}`;
}
