/**
 * Oracle test: the real MariaDB server judges option files, and our `unknown-option` / `invalid-value` findings for
 * target mariadb-10.11 must agree with it.
 *
 * For each file of test/corpus/files/mycnf and each generated case, the server reads the file with
 *   mariadbd --defaults-file=F --help --verbose
 * which parses every option and exits without starting a server. A rejected option ("unknown variable",
 * "unknown option", a value it cannot set, a missing argument, InnoDB options that make it disable the plugin)
 * stops the run, so the harness comments the rejected line out and asks again until the file is accepted:
 * every rejection in a file is found, in context (an earlier plugin-load-add still counts).
 *
 * Agreement rule (issue 4 item 5): every option line the server rejects, we flag with unknown-option or
 * invalid-value; no option line it accepts do we call unknown (an unknown-option finding of severity error or
 * warning; an info note, e.g. on a loose- prefix or a MariaDB prefix abbreviation, does not count).
 *
 * Care taken with real files: `!include`/`!includedir` lines are turned into comments for both sides (the
 * server would otherwise read this machine's /etc/mysql); header-less fragments (Vitess prepends [mysqld]) get
 * "[mysqld]" prepended; percona-toolkit's sandbox placeholders (PORT, ADDR, PERCONA_TOOLKIT_SANDBOX) are replaced
 * as its sandbox script does. Only lines in groups the server reads are judged.
 *
 * The server also tells two kinds of accepted lines apart: an option it reads and ignores ("'X' was removed. It does
 * nothing now", "'X' is MySQL ... compatible option") has no effect, which is not the same as refusing to start.
 * Our findings must say "has no effect" on exactly those lines, and never on a line the server refuses.
 *
 * Skipped, with a message, when mariadbd is not installed (CI installs Debian's mariadb-server).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { engineReady, CORPUS } from '../helpers/setup';
import { lint, defaultConfig, mergeConfig, findRule, type Finding } from '../../src/core/index';
import '../../src/core/mycnf/reference';

const MARIADBD = ['/usr/sbin/mariadbd', '/usr/local/sbin/mariadbd', '/usr/bin/mariadbd'].find((p) => existsSync(p));
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));
/** Groups mariadbd 10.11 reads (its own --help lists them). */
const SERVER_GROUPS = new Set(['mysqld', 'server', 'mysqld-10.11', 'mariadb', 'mariadb-10.11', 'mariadbd', 'mariadbd-10.11', 'client-server', 'galera']);

interface Case {
  name: string;
  text: string;
  /** Harness self-check: lines (1-based) the server must reject, and lines it must accept. */
  mustReject?: number[];
  mustAccept?: number[];
}

