import { defineRule } from '../../rule';
import type { DockerfileModel } from '../model';
import type { Range } from '../../finding';
import { analysis, baseOf } from '../analysis';
import { flagsOf } from '../instructions';
import { DOCKER_HUB, parseImageRef, registryOf, type ImageRef } from '../image';
import { expansionRange, via } from '../report';

/** True when a registry host matches one of the trusted patterns (`docker.io`, `*.example.com`, `registry.example.*`, `*`). */
export function registryTrusted(registry: string, trusted: string[]): boolean {
  const reg = registry.toLowerCase();
  const hub = DOCKER_HUB.includes(reg);
  for (const raw of trusted) {
    const t = raw.trim().toLowerCase();
    if (!t) continue;
    if (t === '*' || t === reg) return true;
    // hadolint also takes `hub.docker.com` for Docker Hub, and a `*` at either end of a pattern
    if (hub && (DOCKER_HUB.includes(t) || t === 'hub.docker.com')) return true;
    if (t.startsWith('*') && reg.endsWith(t.slice(1))) return true;
    if (t.endsWith('*') && reg.startsWith(t.slice(0, -1))) return true;
  }
  return false;
}

/**
 * Images pulled from a registry outside `trustedRegistries` (FROM, COPY --from=image, RUN --mount from=image).
 * Silent without configuration, for stage names, scratch, and registries an ARG hides.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL3026', name: 'registry-untrusted', kind: 'dockerfile', severity: 'error', fix: 'none' },
  check(m, ctx) {
    const trusted = ctx.config.dockerfile.trustedRegistries;
    if (!trusted.length) return;
    const list = trusted.join(', ');
    const global = analysis(m).global;
    const stageNames = new Set(m.stages.map((s) => s.name).filter(Boolean) as string[]);
    const report = (ref: ImageRef, range: Range, shownName: string, how = ''): void => {
      if (ref.registry?.unknown) return;
      const reg = registryOf(ref);
      if (registryTrusted(reg, trusted)) return;
      ctx.report({
        range,
        message: `Image "${shownName}"${how} comes from ${ref.registry ? `registry "${reg}"` : 'Docker Hub (docker.io), the default registry'}, which is not among the trusted registries (${list}).`,
      });
    };
    for (const stage of m.stages) {
      const base = baseOf(m, stage);
      const ref = base.ref;
      if (!ref || base.stage || base.scratch || (!ref.registry && ref.repository.unknown)) continue;
      const x = base.expansion;
      const r = ref.registry ? expansionRange(m, x, ref.registry.start, ref.registry.end) : expansionRange(m, x, 0, x.value.length);
      if (!r) continue;
      report(ref, r, x.refs.length ? stage.image!.raw : x.value, x.refs.length ? via(x, (n) => global.get(n)) : '');
    }
    // COPY --from=<image> and RUN --mount=...,from=<image>
    for (const stage of m.stages) {
      for (const ins of stage.instructions) {
        const kw = ins.getKeyword();
        if (kw === 'COPY') {
          const f = flagsOf(ins).find((x) => x.getName() === 'from');
          const v = f?.getValue();
          const vr = f?.getValueRange();
          if (!v || !vr || v.includes('$') || /^\d+$/.test(v) || stageNames.has(v.toLowerCase())) continue;
          const ref = parseImageRef(v);
          if (!ref) continue;
          const start = m.lines.offsetAt(vr.start);
          report(ref, ref.registry ? m.lines.rangeOf(start + ref.registry.start, start + ref.registry.end) : vr, v);
        } else if (kw === 'RUN') {
          for (const f of flagsOf(ins)) {
            if (f.getName() !== 'mount') continue;
            const o = f.getOption('from');
            const v = o?.getValue();
            const vr = o?.getValueRange();
            if (!v || !vr || v.includes('$') || /^\d+$/.test(v) || stageNames.has(v.toLowerCase())) continue;
            const ref = parseImageRef(v);
            if (!ref) continue;
            const start = m.lines.offsetAt(vr.start);
            report(ref, ref.registry ? m.lines.rangeOf(start + ref.registry.start, start + ref.registry.end) : vr, v);
          }
        }
      }
    }
  },
});
