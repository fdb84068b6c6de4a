import { allRules, ruleDoc, type Finding, type Kind, type Position, type Severity } from '../core/index';
import { escapeControl } from './escape';

export interface FileResult {
  file: string;
  kind: Kind;
  findings: Finding[];
  /** Option files: the server the file was checked for, and why. */
  mysqlTarget?: { target: string; label: string; reason: string; tables?: string };
  /** Set when the file was read as a template: the syntax's name (`Jinja2`, `ERB`, `Puppet EPP`, `Go`...). */
  template?: string;
  /** The same syntax as an id (`jinja2`, `erb`, `epp`, `go`, `jq`, `placeholder`), for the machine-read formats. */
  templateSyntax?: string;
  /** Set when the file was not linted (e.g. a *.cnf that is no MySQL option file), with the reason. */
  skipped?: string;
  /** The linted text, for formats that count columns in UTF-8 bytes (rdjson) and for fingerprints. */
  text?: string;
}

export const FORMATS = ['text', 'json', 'sarif', 'github-actions', 'rdjson', 'gitlab', 'checkstyle', 'gnu'] as const;
export type Format = (typeof FORMATS)[number];

/** hadolint's --format names that mean the same thing as one of ours. */
export const HADOLINT_FORMATS: Record<string, Format> = {
  tty: 'text',
  json: 'json',
  checkstyle: 'checkstyle',
  gitlab_codeclimate: 'gitlab',
  gnu: 'gnu',
  sarif: 'sarif',
};

export interface FormatOptions {
  color?: boolean;
  version?: string;
  /** SARIF: runAutomationDetails.id prefix, so several runs (one per kind, say) upload side by side. */
  category?: string;
}

export function format(name: Format, results: FileResult[], options: FormatOptions = {}): string {
  switch (name) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, options.version ?? '0.0.0', options.category);
    case 'github-actions':
      return formatGithubActions(results);
    case 'rdjson':
      return formatRdjson(results);
    case 'gitlab':
      return formatGitlab(results);
    case 'checkstyle':
      return formatCheckstyle(results);
    case 'gnu':
      return formatGnu(results);
    default:
      return formatText(results, options.color ?? false);
  }
}

function fileOf(r: FileResult, f: Finding): string {
  return (f.file ?? r.file).split('\\').join('/');
}

