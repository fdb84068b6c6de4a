/**
 * The language server's settings: the same `devopsGuidance` section the VS Code extension reads, sent by the client
 * through `workspace/configuration` (or `initializationOptions` / `didChangeConfiguration` for clients that do not
 * answer configuration requests). Everything is checked; what is not understood is ignored.
 */
import { MYSQL_TARGETS, type MysqlTarget, type UserConfig } from '../core/index';
import { isAbsolute } from 'node:path';

export interface ServerSettings {
  config: UserConfig;
  /** ShellCheck runs only with an absolute path the user set: a server has no notion of a trusted workspace. */
  shellcheckPath?: string;
  run: 'onType' | 'onSave';
  debounceMs: number;
}

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Accepts both nested (`{ enable: { dockerfile: true } }`) and dotted (`{ "enable.dockerfile": true }`) keys. */
function get(section: Record<string, unknown>, path: string): unknown {
  if (path in section) return section[path];
  let cur: unknown = section;
  for (const part of path.split('.')) {
    const o = obj(cur);
    if (!o) return undefined;
    cur = o[part];
  }
  return cur;
}

export function readServerSettings(raw: unknown): ServerSettings {
  let section = obj(raw) ?? {};
  // a client may send the whole settings object ({ devopsGuidance: {...} }) rather than the section
  if (obj(section.devopsGuidance)) section = obj(section.devopsGuidance)!;
  const config: UserConfig = {};
  const enable: NonNullable<UserConfig['enable']> = {};
  for (const k of ['dockerfile', 'mycnf', 'vagrantfile'] as const) {
    const v = get(section, `enable.${k}`);
    if (typeof v === 'boolean') enable[k] = v;
  }
  if (Object.keys(enable).length) config.enable = enable;
  const rules = obj(get(section, 'rules'));
  if (rules) {
    const clean = Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v === 'string' && SEVERITIES.includes(v)));
    if (Object.keys(clean).length) config.rules = clean as UserConfig['rules'];
  }
  const target = get(section, 'mysql.target');
  if (typeof target === 'string' && (MYSQL_TARGETS as readonly string[]).includes(target)) config.mysql = { target: target as MysqlTarget };
  const trusted = get(section, 'dockerfile.trustedRegistries');
  const dockerfile: NonNullable<UserConfig['dockerfile']> = {};
  if (Array.isArray(trusted)) {
    const list = trusted.filter((x): x is string => typeof x === 'string');
    if (list.length) dockerfile.trustedRegistries = list;
  }
  const path = get(section, 'shellcheck.path');
  const enabled = get(section, 'shellcheck.enable') !== false;
  const shellcheckPath = enabled && typeof path === 'string' && isAbsolute(path) ? path : undefined;
  dockerfile.shellcheck = shellcheckPath !== undefined;
  config.dockerfile = dockerfile;
  const run = get(section, 'run') === 'onSave' ? 'onSave' : 'onType';
  const d = get(section, 'debounceMs');
  const debounceMs = typeof d === 'number' && Number.isFinite(d) ? Math.max(0, Math.min(5000, d)) : 200;
  return { config, shellcheckPath, run, debounceMs };
}
