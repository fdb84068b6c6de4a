/**
 * The Dockerfile hover reference (data/reference/dockerfile): valid against its schema, complete (every instruction,
 * every flag the parser accepts, every --mount option and type, the three parser directives), and reachable by
 * hover on real text.
 */
import { strict as assert } from 'node:assert';
import { engineReady } from '../helpers/setup';
import { knowledgeBase, hoverAt, LineIndex } from '../../src/core/index';
import { dockerfileReferenceSchema, type DockerfileReference } from '../../src/core/dockerfile/reference-schema';
import { INSTRUCTIONS, KNOWN_FLAGS } from '../../src/core/dockerfile/instructions';

describe('dockerfile reference', () => {
  before(engineReady);
  let ref: DockerfileReference;
  before(() => {
    ref = dockerfileReferenceSchema.parse(knowledgeBase().reference.dockerfile);
  });

  it('documents every instruction', () => {
    assert.deepEqual(INSTRUCTIONS.filter((i) => !ref.instructions[i]), []);
    assert.deepEqual(Object.keys(ref.instructions).filter((i) => !(INSTRUCTIONS as readonly string[]).includes(i)), [], 'no reference for an unknown instruction');
  });

  it('documents every flag the parser accepts, and no other', () => {
    for (const [kw, flags] of Object.entries(KNOWN_FLAGS)) {
      const documented = Object.keys(ref.instructions[kw].flags ?? {}).sort();
      assert.deepEqual(documented, [...flags].sort(), kw);
    }
    for (const [kw, r] of Object.entries(ref.instructions)) if (!KNOWN_FLAGS[kw]) assert.equal(r.flags, undefined, `${kw} takes no flags`);
  });

  it('documents every mount type and option', () => {
    const mount = ref.instructions.RUN.flags!.mount;
    assert.deepEqual(Object.keys(mount.values ?? {}).sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
    for (const o of ['type', 'target', 'source', 'from', 'readonly', 'rw', 'id', 'sharing', 'mode', 'uid', 'gid', 'size', 'required', 'env']) {
      assert.ok(mount.options?.[o], `--mount option ${o}`);
    }
    for (const [name, o] of Object.entries(mount.options ?? {})) {
      for (const t of o.types ?? []) assert.ok(mount.values?.[t], `${name}: unknown mount type ${t}`);
    }
  });

  it('documents the parser directives', () => {
    assert.deepEqual(Object.keys(ref.directives).sort(), ['check', 'escape', 'syntax']);
  });

  it('answers hovers on every documented flag in context', () => {
    const lines = [
      'FROM --platform=$BUILDPLATFORM alpine:3.20 AS base',
      'RUN --mount=type=cache,target=/c --network=none --security=sandbox --device=gpu true',
      'COPY --from=base --chown=1 --chmod=644 --link --exclude=*.md --parents a /b/',
      'ADD --chown=1 --chmod=644 --link --exclude=x --checksum=sha256:00 --keep-git-dir --unpack=true https://x/y /z',
      'HEALTHCHECK --interval=1s --timeout=1s --start-period=1s --start-interval=1s --retries=3 CMD true',
    ];
    const text = `${lines.join('\n')}\n`;
    const idx = new LineIndex(text);
    lines.forEach((l, line) => {
      for (const mm of l.matchAll(/--([a-z-]+)/g)) {
        const h = hoverAt(text, 'dockerfile', { line, character: mm.index! + 2 });
        assert.ok(h, `no hover on ${mm[0]} (line ${line + 1})`);
        assert.equal(idx.textOf(h.range), mm[0], `hover range of ${mm[0]}`);
        assert.match(h.markdown, new RegExp(`--${mm[1]}`));
      }
    });
  });
});
