import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { PLATFORM_ARGS } from '../analysis';
import { invalidReference } from '../image';
import { pairs } from '../instructions';
import { expand, type Lookup } from '../variables';

/** Values the platform ARGs take on a typical build machine, to evaluate defaults as a plain `docker build` would. */
const SAMPLE: Record<string, string> = {
  BUILDPLATFORM: 'linux/amd64', TARGETPLATFORM: 'linux/amd64', BUILDOS: 'linux', TARGETOS: 'linux', BUILDARCH: 'amd64',
  TARGETARCH: 'amd64', BUILDVARIANT: '', TARGETVARIANT: '', BUILDOSVERSION: '', TARGETOSVERSION: '', TARGETSTAGE: 'default',
};

/**
 * With only the defaults of the global ARGs (no --build-arg), the base image name of a FROM is empty or invalid:
 * the Dockerfile cannot be built as it stands. `ARG TAG` then `FROM alpine:${TAG}` is the usual case.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DKR008', name: 'from-arg-default-invalid', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['InvalidDefaultArgInFrom'] },
  check(m, ctx) {
    // global ARGs as the build sees them without --build-arg: defaults, empty when there is none
    const defaults = new Map<string, string>();
    for (const p of PLATFORM_ARGS) defaults.set(p, SAMPLE[p] ?? '');
    const lookup: Lookup = (n) => (defaults.has(n) ? { value: defaults.get(n), kind: 'global-arg' } : undefined);
    for (const ins of m.preamble) {
      if (ins.getKeyword() !== 'ARG') continue;
      for (const p of pairs(m, ins)) {
        if (!p.name) continue;
        defaults.set(p.name, p.raw === undefined ? '' : expand(p.raw, p.valueStart!, lookup, { escapeChar: m.escapeChar }).value);
      }
    }
    for (const stage of m.stages) {
      const img = stage.image;
      if (!img || !img.raw.includes('$')) continue;
      const x = expand(img.raw, img.offset, lookup, { escapeChar: m.escapeChar });
      if (x.problems.length) continue;
      const name = x.value;
      if (m.stages.some((s) => s.index < stage.index && s.name === name.toLowerCase()) || name.toLowerCase() === 'scratch') continue;
      const why = invalidReference(name);
      if (!why) continue;
      ctx.report({
        range: img.range,
        message: `Without --build-arg, "${img.raw}" becomes ${name ? `"${name}"` : 'an empty string'}: ${why}. Give the ARG a default that makes a valid image name.`,
      });
    }
  },
});
