import { allRules, ruleDoc, type Finding, type Kind } from '../core/index';

export interface FileResult {
  file: string;
  kind: Kind;
  findings: Finding[];
  /** Option files: the server the file was checked for, and why. */
  mysqlTarget?: { target: string; label: string; reason: string; tables?: string };
  /** Set when the file was not linted (e.g. a *.cnf that is no MySQL option file), with the reason. */
  skipped?: string;
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
    if (r.mysqlTarget) lines.push(`${r.file}: checked for ${r.mysqlTarget.label} (${r.mysqlTarget.target}): ${r.mysqlTarget.reason}${r.mysqlTarget.tables ? ` [${r.mysqlTarget.tables}]` : ''}`);
    for (const f of r.findings) {
      counts[f.severity]++;
      const file = f.file ?? r.file;
      const sev = color ? `${COLORS[f.severity]}${f.severity}${RESET}` : f.severity;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${sev} ${f.code} [${f.name}] ${f.message}${f.fixes?.length ? ' (fixable)' : ''}`);
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
    })),
  );
  return JSON.stringify(out, null, 2) + '\n';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0 with one run, every rule described, exact regions. */
export function formatSarif(results: FileResult[], version: string): string {
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
            informationUri: 'https://example.invalid/devops-guidance',
            rules: rules.map((m) => {
              const doc = ruleDoc(m.code);
              return {
                id: m.code,
                name: m.name,
                shortDescription: { text: doc?.summary ?? m.name },
                ...(doc ? { fullDescription: { text: doc.why.trim() }, help: { text: doc.fix.trim() } } : {}),
                defaultConfiguration: { level: m.severity === 'off' ? 'none' : SARIF_LEVEL[m.severity] },
                properties: { kind: m.kind, fix: m.fix, ...(m.aliases?.length ? { aliases: m.aliases } : {}) },
              };
            }),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: index.get(f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: (f.file ?? r.file).split('\\').join('/') },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
