/**
 * The editor snippets in snippets/*.json: each file is strict JSON in VS Code's snippet format, and — the strong
 * test — every snippet, with its tab stops replaced by their defaults (every choice tried), lints with no warning
 * or error from our own engine. A snippet that teaches a bad habit fails here, as rules are added.
 * Fragments (a single instruction, a Vagrant block) are linted inside a minimal host file that is itself clean.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engineReady, ROOT } from '../helpers/setup';
import { lint, defaultConfig, atOrAbove, findRule, type Finding, type Kind } from '../../src/core/index';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const FILES: { file: string; kind: Kind }[] = [
  { file: 'dockerfile.json', kind: 'dockerfile' },
  { file: 'vagrantfile.json', kind: 'vagrantfile' },
  { file: 'mycnf.json', kind: 'mycnf' },
];

// ---------------------------------------------------------------------------------------------------------------
// VS Code snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax):
//   $1  ${1}  ${1:default with ${2:nested}}  ${1|one,two|}  $0  $TM_FILENAME  ${TM_FILENAME:default}
//   \$ \} \\ escape the characters that would otherwise start or end a placeholder.
// ---------------------------------------------------------------------------------------------------------------

export interface Expansion {
  /** One text per choice of the first choice placeholder (a single text when there is none). */
  texts: string[];
  /** Defaults seen per tab stop number, to catch one stop with two different defaults. */
  defaults: Map<number, Set<string>>;
  tabStops: Set<number>;
}

/** Expands a snippet body: each placeholder becomes its default (or the given choice), variables become ''. */
export function expandSnippet(body: string): Expansion {
  const defaults = new Map<number, Set<string>>();
  const tabStops = new Set<number>();
  const choiceSets: string[][] = [];

  function expand(src: string, choiceIndex: number, record: boolean): string {
    let out = '';
    let i = 0;
    const parsePlaceholder = (): string => {
      // at "${"
      i += 2;
      const m = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
      if (!m) throw new Error(`bad placeholder at ${i}: ${src.slice(i - 2, i + 20)}`);
      const name = m[1];
      i += name.length;
      const isStop = /^\d+$/.test(name);
      if (isStop) tabStops.add(Number(name));
      if (src[i] === '}') {
        i++;
        return '';
      }
      if (src[i] === '|' && isStop) {
        const end = src.indexOf('|}', i + 1);
        if (end < 0) throw new Error('unterminated choice');
        const choices = src.slice(i + 1, end).split(',');
        if (record) choiceSets.push(choices);
        i = end + 2;
        return choices[Math.min(choiceIndex, choices.length - 1)];
      }
      if (src[i] !== ':') throw new Error(`bad placeholder at ${i}: ${src.slice(i - 2, i + 20)}`);
      i++;
      // default text up to the matching unescaped '}', may nest placeholders
      let depth = 0;
      const start = i;
      while (i < src.length) {
        const c = src[i];
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === '$' && src[i + 1] === '{') {
          depth++;
          i += 2;
          continue;
        }
        if (c === '}') {
          if (depth === 0) break;
          depth--;
        }
        i++;
      }
      if (i >= src.length) throw new Error('unterminated placeholder');
      const raw = src.slice(start, i);
      i++; // the closing brace
      const value = expand(raw, choiceIndex, record);
      if (isStop && record) {
        const n = Number(name);
        if (!defaults.has(n)) defaults.set(n, new Set());
        defaults.get(n)!.add(value);
      }
      return value;
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && (src[i + 1] === '$' || src[i + 1] === '}' || src[i + 1] === '\\')) {
        out += src[i + 1];
        i += 2;
      } else if (c === '$' && src[i + 1] === '{') {
        out += parsePlaceholder();
      } else if (c === '$' && /[0-9A-Za-z_]/.test(src[i + 1] ?? '')) {
        const m = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i + 1))!;
        if (/^\d+$/.test(m[1])) tabStops.add(Number(m[1]));
        i += 1 + m[1].length;
      } else {
        out += c;
        i++;
      }
    }
    return out;
  }

  const first = expand(body, 0, true);
  const texts = [first];
  const choices = choiceSets[0]?.length ?? 1;
  for (let c = 1; c < choices; c++) texts.push(expand(body, c, false));
  return { texts, defaults, tabStops };
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

// Minimal host files for fragments. Each must lint clean on its own (checked below).
const DOCKER_HOST_HEAD = 'FROM debian:12.8-slim\nWORKDIR /app\n';
const VAGRANT_HOST_HEAD = 'Vagrant.configure("2") do |config|\n  config.vm.box = "bento/ubuntu-24.04"\n  config.vm.box_version = "202508.03.0"\n';
const VAGRANT_HOST_TAIL = 'end\n';

/** The complete file a snippet's text is linted as. */
export function hostFile(kind: Kind, text: string): string {
  if (kind === 'dockerfile' && !/^\s*FROM\s/im.test(text)) return DOCKER_HOST_HEAD + text + '\n';
  if (kind === 'vagrantfile' && !/\bVagrant\.configure\b/.test(text)) {
    const body = text
      .split('\n')
      .map((l) => (l.trim() ? `  ${l}` : l))
      .join('\n');
    return VAGRANT_HOST_HEAD + body + '\n' + VAGRANT_HOST_TAIL;
  }
  return text.endsWith('\n') ? text : text + '\n';
}

