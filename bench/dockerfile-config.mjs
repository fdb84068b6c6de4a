// The configuration the Dockerfile benchmark and scripts/dockerfile-findings.mjs lint with: every Dockerfile rule on
// (the off-by-default ones as warnings) and the configuration-dependent ones configured.
export function everyDockerfileRule(dg) {
  const rules = {};
  for (const m of dg.allRules()) if (m.kind === 'dockerfile') rules[m.code] = m.severity === 'off' ? 'warning' : m.severity;
  return dg.mergeConfig(dg.defaultConfig(), {
    rules,
    dockerfile: {
      shellcheck: false,
      trustedRegistries: ['docker.io', '*.example.com'],
      labelSchema: {
        'org.opencontainers.image.source': 'url',
        'org.opencontainers.image.created': 'rfc3339',
        'org.opencontainers.image.licenses': 'spdx',
        'org.opencontainers.image.revision': 'hash',
        'org.opencontainers.image.version': 'semver',
        'org.opencontainers.image.authors': 'email',
      },
      strictLabels: true,
    },
  });
}