/** The rule's primary reference (hadolint's wiki for DL codes, the vendor's documentation otherwise). */
export function ruleUrl(code: string): string | undefined {
  try {
    return ruleDoc(code)?.references[0]?.url;
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint that survives edits elsewhere in the file: the rule, the path, the text of the finding's first line
 * (trimmed), and the how-many-th such finding it is. Line numbers are left out on purpose.
 */
function fingerprints(r: FileResult): string[] {
  // node:crypto only for the formats that carry fingerprints: loading it costs every other run of the CLI
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const lines = r.text?.split(/\r?\n/);
  const seen = new Map<string, number>();
  return r.findings.map((f) => {
    const lineText = !f.file && lines ? (lines[f.range.start.line] ?? '').trim() : `${f.range.start.line}`;
    const base = `${f.code}\0${fileOf(r, f)}\0${lineText}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return createHash('sha256').update(`${base}\0${n}`).digest('hex').slice(0, 32);
  });
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' } as const;
const RESET = '\x1b[0m';

/** `file:line:col severity CODE [name] message`, 1-based like compilers print it. */
export function formatText(results: FileResult[], color: boolean): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let skipped = 0;
  for (const r of results) {
    if (r.skipped) {
      skipped++;
      lines.push(`${r.file}: not linted: ${r.skipped}`);
      continue;
    }
    if (r.template) lines.push(`${r.file}: read as a${/^[AEIOU]/.test(r.template) ? 'n' : ''} ${r.template} template (tags masked, templated values not judged)`);
    if (r.mysqlTarget) lines.push(`${r.file}: checked for ${r.mysqlTarget.label} (${r.mysqlTarget.target}): ${r.mysqlTarget.reason}${r.mysqlTarget.tables ? ` [${r.mysqlTarget.tables}]` : ''}`);
    for (const f of r.findings) {
      counts[f.severity]++;
      // file names and messages (which quote option names and values) are printed with control characters escaped
      const file = escapeControl(f.file ?? r.file);
      const sev = color ? `${COLORS[f.severity]}${f.severity}${RESET}` : f.severity;
      const fixable = !f.fixes?.length ? '' : f.fixes.some((x) => x.safe) ? ' (fixable)' : ' (fixable with --unsafe-fixes)';
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev} ${escapeControl(f.code)} [${escapeControl(f.name)}] ${escapeControl(f.message)}${fixable}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const checked = results.length - skipped;
  lines.push(
    `${checked} file${checked === 1 ? '' : 's'} checked, ${total} finding${total === 1 ? '' : 's'}` +
      (total ? ` (${counts.error} error, ${counts.warning} warning, ${counts.info} info, ${counts.hint} hint)` : '') +
      (skipped ? `; ${skipped} not linted` : ''),
  );
  return lines.join('\n') + '\n';
}

const HADOLINT_LEVEL = { error: 'error', warning: 'warning', info: 'info', hint: 'style' } as const;

/** hadolint's JSON fields (file, line, column, level, code, message; 1-based) plus endLine, endColumn, name. */
export function formatJson(results: FileResult[]): string {
  const out = results.flatMap((r) =>
    r.findings.map((f) => ({
      file: f.file ?? r.file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      level: HADOLINT_LEVEL[f.severity],
      code: f.code,
      name: f.name,
      message: f.message,
      ...(f.fixes?.length ? { fixable: true } : {}),
      ...(r.mysqlTarget ? { mysqlTarget: r.mysqlTarget.target, mysqlTargetReason: r.mysqlTarget.reason } : {}),
      ...(r.templateSyntax ? { template: r.templateSyntax } : {}),
    })),
  );
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/**
 * SARIF 2.1.0 with one run, every rule used described (help text and URI), exact regions (columns ≥ 1 even for
 * findings about a whole file), partial fingerprints, and an optional category (runAutomationDetails).
 */
export function formatSarif(results: FileResult[], version: string, category?: string): string {
  const used = new Set(results.flatMap((r) => r.findings.map((f) => f.code)));
  const rules = allRules().filter((m) => used.has(m.code));
  const index = new Map(rules.map((m, i) => [m.code, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'DevOps Guidance',
            version,
            rules: rules.map((m) => {
              const doc = ruleDoc(m.code);
              const helpUri = ruleUrl(m.code);
              return {
                id: m.code,
                name: m.name,
                shortDescription: { text: doc?.summary ?? m.name },
                ...(doc ? { fullDescription: { text: doc.why.trim() }, help: { text: doc.fix.trim(), markdown: doc.fix.trim() } } : {}),
                ...(helpUri ? { helpUri } : {}),
                defaultConfiguration: { level: m.severity === 'off' ? 'none' : SARIF_LEVEL[m.severity] },
                properties: { kind: m.kind, fix: m.fix, ...(m.aliases?.length ? { aliases: m.aliases } : {}) },
              };
            }),
          },
        },
        ...(category ? { automationDetails: { id: `${category.replace(/\/+$/, '')}/` } } : {}),
        results: results.flatMap((r) => {
          const prints = fingerprints(r);
          return r.findings.map((f, i) => ({
            ruleId: f.code,
            ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(fileOf(r, f)) },
                  region: sarifRegion(f.range.start, f.range.end),
                },
              },
            ],
            partialFingerprints: { 'devopsGuidance/v1': prints[i] },
            // the file was read as a template (tags masked, templated values not judged): which syntax
            ...(r.templateSyntax ? { properties: { template: r.templateSyntax } } : {}),
          }));
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** 1-based, never below 1, and never ending before it starts. */
function sarifRegion(start: Position, end: Position) {
  const startLine = Math.max(1, start.line + 1);
  const startColumn = Math.max(1, start.character + 1);
  let endLine = Math.max(startLine, end.line + 1);
  let endColumn = Math.max(1, end.character + 1);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  if (end.line < start.line) endLine = startLine;
  return { startLine, startColumn, endLine, endColumn };
}

// ---- GitHub Actions workflow commands ------------------------------------------------------------------------

const GHA_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Workflow-command escaping: the message escapes %, CR and LF; property values also : and ,. */
function ghaData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghaProperty(s: string): string {
  return ghaData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message` line per finding. */
export function formatGithubActions(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props = [
        `file=${ghaProperty(fileOf(r, f))}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${ghaProperty(`${f.code} ${f.name}`)}`,
      ];
      out.push(`::${GHA_LEVEL[f.severity]} ${props.join(',')}::${ghaData(f.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

// ---- reviewdog rdjson --------------------------------------------------------------------------------------

const RD_SEVERITY: Record<Severity, string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO', hint: 'INFO' };

/** rdjson columns are 1-based UTF-8 byte counts; ours are UTF-16 code units. */
function utf8Column(lines: string[] | undefined, p: Position): number {
  const line = lines?.[p.line];
  if (line === undefined) return p.character + 1;
  return Buffer.byteLength(line.slice(0, p.character), 'utf8') + 1;
}

function rdRange(lines: string[] | undefined, start: Position, end: Position) {
  return {
    start: { line: start.line + 1, column: utf8Column(lines, start) },
    end: { line: end.line + 1, column: utf8Column(lines, end) },
  };
}

/** reviewdog's Diagnostic Format (DiagnosticResult), with each finding's first fix as suggestions. */
export function formatRdjson(results: FileResult[]): string {
  const diagnostics = results.flatMap((r) => {
    const lines = r.text?.split(/\r?\n/);
    return r.findings.map((f) => {
      const own = !f.file ? lines : undefined;
      const url = ruleUrl(f.code);
      const fix = f.fixes?.find((x) => x.safe) ?? f.fixes?.[0];
      return {
        message: f.message,
        location: { path: fileOf(r, f), range: rdRange(own, f.range.start, f.range.end) },
        severity: RD_SEVERITY[f.severity],
        code: { value: f.code, ...(url ? { url } : {}) },
        ...(fix && own ? { suggestions: fix.edits.map((e) => ({ range: rdRange(own, e.range.start, e.range.end), text: e.newText })) } : {}),
      };
    });
  });
  return JSON.stringify({ source: { name: 'devops-guidance' }, diagnostics }, null, 2) + '\n';
}

// ---- GitLab Code Quality -----------------------------------------------------------------------------------

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/** GitLab's Code Quality report: an array of issues (a subset of the Code Climate spec). */
export function formatGitlab(results: FileResult[]): string {
  const issues = results.flatMap((r) => {
    const prints = fingerprints(r);
    return r.findings.map((f, i) => ({
      type: 'issue',
      check_name: f.code,
      description: `${f.code} ${f.name}: ${f.message}`,
      categories: ['Style'],
      fingerprint: prints[i],
      severity: GITLAB_SEVERITY[f.severity],
      location: { path: fileOf(r, f), lines: { begin: f.range.start.line + 1, end: Math.max(f.range.start.line, f.range.end.line) + 1 } },
    }));
  });
  return JSON.stringify(issues, null, 2) + '\n';
}

// ---- Checkstyle XML ----------------------------------------------------------------------------------------

function xml(s: string): string {
  // characters XML 1.0 cannot carry at all are dropped; the rest is escaped
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

/** Checkstyle XML as hadolint writes it: one <file> per linted file, one <error> per finding, source = rule code. */
export function formatCheckstyle(results: FileResult[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const r of results) {
    if (!byFile.has(r.file)) byFile.set(r.file, []);
    for (const f of r.findings) {
      const name = fileOf(r, f);
      if (!byFile.has(name)) byFile.set(name, []);
      byFile.get(name)!.push(f);
    }
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [name, findings] of byFile) {
    out.push(`  <file name="${xml(name)}">`);
    for (const f of findings) {
      out.push(
        `    <error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${CHECKSTYLE_SEVERITY[f.severity]}" message="${xml(f.message)}" source="${xml(f.code)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}

// ---- GNU ---------------------------------------------------------------------------------------------------

/** The GNU error format editors and compilers share: `file:line.col-line.col: severity: message [CODE]`. */
export function formatGnu(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const s = f.range.start;
      const e = f.range.end;
      out.push(`${escapeControl(fileOf(r, f))}:${s.line + 1}.${s.character + 1}-${e.line + 1}.${e.character + 1}: ${f.severity}: ${escapeControl(f.message)} [${escapeControl(f.code)}]`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