function describeFindings(findings: Finding[], text: string): string {
  const lines = text.split('\n');
  return findings
    .map((f) => `  ${f.severity} ${f.code} ${f.name} at ${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}\n    | ${lines[f.range.start.line] ?? ''}`)
    .join('\n');
}

/** Findings at warning or above, plus any internal error whatever its severity. */
function problems(findings: Finding[]): Finding[] {
  return findings.filter((f) => atOrAbove(f.severity, 'warning') || f.code === 'DG001');
}

describe('snippets', () => {
  before(engineReady);

  describe('snippet expansion (the test helper)', () => {
    it('replaces tab stops by defaults, nested defaults, choices and escapes', () => {
      const e = expandSnippet('A ${1:x ${2:y}} $3 ${4} \\$HOME \\} ${5|p,q|} ${TM_FILENAME:f} $0');
      assert.deepEqual(e.texts, ['A x y   $HOME } p f ', 'A x y   $HOME } q f ']);
      assert.deepEqual([...e.tabStops].sort(), [0, 1, 2, 3, 4, 5]);
      assert.throws(() => expandSnippet('${1:unterminated'));
    });

    it('gives fragment host files that lint clean on their own', () => {
      for (const [kind, text] of [
        ['dockerfile', hostFile('dockerfile', '')],
        ['vagrantfile', hostFile('vagrantfile', '')],
      ] as [Kind, string][]) {
        const found = problems(lint(text, kind, defaultConfig()));
        assert.deepEqual(found, [], `${kind} host file:\n${describeFindings(found, text)}`);
      }
    });

    // The same path a snippet goes through must catch a bad one (else the checks below prove nothing).
    const BAD: { kind: Kind; rule: string; text: string }[] = [
      { kind: 'dockerfile', rule: 'DL3007', text: 'FROM node:latest\nUSER 1000\n' },
      { kind: 'vagrantfile', rule: 'forwarded-port-all-interfaces', text: 'config.vm.network "forwarded_port", guest: 80, host: 8080\n' },
      { kind: 'mycnf', rule: 'binlog-format-not-row', text: '# devops-guidance target=mysql-8.0\n[mysqld]\nserver_id = 1\nlog_bin = binlog\nbinlog_format = STATEMENT\n' },
    ];
    for (const bad of BAD) {
      it(`catches a bad ${bad.kind} snippet (${bad.rule})`, () => {
        const rule = findRule(bad.rule);
        assert.ok(rule, `no rule is called ${bad.rule}`);
        const file = hostFile(bad.kind, bad.text);
        const found = problems(lint(file, bad.kind, defaultConfig()));
        assert.ok(found.some((f) => f.code === rule!.code), `${bad.rule} not reported:\n${describeFindings(found, file)}`);
      });
    }
  });

  for (const { file, kind } of FILES) {
    describe(file, () => {
      const raw = readFileSync(join(ROOT, 'snippets', file), 'utf8');
      const snippets = JSON.parse(raw) as Record<string, Snippet>;
      const entries = Object.entries(snippets);

      it('is a non-empty object of snippets with prefix, body and description', () => {
        assert.ok(entries.length >= 3, `${file}: only ${entries.length} snippets`);
        const prefixes = new Set<string>();
        for (const [name, s] of entries) {
          const ps = Array.isArray(s.prefix) ? s.prefix : [s.prefix];
          assert.ok(ps.length && ps.every((p) => typeof p === 'string' && /^[a-z][a-z0-9-]*$/.test(p)), `${name}: prefix`);
          for (const p of ps) {
            assert.ok(!prefixes.has(p), `${name}: prefix ${p} used twice`);
            prefixes.add(p);
          }
          assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), `${name}: body must be an array of lines`);
          assert.ok(typeof s.description === 'string' && s.description.length >= 20, `${name}: description`);
          assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: unexpected keys`);
        }
      });

      for (const [name, s] of entries) {
        describe(name, () => {
          const expansion = expandSnippet(bodyText(s));

          it('has tab stops, each with one default', () => {
            assert.ok(expansion.tabStops.size >= 1, 'no tab stop');
            for (const [n, values] of expansion.defaults) {
              assert.equal(values.size, 1, `tab stop $${n} has different defaults: ${[...values].join(' | ')}`);
            }
          });

          expansion.texts.forEach((text, i) => {
            const variant = expansion.texts.length > 1 ? ` (choice ${i + 1})` : '';
            it(`lints with no warning or error${variant}`, () => {
              const file = hostFile(kind, text);
              const findings = lint(file, kind, defaultConfig());
              const found = problems(findings);
              assert.deepEqual(found.map((f) => f.code), [], `${name}${variant}:\n${describeFindings(found, file)}\n--- linted text ---\n${file}`);
            });
          });
        });
      }
    });
  }
});
