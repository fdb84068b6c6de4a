import { defineRule } from '../../rule';
import type { VagrantModel } from '../model';
import { apiVersion, namespaceCalls, scopeOf, settingsVisibleFrom } from '../helpers';

/**
 * config.vm.box_check_update = false: nobody hears about new box versions (security fixes included). Quiet when
 * the box is pinned with box_version: updating is then a deliberate edit anyway.
 */
export default defineRule<VagrantModel>({
  meta: { code: 'VGT014', name: 'box-update-check-disabled', kind: 'vagrantfile', severity: 'info', fix: 'none' },
  check(m, ctx) {
    for (const call of namespaceCalls(m, 'vm', 'box_check_update')) {
      const scope = scopeOf(call);
      if (!call.assignment || apiVersion(scope) === 1) continue;
      const v = call.value!;
      if (v.kind !== 'boolean' || v.value) continue;
      if (settingsVisibleFrom(m, scope, 'vm', 'box_version').length) continue;
      ctx.report({
        range: { start: call.nameRange.start, end: v.range.end },
        message: 'box_check_update = false hides new versions of the box, security fixes included, and the box is not pinned either. Keep the check on, or pin box_version and update it on purpose.',
      });
    }
  },
});
