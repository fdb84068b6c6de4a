import { defineRule } from '../../rule';
import { comparePositions } from '../../finding';
import type { DockerfileModel } from '../model';
import { dockerfileShell } from '../shell/analysis';
import { commandsNamed } from '../shell/lint';
import type { Command } from '../../shell/script';

/**
 * Both wget and curl used in one stage: two download tools with different defaults (redirects, errors, TLS) where
 * one would do. Each use of the tool that came second is reported, pointing at the first use of the other.
 */
export default defineRule<DockerfileModel>({
  meta: { code: 'DL4001', name: 'curl-and-wget-both-used', kind: 'dockerfile', severity: 'warning', fix: 'none', aliases: ['DS-0014'] },
  check(m, ctx) {
    const found = commandsNamed(m, 'curl', 'wget');
    if (!found.length) return;
    for (const st of dockerfileShell(m).stages) {
      const uses: Record<'curl' | 'wget', Command[]> = { curl: [], wget: [] };
      for (const { run, cmd: c } of found) {
        if (run.stage === st.stage && (c.program === 'curl' || c.program === 'wget') && c.name) uses[c.program].push(c);
      }
      if (!uses.curl.length || !uses.wget.length) continue;
      const second = comparePositions(uses.curl[0].range.start, uses.wget[0].range.start) > 0 ? 'curl' : 'wget';
      const first = second === 'curl' ? 'wget' : 'curl';
      const ref = uses[first][0].name!.range;
      for (const c of uses[second]) {
        ctx.report({
          range: c.name!.range,
          message: `This stage already downloads with ${first} (line ${ref.start.line + 1}); use one tool for all downloads.`,
          related: [{ message: `${first} used here`, range: ref }],
        });
      }
    }
  },
});
