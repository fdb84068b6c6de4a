import { atLeast, facts, isOff, num } from '../facts';
import { defineRule } from '../../rule';
import type { MycnfModel } from '../model';
import { addOptionFix, setValueFix } from '../report';

/** Binary logs that are never purged: the disk fills up. */
export default defineRule<MycnfModel>({
  meta: { code: 'MYC051', name: 'binlog-expiry-off', kind: 'mycnf', severity: 'warning', fix: 'unsafe', aliases: ['expire_logs_days'] },
  check(m, ctx) {
    const f = facts(m);
    if (!f.binlog.on) return;
    const s = m.server;
    const daysOpt = s.get('expire_logs_days');
    const days = daysOpt?.info?.removed === undefined ? daysOpt : undefined;
    const secs = s.get('binlog_expire_logs_seconds');
    const d = num(m, 'expire_logs_days');
    const sec = num(m, 'binlog_expire_logs_seconds');
    const auto = s.get('binlog_expire_logs_auto_purge');
    const why = 'binary logs are never purged, so they grow until the disk is full and the server stops writing. Keep them as long as backups and lagging replicas need (for example 7 days), and never delete them by hand.';
    if (isOff(auto)) {
      ctx.report({
        input: auto!.source,
        range: auto!.valueRange ?? auto!.nameRange,
        message: `binlog_expire_logs_auto_purge=OFF: ${why}`,
        fixes: auto!.hasValue ? setValueFix(auto!, 'ON') : undefined,
      });
      return;
    }
    const explicitZero = (secs && sec === 0 && (!days || d === 0)) || (days && d === 0 && !secs);
    if (explicitZero) {
      const o = (secs && sec === 0 ? secs : days)!;
      ctx.report({
        input: o.source,
        range: o.valueRange ?? o.nameRange,
        message: `${o.text}=0: ${why}`,
        fixes: setValueFix(o, o === secs ? '604800' : '7', o === secs ? 'Keep binary logs 7 days (604800 s)' : 'Keep binary logs 7 days'),
      });
      return;
    }
    if (daysOpt || secs) return;
    // defaults: MySQL 8.0+ keeps 30 days; 5.7 and MariaDB never purge (a MariaDB target guessed from Galera options
    // alone may be Percona XtraDB Cluster 8.x, which keeps 30 days)
    if (f.mysql8 || f.partial || !f.binlog.explicit || m.target.guessed) return;
    const name = f.flavor === 'mariadb' && atLeast(m, '10.6') ? 'binlog_expire_logs_seconds' : 'expire_logs_days';
    const value = name === 'expire_logs_days' ? '7' : '604800';
    ctx.report({
      input: f.binlog.explicit.source,
      range: f.binlog.explicit.nameRange,
      message: `The binary log is on and no expiry is set; ${f.flavor === 'mariadb' ? 'MariaDB' : 'MySQL 5.7'} defaults to 0, so ${why}`,
      fixes: addOptionFix(m, `Add ${name} = ${value}`, name, value, f.binlog.explicit),
    });
  },
});
