import type { Fix, TextEdit } from '../../finding';
import { checkable } from '../checkable';
import { facts } from '../facts';
import { vendorOf } from '../groups';
import type { MysqlTarget } from '../targets';
import { safeReplacement, targetStated } from '../fixsafety';
import type { OptionReference } from '../options';
import type { CnfOption, MycnfModel } from '../model';
import { MYSQL_RENAMES } from '../names';
import { defineRule } from '../../rule';
import { deleteLineEdit, fix, renameEdit, styled } from '../report';
import { formatSize, matchEnum, numOf } from '../values';

const REDO_LEGACY = new Set(['innodb_log_file_size', 'innodb_log_files_in_group']);

/** innodb_log_file_size × innodb_log_files_in_group → one innodb_redo_log_capacity line with the same total. */
function redoFix(m: MycnfModel, o: CnfOption, ref: OptionReference, target: MysqlTarget): Fix[] | undefined {
  // maximum- (and autoset-) set a bound, not the value: the server view leaves them out, so there is nothing to merge
  if (o.prefixes.includes('maximum') || o.prefixes.includes('autoset')) return undefined;
  const s = m.server;
  // innodb_redo_log_capacity exists from 8.0.30: on an earlier 8.0 the rewritten file would not start
  const safe = safeReplacement(m, target, 'innodb_redo_log_capacity');
  if (s.get('innodb_redo_log_capacity')) return [fix(`Remove ${o.text} (innodb_redo_log_capacity is set, so it is ignored)`, safe, deleteLineEdit(o))];
  const size = s.get('innodb_log_file_size');
  const files = s.get('innodb_log_files_in_group');
  if ((size && size.source !== 0) || (files && files.source !== 0)) return undefined;
  const t = m.target.target;
  const sz = size ? numOf(size, t) : 48 * 1024 ** 2;
  const n = files ? numOf(files, t) : 2;
  if (sz === undefined || n === undefined) return undefined;
  const total = sz * n;
  // the same capacity only if the server takes the product as it is (within bounds, a whole number of blocks)
  const cap = ref.lookup('innodb_redo_log_capacity');
  if (!cap || (cap.min !== undefined && total < cap.min) || (cap.max !== undefined && total > cap.max) || (cap.blockSize && total % cap.blockSize !== 0)) return undefined;
  const keep = size ?? files;
  if (!keep) return undefined;
  const edits: TextEdit[] = [
    { range: { start: keep.nameRange.start, end: keep.valueRange?.end ?? keep.nameRange.end }, newText: `${styled('innodb_redo_log_capacity', keep.text)}${keep.valueRange ? keep.lineText.slice(keep.nameRange.end.character, keep.valueRange.start.character) : ' = '}${formatSize(total)}` },
  ];
  if (size && files) edits.push(deleteLineEdit(files));
  return [fix(`Replace with innodb_redo_log_capacity = ${formatSize(total)} (${size && files ? 'size × files' : size ? 'size × 2 files' : '48M × files'})`, safe, ...edits)];
}

/** An option the target deprecated: it still works, with a warning, until a later version removes it. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC022', name: 'deprecated-option', kind: 'mycnf', severity: 'warning', fix: 'safe' },
  check(m, ctx) {
    const f = facts(m);
    // counted on the first binlog_format line, once per lint (a file may repeat it hundreds of times)
    let binlogFormatLines: number | undefined;
    for (const { o, target, ref } of checkable(m)) {
      const i = o.info;
      if (!i || !i.deprecated || i.removed !== undefined) continue;
      const since = `deprecated since ${/^\d/.test(i.deprecated) ? `${vendorOf(target)} ${i.deprecated}` : i.deprecated}`;
      let fixes: Fix[] | undefined;
      let msg = `${o.text} is ${since} and will be removed in a later version.`;
      if (REDO_LEGACY.has(o.name) && f.flavor === 'mysql' && o.group?.role !== 'other-server') {
        fixes = redoFix(m, o, ref, target);
        msg = m.server.get('innodb_redo_log_capacity')
          ? `${o.text} is ${since}, and ignored here because innodb_redo_log_capacity is set.`
          : `${o.text} is ${since}: the redo log is sized with innodb_redo_log_capacity, which replaces innodb_log_file_size × innodb_log_files_in_group.`;
      } else if (o.name === 'binlog_format') {
        const v = matchEnum(o.value ?? '', ['MIXED', 'STATEMENT', 'ROW'])?.value;
        msg = `binlog_format is ${since}: row-based logging is the default and will be the only format.${v === 'ROW' ? ' This line only repeats the default.' : ''}`;
        // removing it is the same only when no other line or file sets binlog_format (the last one wins)
        const only = (binlogFormatLines ??= m.options.filter((x) => x.name === 'binlog_format' && x.group?.role === 'server').length) === 1;
        // ROW is the default from MySQL 5.7.7 (MariaDB's is MIXED): only a stated target says which default applies
        if (v === 'ROW') fixes = [fix('Remove the line (ROW is the default)', only && o.group?.role === 'server' && targetStated(m), deleteLineEdit(o))];
      } else if (i.replacement) {
        const semisync = o.name.startsWith('rpl_semi_sync_');
        const pure = MYSQL_RENAMES[o.name] === i.replacement && !semisync;
        msg += ` Use ${i.replacement}${pure ? ', the same setting under its new name' : ''}${semisync ? `, which comes with the new plugin (load ${/master/.test(o.name) ? 'semisync_source.so instead of semisync_master.so' : 'semisync_replica.so instead of semisync_slave.so'})` : ''}.`;
        // a replacement the target deprecated as well (replica_parallel_type) would only move the warning: no fix
        if (!ref.lookup(i.replacement)?.deprecated) fixes = [fix(`Write ${i.replacement}`, pure && safeReplacement(m, target, i.replacement), renameEdit(o, i.replacement))];
      }
      ctx.report({ input: o.source, range: o.baseRange, message: msg, fixes });
    }
  },
});