/** Generated cases: typos, removed and MySQL-only options, bad values, loose- prefixes, abbreviations, plugins. */
const GENERATED: Case[] = [
  {
    name: 'typos',
    text: '[mysqld]\ninnodb_bufer_pool_size = 1G\nmax_conections = 100\nslow_query_logg = 1\nlog-eror = /var/log/mysql/error.log\nmax_connections = 100\n',
    mustReject: [2, 3, 4, 5],
    mustAccept: [6],
  },
  {
    name: 'mysql-only-and-removed',
    text:
      '[mysqld]\ngtid_mode = ON\nenforce_gtid_consistency = ON\ntx_isolation = READ-COMMITTED\nlog_replica_updates = ON\n' +
      'innodb_redo_log_capacity = 1G\nreplica_parallel_workers = 4\ninnodb_file_format = Barracuda\ninnodb_large_prefix = 1\n' +
      'default_authentication_plugin = mysql_native_password\nmaster_info_repository = TABLE\ninnodb_log_files_in_group = 2\n' +
      'query_cache_size = 0\nexpire_logs_days = 7\nsync_frm = 1\n',
    mustReject: [2, 3, 4, 5, 6, 7],
    mustAccept: [8, 9, 10, 11, 12, 13, 14],
  },
  {
    name: 'bad-values',
    text:
      '[mysqld]\nlog_slave_updates = yes\nlog_bin_trust_function_creators = 2\nbinlog_format = ROWS\ninnodb_flush_method = foo\n' +
      'max_connections = 1.5G\ninnodb_buffer_pool_size = 1.5G\nmax_connections = 999999999\nsync_binlog = ON\nmax_allowed_packet = abc\n' +
      'long_query_time = abc\nlong_query_time = 1.5\nserver_id\nsql_mode = FOO\ninnodb_buffer_pool_size = 1GB\nthread_cache_size = -5\n' +
      'transaction_isolation = READ-COMMITED\nlog_output = FILE,TABLES\ninnodb_log_file_size = 1M\nbinlog_format = row\n' +
      'max_heap_table_size = 64MB\ntmp_table_size = 32k\nthread_stack = 1T\n' +
      // enums take a 0-based index, sets a bitmask
      'binlog_format = 1\nsql_mode = 3\nbinlog_format = 3\n',
    mustReject: [4, 5, 6, 7, 9, 10, 11, 13, 14, 16, 17, 18, 26],
    mustAccept: [2, 3, 8, 12, 15, 19, 20, 21, 22, 23, 24, 25],
  },
  {
    name: 'loose-prefix',
    text: '[mysqld]\nloose-no_such_option = 1\nloose_rpl_semi_sync_source_enabled = 1\nloose-gtid_mode = ON\nloose-max_connections = abc\nloose-skip-foo\n',
    mustReject: [5],
    mustAccept: [2, 3, 4, 6],
  },
  {
    name: 'prefix-abbreviations',
    // MariaDB resolves a unique prefix; an ambiguous one (innodb_buffer_pool_si...: _size and _size_...?) is refused
    text: '[mysqld]\nmax_conn = 500\nkey_buffer = 16M\nsort_buffer = 2M\nskip-name-res\ninnodb_buffer_pool_si = 256M\nlog-slave-update = 1\n',
    mustReject: [6],
    mustAccept: [2, 3, 4, 5, 7],
  },
  {
    name: 'skip-enable-maximum',
    // maximum- is refused for a global-only variable (max_connections) and taken for a session one (sort_buffer_size)
    text: '[mysqld]\nskip-log-bin\nskip-networking\nskip-external-locking\ndisable-log-bin\nenable-no-such-thing\nskip-innodb_doublewrite\nmaximum-max_connections = 500\nskip-name-resolve\nmaximum-sort_buffer_size = 4M\n',
    mustReject: [6, 8],
    mustAccept: [2, 3, 4, 5, 7, 9, 10],
  },
  {
    name: 'plugins',
    text: '[mariadb]\nplugin-load-add = server_audit.so\nserver_audit_logging = ON\n[mysqld]\nsimple_password_check_minimal_length = 12\n',
    mustReject: [5],
    mustAccept: [2, 3, 4],
  },
  {
    name: 'retired-no-effect',
    // accepted and ignored: retired MariaDB options and MySQL names kept for compatibility; a plugin's activation option
    text:
      '[mysqld]\ninnodb_lock_schedule_algorithm = fcfs\ninnodb_lru_flush_size = 32\nmax_long_data_size = 1M\n' +
      'default_authentication_plugin = mysql_native_password\ninnodb_file_format = Barracuda\n' +
      'plugin_load_add = server_audit.so\nserver_audit = FORCE_PLUS_PERMANENT\nunix_socket = FORCE_PLUS_PERMANENT\n',
    mustAccept: [2, 3, 4, 5, 6, 7, 8, 9],
  },
  {
    name: 'galera-and-groups',
    text:
      '[galera]\nwsrep_on = ON\nwsrep_provider = /usr/lib/galera/libgalera_smm.so\nwsrep_cluster_address = gcomm://10.0.0.1,10.0.0.2\n' +
      'binlog_format = ROW\ninnodb_autoinc_lock_mode = 2\n[client]\nno_such_client_option = 1\n[mariadb-10.11]\ngtid_strict_mode = ON\ngtid_domain_id = 1\n',
    mustAccept: [2, 3, 4, 5, 6, 10, 11],
  },
];

