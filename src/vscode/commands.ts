import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { allRules, findRule, searchTopics, ruleTitle, topic, kindOf, lint, atOrAbove, isOptionFileName, looksLikeOptionFile, type Kind } from '../core/index';
import { configFor, nodeEnv } from '../node/host';
import { ruleDocUri, topicUri } from './convert';
import { openPage } from './pages';
import { readSettings } from './settings';
import type { Linter } from './linter';

/** DevOps Guidance: Look Up Topic — a quick pick searching titles and keywords; an argument opens a topic directly. */
export async function lookupTopic(id?: unknown): Promise<string | undefined> {
  if (typeof id === 'string' && topic(id)) {
    await openPage(topicUri(id));
    return id;
  }
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string }>();
  qp.title = 'DevOps Guidance: Look Up Topic';
  qp.placeholder = 'Search topics: gtid, redo log, use method, kubernetes, vagrant box…';
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  const toItems = (q: string) =>
    searchTopics(q).map((t) => ({ id: t.id, label: t.title, description: t.keywords.slice(0, 6).join(', '), detail: t.summary, alwaysShow: true }));
  qp.items = toItems('');
  qp.onDidChangeValue((v) => (qp.items = toItems(v)));
  const picked = await new Promise<string | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.id);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  if (picked) await openPage(topicUri(picked));
  return picked;
}

/** DevOps Guidance: Explain Rule — by code/name argument, or a quick pick of every rule. */
export async function explainRule(code?: unknown): Promise<string | undefined> {
  let meta = typeof code === 'string' ? findRule(code) : undefined;
  if (!meta) {
    const items = allRules().map((m) => ({ label: `${m.code} ${m.name}`, description: ruleTitle(m).replace(/^\S+ \S+ /, ''), code: m.code }));
    const pick = await vscode.window.showQuickPick(items, { title: 'DevOps Guidance: Explain Rule', placeHolder: 'Code, name or kind', matchOnDescription: true });
    meta = pick ? findRule(pick.code) : undefined;
  }
  if (!meta) return undefined;
  await openPage(ruleDocUri(meta.code));
  return meta.code;
}

const GLOBS: { kind: Kind; glob: string }[] = [
  { kind: 'dockerfile', glob: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}' },
  { kind: 'mycnf', glob: '**/{my.cnf,.my.cnf,my.ini,*.cnf}' },
  { kind: 'vagrantfile', glob: '**/{Vagrantfile,*.Vagrantfile}' },
];
const EXCLUDE = '**/{node_modules,.git,dist,out}/**';

/** DevOps Guidance: Lint Workspace — every Dockerfile, option file and Vagrantfile; results stay in Problems. */
export async function lintWorkspace(linter: Linter): Promise<{ files: number; findings: number; errors: number }> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'DevOps Guidance: linting the workspace', cancellable: true },
    async (progress, token) => {
      const uris = new Map<string, vscode.Uri>();
      for (const g of GLOBS) for (const u of await vscode.workspace.findFiles(g.glob, EXCLUDE, 5000, token)) uris.set(u.toString(), u);
      const list: vscode.Uri[] = [];
      for (const u of uris.values()) {
        const k = kindOf(u.fsPath);
        if (!k) continue;
        // a *.cnf of another program (OpenSSL, Kerberos) is not an option file
        if (k === 'mycnf' && isOptionFileName(u.fsPath) === 'by-content') {
          const text = await vscode.workspace.fs.readFile(u).then((b) => Buffer.from(b).toString('utf8'), () => '');
          if (!looksLikeOptionFile(text)) continue;
        }
        list.push(u);
      }
      linter.markWorkspaceFiles(list);
      let findings = 0;
      let errors = 0;
      let done = 0;
      for (const uri of list) {
        if (token.isCancellationRequested) break;
        const kind = kindOf(uri.fsPath)!;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let fs;
        if (open) fs = (await linter.lintNow(open)) ?? [];
        else {
          await linter.ensureReady(kind);
          let text: string;
          try {
            text = await readFile(uri.fsPath, 'utf8');
          } catch {
            continue;
          }
          const { config } = configFor(uri.fsPath, kind, { settings: readSettings(uri).config });
          fs = lint(text, kind, config, nodeEnv(uri.fsPath));
          linter.publish(uri, fs);
        }
        findings += fs.length;
        errors += fs.filter((f) => atOrAbove(f.severity, 'error')).length;
        progress.report({ message: `${++done}/${list.length}`, increment: 100 / Math.max(1, list.length) });
      }
      void vscode.window.showInformationMessage(
        `DevOps Guidance: ${list.length} file${list.length === 1 ? '' : 's'} linted, ${findings} finding${findings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}).`,
      );
      return { files: list.length, findings, errors };
    },
  );
}
