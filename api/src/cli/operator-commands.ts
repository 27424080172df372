import { generatePassword } from '../modules/access/secrets.js';
import type { Command } from './commands.js';
import { need, CLI_ACTOR } from './usage.js';


/** Operators beyond `operator create`: the day-one chores of listing, lost passwords and leavers. */
export const operatorCommands: Record<string, Command> = {
  'operator list': async (s, { words }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    for (const operator of await s.operators.listOperators(company.id)) {
      out(`${operator.email}\t${operator.permissions.join(',') || '(no permissions)'}\tcreated ${operator.createdAt.toISOString()}`);
    }
  },
  'operator reset-password': async (s, { words, readStdin }, out) => {
    const given = (await readStdin()).trim();
    const password = given || generatePassword();
    const reset = await s.operators.resetPassword(need(words[2], '<email>'), password, CLI_ACTOR);
    out(`New password set for ${reset.email}; ${reset.sessionsEnded} session(s) ended`);
    if (!given) {
      out('Generated password (shown once):');
      out(password);
    }
  },
  'operator remove': async (s, { words }, out) => {
    const removed = await s.operators.removeOperator(need(words[2], '<email>'), CLI_ACTOR);
    out(`Removed operator ${removed.email}; ${removed.sessionsEnded} session(s) ended`);
  },
};

export const OPERATOR_ARITY: Record<string, number> = {
  'operator list': 3, 'operator reset-password': 3, 'operator remove': 3,
};
