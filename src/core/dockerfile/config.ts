/**
 * The Dockerfile part of the configuration: the `dockerfile:` section of `.devops-guidance.yaml` (and the settings
 * that map to it), and hadolint's own `.hadolint.yaml`, read for Dockerfiles before the project file. Reached by the
 * generic config layer through `dockerfileLanguage.config` and `.configFiles`.
 */
import { z } from 'zod';
import type { SeveritySetting } from '../finding';
import type { ConfigFile, ConfigSection } from '../language';
import { parseYamlText, zodProblem, type ResolvedConfig, type UserConfig } from '../config';

export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

export const dockerfileSectionSchema = z
  .object({
    trustedRegistries: z.array(z.string()),
    labelSchema: z.record(z.string(), z.enum(LABEL_TYPES)),
    strictLabels: z.boolean(),
    disableIgnorePragma: z.boolean(),
    shellcheck: z.boolean(),
  })
  .partial()
  .strict();

/** `dockerfile:` as the user writes it (every key optional). */
export type DockerfileUserSection = z.infer<typeof dockerfileSectionSchema>;

/** What the Dockerfile rules read from a resolved configuration (`config.dockerfile`). */
export interface DockerfileSettings {
  dockerfile: {
    trustedRegistries: string[];
    labelSchema: Record<string, LabelType>;
    strictLabels: boolean;
    disableIgnorePragma: boolean;
    shellcheck: boolean;
  };
}

export const dockerfileConfigSection: ConfigSection<DockerfileUserSection> = {
  key: 'dockerfile',
  schema: dockerfileSectionSchema,
  defaults(config) {
    config.dockerfile = { trustedRegistries: [], labelSchema: {}, strictLabels: false, disableIgnorePragma: false, shellcheck: true };
  },
  copy(from, to) {
    to.dockerfile = { ...from.dockerfile, trustedRegistries: [...from.dockerfile.trustedRegistries], labelSchema: { ...from.dockerfile.labelSchema } };
  },
  /** Later layers win for scalars and per-key maps; registry lists are joined (as hadolint does). */
  merge(out, d) {
    if (d.trustedRegistries) out.dockerfile.trustedRegistries.push(...d.trustedRegistries.filter((r) => !out.dockerfile.trustedRegistries.includes(r)));
    if (d.labelSchema) Object.assign(out.dockerfile.labelSchema, d.labelSchema);
    if (d.strictLabels !== undefined) out.dockerfile.strictLabels = d.strictLabels;
    if (d.disableIgnorePragma !== undefined) out.dockerfile.disableIgnorePragma = d.disableIgnorePragma;
    if (d.shellcheck !== undefined) out.dockerfile.shellcheck = d.shellcheck;
  },
};

const hadolintSeverity = z.enum(['error', 'warning', 'info', 'style', 'ignore', 'none']);
const hadolintCodes = z.array(z.string()).nullish();
export const hadolintConfigSchema = z
  .object({
    ignored: hadolintCodes,
    override: z
      .object({ error: hadolintCodes, warning: hadolintCodes, info: hadolintCodes, style: hadolintCodes })
      .partial()
      .nullish(),
    trustedRegistries: hadolintCodes,
    'label-schema': z.record(z.string(), z.enum(LABEL_TYPES)).nullish(),
    'strict-labels': z.boolean().nullish(),
    'failure-threshold': hadolintSeverity.nullish(),
    'disable-ignore-pragma': z.boolean().nullish(),
    // accepted and ignored: they only concern hadolint's own output
    format: z.string().nullish(),
    formats: z.array(z.string()).nullish(),
    'no-color': z.boolean().nullish(),
    'no-fail': z.boolean().nullish(),
    verbose: z.boolean().nullish(),
  })
  .passthrough();

/** Parses a `.hadolint.yaml` into our configuration (Dockerfile rules only). Throws ConfigError with a line. */
export function parseHadolintConfig(text: string, file?: string): UserConfig {
  const raw = parseYamlText(text, file);
  const r = hadolintConfigSchema.safeParse(raw);
  if (!r.success) throw zodProblem(text, file, r.error);
  const h = r.data;
  const rules: Record<string, SeveritySetting> = {};
  const map: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };
  for (const [level, codes] of Object.entries(h.override ?? {})) for (const c of codes ?? []) rules[c] = map[level];
  for (const c of h.ignored ?? []) rules[c] = 'off';
  const out: UserConfig = { rules };
  const dockerfile: DockerfileUserSection = {};
  if (h.trustedRegistries) dockerfile.trustedRegistries = h.trustedRegistries;
  if (h['label-schema']) dockerfile.labelSchema = h['label-schema'];
  if (h['strict-labels'] != null) dockerfile.strictLabels = h['strict-labels'];
  if (h['disable-ignore-pragma'] != null) dockerfile.disableIgnorePragma = h['disable-ignore-pragma'];
  out.dockerfile = dockerfile;
  const ft = h['failure-threshold'];
  if (ft) out.failLevel = ft === 'style' ? 'hint' : ft === 'ignore' || ft === 'none' ? 'none' : ft;
  return out;
}

/** hadolint reads `.hadolint.yaml` or `.hadolint.yml`. */
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export const hadolintConfigFile: ConfigFile = { names: HADOLINT_CONFIG_NAMES, parse: parseHadolintConfig };

/** Whether hadolint's inline pragmas count (`disable-ignore-pragma` turns them off). */
export function hadolintPragmasAllowed(config: ResolvedConfig): boolean {
  return !config.dockerfile.disableIgnorePragma;
}