interface Judged {
  file: string;
  /** 1-based line numbers of option lines in server groups. */
  optionLines: Map<number, string>;
  rejected: Map<number, string>;
  /** Accepted lines the server says it ignores (removed, or kept only for MySQL compatibility). */
  ignored: Map<number, string>;
  text: string;
  note?: string;
}

/** The file as both sides see it (see the header comment). */
function prepare(name: string, raw: string): { text: string; note?: string } {
  let text = raw.replace(/\r\n/g, '\n');
  const notes: string[] = [];
  if (/^\s*!include/m.test(text)) {
    text = text.replace(/^(\s*)(!include(?:dir)?\b.*)$/gm, '$1# oracle: $2');
    notes.push('include lines commented out');
  }
  if (name.startsWith('percona-toolkit-sandbox')) {
    text = text.replace(/\bPERCONA_TOOLKIT_SANDBOX\b/g, '/opt/sandbox').replace(/\bPORT\b/g, '12345').replace(/\bADDR\b/g, '127.0.0.1');
    notes.push('sandbox placeholders substituted');
  }
  const firstUseful = text.split('\n').find((l) => l.trim() && !/^\s*[#;]/.test(l));
  if (firstUseful !== undefined && !/^\s*(\[|!)/.test(firstUseful)) {
    text = '[mysqld]\n' + text;
    notes.push('fragment: [mysqld] prepended');
  }
  return { text, note: notes.join('; ') || undefined };
}

/** Option lines (1-based) in groups the server reads, with their name as written. A deliberately small reader. */
function serverOptionLines(text: string): Map<number, string> {
  const out = new Map<number, string>();
  let inServer = false;
  text.split('\n').forEach((line, k) => {
    const l = line.trim();
    if (!l || l[0] === '#' || l[0] === ';' || l[0] === '!') return;
    const g = /^\[([^\]]*)\]/.exec(l);
    if (g) {
      inServer = SERVER_GROUPS.has(g[1].trim().toLowerCase());
      return;
    }
    if (inServer) out.set(k + 1, l.split('=')[0].trim());
  });
  return out;
}

let tmp = '';
function runServer(text: string): { status: number | null; err: string } {
  const f = join(tmp, 'oracle.cnf');
  writeFileSync(f, text);
  const args = [`--defaults-file=${f}`, '--help', '--verbose'];
  const r = PRLIMIT
    ? spawnSync(PRLIMIT, ['--as=2147483648', '--', MARIADBD!, ...args], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' })
    : spawnSync(MARIADBD!, args, { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { status: r.status, err: r.stderr ?? '' };
}

/**
 * The file as we lint it: checked for MariaDB 10.11 whatever it shows (a PXC file is judged by this server too). The
 * configuration alone would not do: a file that is plainly Galera-on-MySQL is checked as PXC in spite of it. The
 * comment goes at the end, so line numbers stay.
 */
const forced = (text: string) => `${text.endsWith('\n') ? text : `${text}\n`}# devops-guidance target=mariadb-10.11\n`;

const canon = (s: string) => s.toLowerCase().replace(/-/g, '_');
const stripPrefixes = (s: string) => canon(s).replace(/^(loose_)?((skip|disable|enable|maximum)_)?/, '');

/** The option lines that the messages of one run reject, each with the message that rejects it. */
function rejectedBy(err: string, lines: Map<number, string>, text: string, failed: boolean): Map<number, string> {
  const errors = err.split('\n').filter((l) => /\[ERROR\]|^error:/i.test(l) && !/Aborting|Parsing options for plugin/.test(l));
  const hits = new Map<number, string>();
  const textLines = text.split('\n');
  const valueOf = (n: number) => textLines[n - 1].split('=').slice(1).join('=').trim();
  // Names for which some message quotes the refused value: the unquoted messages about them add nothing.
  const valued = new Set<string>();
  for (const e of errors) {
    const m = /value '([^']*)' to '([^']+)'/.exec(e) ?? /variable '([^']+)' \(value '([^']*)'\)/.exec(e);
    if (m) valued.add(canon(e.includes(' to ') ? m[2] : m[1]));
  }
  for (const e of errors) {
    const why = e.replace(/^.*?\[ERROR\] (Buffered error: )?/, '');
    // unknown variable 'name=value' / unknown option '--name' / option '--name' requires an argument / ambiguous option
    let m = /unknown (?:variable|option) '(?:--)?([^'=]+)/.exec(e) ?? /option '--([^']+)' (?:requires|cannot take|doesn't allow)/.exec(e) ?? /ambiguous option '--([^'=]+)/.exec(e);
    if (m) {
      const name = canon(m[1]);
      for (const [n, written] of lines) if (canon(written) === name) hits.set(n, why);
      continue;
    }
    // Error while setting value 'v' to 'name' / Unknown suffix ... for variable 'name' (value 'v') / ... for name / Maximum value of 'name'
    m = /value '([^']*)' to '([^']+)'/.exec(e) ?? /variable '([^']+)' \(value '([^']*)'\)/.exec(e);
    let name: string | undefined;
    let value: string | undefined;
    if (m && e.includes(' to ')) [value, name] = [m[1], m[2]];
    else if (m) [name, value] = [m[1], m[2]];
    else {
      const m2 = /Maximum value of '([^']+)'/.exec(e) ?? /for option '([^']+)'/.exec(e) ?? /for ([A-Za-z0-9_-]+)\s*$/.exec(e);
      if (m2) name = m2[1];
      if (name && valued.has(canon(name)) && !/Maximum value/.test(e)) continue;
    }
    if (!name) continue;
    const target = canon(name);
    const candidates = [...lines].filter(([, written]) => {
      const w = stripPrefixes(written);
      return w === target || (w.length >= 3 && target.startsWith(w)); // MariaDB resolves unique prefixes
    });
    const withValue = value === undefined ? [] : candidates.filter(([n]) => valueOf(n) === value);
    const pick = withValue.length ? withValue : candidates;
    if (pick.length) hits.set(pick[pick.length - 1][0], why);
  }
  // A run that failed without a parsable [ERROR] line (e.g. "Failed to normalize the argument for --secure-file-priv"
  // then exit 1): the option named in any message is the culprit.
  if (!hits.size && failed) {
    for (const l of err.split('\n')) {
      for (const m of l.matchAll(/--([A-Za-z0-9_-]+)/g)) {
        const target = canon(m[1]);
        for (const [n, written] of lines) if (stripPrefixes(written) === target) hits.set(n, l.replace(/^.*?\[(Warning|ERROR)\] /, ''));
      }
    }
  }
  return hits;
}

