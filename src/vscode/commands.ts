import * as vscode from 'vscode';
import { findRule, ruleDoc, searchRules, searchTopics, topic, kindOf, atOrAbove, isOptionFileName, looksLikeOptionFile, type Kind } from '../core/index';
import { pagesPanel } from './pages';
import type { Linter } from './linter';

type PickItem = vscode.QuickPickItem & { page?: { kind: 'rules' | 'topics'; id: string } };

const KIND_LABEL = { dockerfile: 'Dockerfile', mycnf: 'option file', vagrantfile: 'Vagrantfile', any: 'all kinds' } as const;

/**
 * One quick pick over topics and rule docs (the knowledge base's own search: whole words, stop words, synonyms,
 * title hits first); `first` decides which group comes first. Returns the page picked, if any.
 */
async function pickPage(first: 'topics' | 'rules', title: string, placeholder: string): Promise<{ kind: 'rules' | 'topics'; id: string } | undefined> {
  const qp = vscode.window.createQuickPick<PickItem>();
  qp.title = title;
  qp.placeholder = placeholder;
  const items = (q: string): PickItem[] => {
    const ts: PickItem[] = searchTopics(q).map((t) => ({ page: { kind: 'topics', id: t.id }, label: `$(book) ${t.title}`, detail: t.summary, alwaysShow: true }));
    const found = searchRules(q);
    const rs: PickItem[] = (q.trim() ? found.slice(0, 40) : found).map((m) => ({
      page: { kind: 'rules', id: m.code },
      label: `${m.code} ${m.name}`,
      description: [KIND_LABEL[m.kind], ...(m.aliases ?? []).slice(0, 3)].join(' · '),
      detail: ruleDoc(m.code)?.summary,
      alwaysShow: true,
    }));
    const sep = (label: string): PickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const groups: [string, PickItem[]][] = first === 'topics' ? [['Topics', ts], ['Rules', rs]] : [['Rules', rs], ['Topics', ts]];
    return groups.filter(([, g]) => g.length).flatMap(([l, g]) => [sep(l), ...g]);
  };
  // The items are already the knowledge base's ranking for the typed text, in groups. While the user types, VS Code
  // would re-sort them by how their labels match and drop the group separators (a rule named "...semisync" above
  // the replication topic in Look Up Topic). QuickPick.sortByLabel = false keeps them as given: part of the API
  // proposal quickPickSortByLabel, which VS Code 1.100's extension host accepts without enabling it; where it is
  // missing or refused, VS Code's own order applies and nothing else changes.
  try {
    if ('sortByLabel' in qp) (qp as { sortByLabel: boolean }).sortByLabel = false;
  } catch {
    // an extension host that enforces the proposal: its default order
  }
  qp.items = items('');
  qp.onDidChangeValue((v) => (qp.items = items(v)));
  const picked = await new Promise<PickItem['page']>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]?.page);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  return picked;
}

/** DevOps Guidance: Look Up Topic — a quick pick searching topics (then rules); an argument opens a topic directly. */
export async function lookupTopic(id?: unknown): Promise<string | undefined> {
  if (typeof id === 'string' && topic(id)) {
    await pagesPanel.show({ kind: 'topics', id });
    return id;
  }
  const picked = await pickPage('topics', 'DevOps Guidance: Look Up Topic', 'Search topics and rules: gtid, replication lag, health check, non-root…');
  if (picked) await pagesPanel.show(picked);
  return picked?.id;
}

/** DevOps Guidance: Explain Rule — by code, name or alias argument, or a quick pick searching rules (then topics). */
export async function explainRule(code?: unknown): Promise<string | undefined> {
  const meta = typeof code === 'string' ? findRule(code) : undefined;
  if (meta) {
    await pagesPanel.show({ kind: 'rules', id: meta.code });
    return meta.code;
  }
  const picked = await pickPage('rules', 'DevOps Guidance: Explain Rule', 'Code, name, alias or words: DL3007, latest tag, binlog format…');
  if (picked) await pagesPanel.show(picked);
  return picked?.id;
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
        const fs = (open ? await linter.lintNow(open) : await linter.lintClosed(uri, kind)) ?? [];
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
