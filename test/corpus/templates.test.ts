/**
 * Every real template in test/corpus/templates (Ansible, Puppet, Chef, Helm, image repositories) is linted as the
 * template it is: no internal error, no finding on template syntax (a tag, a line only tags make, a message quoting a
 * tag or its mask), and the findings per file and per code match test/corpus/summary-templates.md. After a
 * deliberate change: UPDATE_CORPUS=1 npm test -- corpus, then read the diff.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, ROOT } from '../helpers/setup';
import { nodeEnv } from '../../src/node/host';
import { defaultConfig, lint, templateOf, type Finding, type Kind } from '../../src/core/index';
import { describeFinding } from '../helpers/fixtures';
import { LineIndex } from '../../src/core/text';

export const TEMPLATES = join(ROOT, 'test', 'corpus', 'templates');

export interface TemplateFile {
  /** Name shown in the summary (`file` or `file#block`). */
  name: string;
  /** The path the engine is told (its name says it is a template). */
  path: string;
  text: string;
  kind: Kind;
}

/**
 * The option files Helm charts embed in values.yaml (`configuration: |-` blocks with Go template expressions),
 * dedented, each linted as the my.cnf template the chart renders.
 */
function embeddedOptionFiles(file: string, text: string): TemplateFile[] {
  const out: TemplateFile[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)configuration: \|-?\s*$/.exec(lines[i]);
    if (!m) continue;
    const body: string[] = [];
    let indent: number | undefined;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k];
      if (l.trim() === '') {
        body.push('');
        continue;
      }
      const ind = /^\s*/.exec(l)![0].length;
      indent ??= ind;
      if (ind < indent || ind <= m[1].length) break;
      body.push(l.slice(indent));
    }
    if (body.some((l) => /^\[/.test(l))) out.push({ name: `${file}#line${i + 1}`, path: join(TEMPLATES, 'mycnf', `${file}.line${i + 1}.my.cnf.tpl`), text: body.join('\n').trimEnd() + '\n', kind: 'mycnf' });
  }
  return out;
}

export function templateFiles(kind: Kind): TemplateFile[] {
  const dir = join(TEMPLATES, kind);
  if (!existsSync(dir)) throw new Error(`the template corpus folder ${dir} is missing`);
  const out: TemplateFile[] = [];
  for (const f of readdirSync(dir).sort()) {
    if (f === 'SOURCES.tsv') continue;
    const path = join(dir, f);
    const text = readFileSync(path, 'utf8');
    if (f.endsWith('values.yaml')) out.push(...embeddedOptionFiles(f, text));
    else out.push({ name: f, path, text, kind });
  }
  return out;
}

/** Whether a finding is about template syntax, judged from the template's own text (not from the engine's masking). */
export function onTemplateSyntax(text: string, f: Finding): string | undefined {
  if (/\$\{(_{2,}\}|_*…)/.test(f.message)) return 'its message quotes the mask of a tag (whole or cut short)';
  if (['DL1000', 'MYC005', 'MYC008'].includes(f.code)) return 'a syntax error';
  const lines = new LineIndex(text);
  const s = lines.offsetAt(f.range.start);
  const e = lines.offsetAt(f.range.end);
  const around = text.slice(Math.max(0, s - 2), Math.min(text.length, e + 2));
  const span = text.slice(s, e);
  if (/\{\{|\}\}|\{%|%\}|\{#|#\}|<%|%>|%%\w|@@\w/.test(span)) return 'its range covers a tag';
  if (/^(\{|%|#)|(\}|%)$/.test(span) && /\{\{|\{%|\}\}|%\}|<%|%>/.test(around)) return 'its range touches a tag';
  const line = lines.line(f.range.start.line);
  const stripped = line.replace(/\{\{[^]*?\}\}|\{%[^]*?%\}|\{#[^]*?#\}|<%[^]*?%>/g, '');
  if (stripped !== line && !stripped.trim()) return 'it is on a line made of tags';
  return undefined;
}

function summary(results: Map<string, Finding[]>, kind: Kind, files: TemplateFile[]): string {
  const byCode = new Map<string, number>();
  for (const fs of results.values()) for (const f of fs) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  return [
    `## ${kind}`,
    '',
    `${files.length} templates, ${total} findings (default configuration), none on template syntax.`,
    '',
    '| file | syntax | findings |',
    '|---|---|---:|',
    ...files.map((f) => `| ${f.name} | ${templateOf(f.path, f.text)?.syntax ?? '-'} | ${results.get(f.name)?.length ?? 0} |`),
    '',
    '| code | findings |',
    '|---|---:|',
    ...[...byCode.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `| ${c} | ${n} |`),
    '',
  ].join('\n');
}

describe('corpus: templates', () => {
  before(engineReady);
  const parts: string[] = [];
  for (const kind of ['mycnf', 'dockerfile'] as Kind[]) {
    describe(kind, () => {
      const files = templateFiles(kind);
      const results = new Map<string, Finding[]>();
      it(`holds enough real templates (${files.length})`, () => {
        assert.ok(files.length >= (kind === 'mycnf' ? 15 : 10), `${files.length} ${kind} templates`);
        const syntaxes = new Set(files.map((f) => templateOf(f.path, f.text)?.syntax));
        for (const s of kind === 'mycnf' ? ['jinja2', 'erb', 'epp', 'go', 'placeholder'] : ['jinja2', 'erb', 'epp', 'go', 'jq', 'placeholder']) assert.ok(syntaxes.has(s as never), `no ${s} template`);
      });
      it('reads every file as a template, lints it without an internal error and without a finding on template syntax', () => {
        const problems: string[] = [];
        for (const f of files) {
          assert.ok(templateOf(f.path, f.text), `${f.name} is not read as a template`);
          const findings = lint(f.text, kind, defaultConfig(), nodeEnv(f.path, { root: TEMPLATES }));
          results.set(f.name, findings);
          for (const x of findings) {
            if (x.code === 'DG001') problems.push(`${f.name}: ${describeFinding(x)}`);
            const why = x.file ? undefined : onTemplateSyntax(f.text, x);
            if (why) problems.push(`${f.name}: ${describeFinding(x)}: ${why}`);
          }
        }
        assert.deepEqual(problems, []);
      });
      it('matches the committed summary', () => {
        assert.equal(results.size, files.length, 'the lint above did not finish');
        parts.push(summary(results, kind, files));
        if (parts.length < 2) return;
        const path = join(ROOT, 'test/corpus/summary-templates.md');
        const now = ['# Corpus summary: templates', '', 'Generated by test/corpus/templates.test.ts (UPDATE_CORPUS=1); the test fails when the counts drift.', '', ...parts].join('\n');
        if (process.env.UPDATE_CORPUS) writeFileSync(path, now);
        assert.ok(existsSync(path), `missing ${path}; run UPDATE_CORPUS=1 npm test -- corpus`);
        assert.equal(now, readFileSync(path, 'utf8'), 'template findings changed; if intended, run UPDATE_CORPUS=1 npm test -- corpus and review the diff');
      });
    });
  }
});