/** Asks the server until the file is accepted, commenting out each rejected line. */
function judge(file: string, raw: string): Judged {
  const { text, note } = prepare(file, raw);
  const optionLines = serverOptionLines(text);
  const rejected = new Map<number, string>();
  const ignored = new Map<number, string>();
  const lines = text.split('\n');
  for (let round = 0; round < 200; round++) {
    const current = lines.join('\n');
    const r = runServer(current);
    const live = new Map([...optionLines].filter(([n]) => !rejected.has(n)));
    const innodbOff = /Parsing options for plugin 'InnoDB' failed/.test(r.err);
    const hits = rejectedBy(r.err, live, current, r.status !== 0 || innodbOff);
    for (const [n, why] of hits) {
      rejected.set(n, why);
      lines[n - 1] = '# oracle: rejected: ' + lines[n - 1];
    }
    if (!hits.size) {
      if (r.status !== 0 || innodbOff) {
        const msg = r.err.split('\n').filter((l) => /ERROR|error/.test(l)).slice(0, 3).join(' | ');
        throw new Error(`${file}: the server refused the file but no option line could be matched: ${msg}`);
      }
      // the accepted file: which lines does the server read and ignore?
      for (const w of r.err.split('\n')) {
        const m = /'([A-Za-z0-9_-]+)' (was removed|is MySQL)/.exec(w);
        if (!m) continue;
        for (const [n, written] of live) if (stripPrefixes(written) === canon(m[1])) ignored.set(n, w.replace(/^.*?\[Warning\] /, ''));
      }
      break;
    }
  }
  return { file, optionLines, rejected, ignored, text, note };
}

