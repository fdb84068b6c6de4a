import * as vscode from 'vscode';
import type { IgnoreStyle, MysqlTarget, UserConfig } from '../core/index';
import { unknownRuleMessage } from './configProblems';

export const SECTION = 'devopsGuidance';

export interface EditorSettings {
  config: UserConfig;
  run: 'onType' | 'onSave';
  debounceMs: number;
  /** enable: ShellCheck runs; offByTrust: the user wants it but the workspace is in Restricted Mode. */
  shellcheck: { enable: boolean; path: string; offByTrust: boolean };
  /** The comment Dockerfile "ignore" actions write: hadolint's form for codes hadolint knows, or always ours. */
  ignoreStyle: IgnoreStyle;
  /** What is wrong in devopsGuidance.rules: unknown rules (with "did you mean"), invalid severities. */
  problems: string[];
}

/** Reads devopsGuidance.* for a document's scope into the engine's UserConfig (only what the user set explicitly wins over files). */
export function readSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const explicit = <T>(key: string): T | undefined => {
    const i = c.inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  const config: UserConfig = {
    enable: {
      dockerfile: c.get<boolean>('enable.dockerfile', true),
      mycnf: c.get<boolean>('enable.mycnf', true),
      vagrantfile: c.get<boolean>('enable.vagrantfile', true),
    },
  };
  const rules = c.get<Record<string, string>>('rules', {});
  const valid = ['off', 'hint', 'info', 'warning', 'error'];
  const problems: string[] = [];
  for (const [k, v] of Object.entries(rules ?? {})) {
    const unknown = unknownRuleMessage(k);
    if (unknown) problems.push(`devopsGuidance.rules: ${unknown}`);
    if (!valid.includes(v)) problems.push(`devopsGuidance.rules: "${k}": invalid severity ${JSON.stringify(v)} (use ${valid.map((x) => `"${x}"`).join(', ')}); the setting is ignored`);
  }
  const cleanRules = Object.fromEntries(Object.entries(rules ?? {}).filter(([, v]) => valid.includes(v))) as UserConfig['rules'];
  if (cleanRules && Object.keys(cleanRules).length) config.rules = cleanRules;
  const target = explicit<MysqlTarget | 'auto'>('mysql.target');
  if (target) config.mysql = { target };
  const trusted = c.get<string[]>('dockerfile.trustedRegistries', []);
  const shellcheckWanted = c.get<boolean>('shellcheck.enable', true);
  const shellcheckEnabled = shellcheckWanted && vscode.workspace.isTrusted;
  config.dockerfile = { shellcheck: shellcheckEnabled };
  if (trusted?.length) config.dockerfile.trustedRegistries = trusted;
  return {
    config,
    run: c.get<'onType' | 'onSave'>('run', 'onType'),
    debounceMs: Math.max(0, Math.min(5000, c.get<number>('debounceMs', 250))),
    problems,
    ignoreStyle: c.get<string>('dockerfile.ignoreCommentStyle', 'hadolint') === 'devops-guidance' ? 'devops-guidance' : 'shared',
    shellcheck: { enable: shellcheckEnabled, offByTrust: shellcheckWanted && !vscode.workspace.isTrusted, path: c.get<string>('shellcheck.path', 'shellcheck') || 'shellcheck' },
  };
}
