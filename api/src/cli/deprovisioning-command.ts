import type { Command } from './commands.js';
import { need, UsageError, CLI_ACTOR } from './usage.js';

const POLICIES = { soft: 'SOFT_DELETE', hard: 'HARD_DELETE' } as const;

/** company deprovisioning <slug> soft|hard [--retention-days <n>]: what deleting a user does. */
export const deprovisioningCommand: Record<string, Command> = {
  'company deprovisioning': async (s, { words, options }, out) => {
    const policy = POLICIES[need(words[3], 'soft|hard') as keyof typeof POLICIES];
    if (!policy) throw new UsageError('The policy is soft or hard');
    const days = options['retention-days'];
    if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--retention-days needs a whole number');
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    const current = await s.deprovisioning.policy(company.id);
    const view = await s.deprovisioning.updatePolicy(company.id, { policy, retentionDays: days === undefined ? current.retentionDays : Number(days) }, CLI_ACTOR, 'cli');
    const detail = view.policy === 'SOFT_DELETE' ? `deleted users restorable for ${view.retentionDays} days` : 'deleted users cannot be restored';
    out(`Deprovisioning for ${company.slug}: ${view.policy} (${detail})`);
  },
};