describe('oracle: mariadbd 10.11 judges option files', function () {
  this.timeout(300_000);
  const judged: Judged[] = [];
  let corpus: string[] = [];
  let judgeMs = 0;

  before(async function () {
    if (!MARIADBD) {
      console.log('      SKIPPED: mariadbd is not installed (apt-get install mariadb-server); CI installs it through .ci/run');
      this.skip();
    }
    const version = /Ver (\d+\.\d+)\.\d+/.exec(spawnSync(MARIADBD, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
    if (version !== '10.11') {
      console.log(`      SKIPPED: ${MARIADBD} is MariaDB ${version ?? '(unknown version)'}; this oracle judges target mariadb-10.11 (Debian 12's mariadb-server)`);
      this.skip();
    }
    tmp = mkdtempSync(join(tmpdir(), 'dg-oracle-'));
    await engineReady();
    // The server's verdicts, gathered once for every test below.
    const dir = join(CORPUS, 'mycnf');
    corpus = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cnf')).sort() : [];
    const t0 = performance.now();
    for (const f of corpus) judged.push(judge(f, readFileSync(join(dir, f), 'utf8')));
    for (const c of GENERATED) judged.push(judge(`generated/${c.name}.cnf`, c.text));
    judgeMs = performance.now() - t0;
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('collects what the server rejects and accepts (corpus + generated cases)', () => {
    assert.ok(corpus.length >= 20, `expected the corpus at ${join(CORPUS, 'mycnf')}`);
    const lines = judged.reduce((a, j) => a + j.optionLines.size, 0);
    const rej = judged.reduce((a, j) => a + j.rejected.size, 0);
    console.log(`      server verdicts: ${judged.length} files, ${lines} option lines, ${rej} rejected (${Math.round(judgeMs)} ms)`);
    for (const j of judged) for (const [n, why] of j.rejected) console.log(`        rejected ${basename(j.file)}:${n} ${j.optionLines.get(n)}  <- ${why.slice(0, 100)}`);
    assert.ok(rej > 0 && rej < lines, 'the server both rejects and accepts lines');
  });

  it('the harness reads the server right (generated cases with known verdicts)', () => {
    const problems: string[] = [];
    for (const c of GENERATED) {
      const j = judged.find((x) => x.file === `generated/${c.name}.cnf`);
      assert.ok(j, `${c.name} was not judged (see the first test)`);
      for (const n of c.mustReject ?? []) if (!j.rejected.has(n)) problems.push(`${c.name}:${n} ${j.text.split('\n')[n - 1]} should be rejected`);
      for (const n of c.mustAccept ?? []) if (j.rejected.has(n)) problems.push(`${c.name}:${n} ${j.text.split('\n')[n - 1]} should be accepted`);
    }
    assert.deepEqual(problems, []);
  });

  it('our findings agree with the server: every rejected line flagged, no accepted line called unknown', () => {
    const unknown = findRule('unknown-option');
    const invalid = findRule('invalid-value');
    assert.ok(unknown && invalid, `the rules "unknown-option" and "invalid-value" are not registered yet (found: ${unknown?.code ?? 'none'}, ${invalid?.code ?? 'none'}); the server side above is ready`);
    // Besides unknown-option and invalid-value, these rules say outright that the server refuses the line; a line
    // the server rejects counts as flagged when one of them reports it at warning or error.
    const refusal = new Set(
      ['removed-option', 'option-abbreviated', 'maximum-prefix-invalid', 'plugin-not-loaded']
        .map((n) => findRule(n)?.code)
        .filter((c): c is string => !!c),
    );
    const config = mergeConfig(defaultConfig(), { mysql: { target: 'mariadb-10.11' } });
    const environmentDependent: string[] = [];
    let rejected = 0;
    let caught = 0;
    let accepted = 0;
    let calledUnknown = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const j of judged) {
      const findings: Finding[] = lint(forced(j.text), 'mycnf', config, { fileName: `/oracle/${basename(j.file)}` });
      const byLine = new Map<number, Finding[]>();
      for (const f of findings) byLine.set(f.range.start.line + 1, [...(byLine.get(f.range.start.line + 1) ?? []), f]);
      for (const [n, written] of j.optionLines) {
        const fs = byLine.get(n) ?? [];
        if (j.rejected.has(n)) {
          // A path option naming a folder this machine lacks (secure_file_priv=/var/lib/mysql-files) is refused here
          // and accepted on a server that has it: the file alone cannot tell, so it is not counted either way.
          const lineText = j.text.split('\n')[n - 1] ?? '';
          const pathValue = /^\s*(?:loose[-_])?secure[-_]file[-_]priv\s*=\s*["']?(\/[^"'\s#]*)/i.exec(lineText)?.[1];
          if (pathValue && !existsSync(pathValue)) {
            environmentDependent.push(`${j.file}:${n} ${written}`);
            continue;
          }
          rejected++;
          if (fs.some((f) => f.code === unknown.code || f.code === invalid.code || (refusal.has(f.code) && (f.severity === 'error' || f.severity === 'warning')))) caught++;
          else missed.push(`${j.file}:${n} ${written} (server: ${j.rejected.get(n)!.slice(0, 100)})`);
        } else {
          accepted++;
          const bad = fs.find((f) => f.code === unknown.code && (f.severity === 'error' || f.severity === 'warning'));
          if (bad) {
            calledUnknown++;
            wrong.push(`${j.file}:${n} ${written}: ${bad.message}`);
          }
        }
      }
    }
    console.log(`      agreement: rejected by the server ${caught}/${rejected} flagged by us; accepted by the server ${accepted - calledUnknown}/${accepted} not called unknown`);
    for (const e of environmentDependent) console.log(`        NOT COUNTED (depends on this machine's folders) ${e}`);
    for (const m of missed) console.log(`        MISSED ${m}`);
    for (const w of wrong) console.log(`        WRONG  ${w}`);
    assert.deepEqual({ missed, wrong }, { missed: [], wrong: [] });
  });

  it('says "has no effect" exactly where the server reads a line and ignores it, never where it refuses one', () => {
    const removed = findRule('removed-option')!;
    const config = mergeConfig(defaultConfig(), { mysql: { target: 'mariadb-10.11' } });
    let ignored = 0;
    let toldNoEffect = 0;
    let refusedSaidNoEffect = 0;
    let acceptedSaidNoEffect = 0;
    let saidNoEffect = 0;
    const wrong: string[] = [];
    for (const j of judged) {
      const findings = lint(forced(j.text), 'mycnf', config, { fileName: `/oracle/${basename(j.file)}` });
      const noEffect = new Set(findings.filter((f) => f.code === removed.code && /has no effect/.test(f.message)).map((f) => f.range.start.line + 1));
      const refused = new Set(findings.filter((f) => f.severity === 'error' && /refuses to start/.test(f.message)).map((f) => f.range.start.line + 1));
      for (const [n, written] of j.optionLines) {
        const said = noEffect.has(n);
        if (said) saidNoEffect++;
        if (j.ignored.has(n)) {
          ignored++;
          if (said && !refused.has(n)) toldNoEffect++;
          else wrong.push(`${j.file}:${n} ${written}: the server ignores it (${j.ignored.get(n)!.slice(0, 80)}), we ${refused.has(n) ? 'say it refuses to start' : 'do not say it has no effect'}`);
        } else if (said && j.rejected.has(n)) {
          refusedSaidNoEffect++;
          wrong.push(`${j.file}:${n} ${written}: the server refuses it, we say it has no effect`);
        } else if (said) {
          acceptedSaidNoEffect++;
          wrong.push(`${j.file}:${n} ${written}: the server applies it, we say it has no effect`);
        }
      }
    }
    console.log(`      has no effect: the server ignored ${ignored} lines, we said so on ${toldNoEffect}; we said "has no effect" on ${saidNoEffect} lines (${refusedSaidNoEffect} the server refuses, ${acceptedSaidNoEffect} it applies)`);
    for (const w of wrong) console.log(`        WRONG  ${w}`);
    assert.ok(ignored > 0, 'the generated cases include lines the server ignores');
    assert.deepEqual(wrong, []);
  });
});
