import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/setup';

function tsFiles(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) tsFiles(p, acc);
    else if (p.endsWith('.ts')) acc.push(p);
  }
  return acc;
}

describe('architecture', () => {
  it("src/core imports neither 'vscode' nor Node's file system, process or network modules", () => {
    const bad: string[] = [];
    for (const f of tsFiles(join(ROOT, 'src/core'))) {
      const text = readFileSync(f, 'utf8');
      const imports = [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
      for (const i of imports) {
        if (i === 'vscode' || /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads)$/.test(i)) bad.push(`${relative(ROOT, f)} imports ${i}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it("only src/vscode imports 'vscode'", () => {
    const bad: string[] = [];
    for (const dir of ['src/core', 'src/cli', 'src/node', 'src/lsp']) {
      for (const f of tsFiles(join(ROOT, dir))) if (/from\s+['"]vscode['"]/.test(readFileSync(f, 'utf8'))) bad.push(relative(ROOT, f));
    }
    assert.deepEqual(bad, []);
  });
});
