import { parsePermissions, type Permission } from '../modules/access/permissions.js';
import { generatePassword } from '../modules/access/secrets.js';
import type { Services } from '../services.js';
import { operatorCommands, OPERATOR_ARITY } from './operator-commands.js';
import { rateLimitCommand } from './rate-limit-command.js';
import { deprovisioningCommand } from './deprovisioning-command.js';
import { need, UsageError, CLI_ACTOR } from './usage.js';

export interface CommandInput {
  words: string[];
  options: {
    name?: string; email?: string; permissions?: string; label?: string;
    'per-second'?: string; burst?: string; default?: boolean; 'retention-days'?: string;
  };
  readStdin: () => Promise<string>;
}

export type Output = (line: string) => void;


export type Command = (services: Services, input: CommandInput, out: Output) => Promise<void>;

/**
 * `--permissions ""` or `none` creates an operator without IAM rights, whom the console shows
 * no SCIM2 entry and a full access-denied page. The option itself stays required, so that
 * leaving it out is not taken for a decision.
 */
function operatorPermissions(value: string | undefined): Permission[] {
  if (value === undefined) throw new UsageError('Missing --permissions (a list, or none)');
  return value.trim().toLowerCase() === 'none' ? [] : parsePermissions(value);
}

const commands: Record<string, Command> = {
  'company create': async (s, { words, options }, out) => {
    const company = await s.companies.createCompany(need(words[2], '<slug>'), need(options.name, '--name'));
    out(`Created company ${company.slug} (${company.name})`);
  },
  'company list': async (s, _input, out) => {
    for (const c of await s.companies.listCompanies()) {
      out(`${c.slug}\t${c.name}\tSCIM ${c.scimStatus}\tEntra ID ${c.entraIdEnabled ? 'on' : 'off'}`);
    }
  },
  'company entra': async (s, { words }, out) => {
    const state = need(words[3], 'on|off');
    if (state !== 'on' && state !== 'off') throw new UsageError('Expected on or off');
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    await s.companies.setEntraId(company.id, state === 'on', CLI_ACTOR);
    out(`Entra ID integration ${state} for ${company.slug}`);
  },
  'operator create': async (s, { words, options, readStdin }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    const permissions = operatorPermissions(options.permissions);
    const given = (await readStdin()).trim();
    const password = given || generatePassword();
    const operator = await s.operators.createOperator(company.id, need(options.email, '--email'), password, permissions);
    out(`Created operator ${operator.email} for ${company.slug} (${permissions.join(', ') || 'no permissions'})`);
    if (!given) {
      out('Generated password (shown once):');
      out(password);
    }
  },
  'scim-token create': async (s, { words, options }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    const { token, secret } = await s.tokens.createScimToken(company.id, need(options.label, '--label'), CLI_ACTOR, 'NEVER', 'cli');
    out(`Created SCIM token "${token.label}" for ${company.slug}; the secret below is shown once:`);
    out(secret);
  },
  'api-token create': async (s, { words, options }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    const permissions = parsePermissions(need(options.permissions, '--permissions'));
    const { token, secret } = await s.tokens.createApiToken(company.id, need(options.label, '--label'), permissions);
    out(`Created API token "${token.label}" for ${company.slug}; the secret below is shown once:`);
    out(secret);
  },
  'scim activate': async (s, { words }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    await s.companies.activateScim(company.id, CLI_ACTOR, 'cli');
    out(`SCIM active for ${company.slug}`);
  },
  'scim deactivate': async (s, { words }, out) => {
    const company = await s.companies.getBySlug(need(words[2], '<slug>'));
    await s.companies.deactivateScim(company.id, CLI_ACTOR, 'cli');
    out(`SCIM inactive for ${company.slug}`);
  },
  ...operatorCommands,
  ...rateLimitCommand,
  ...deprovisioningCommand,
};

const ARITY: Record<string, number> = {
  'company create': 3, 'company list': 2, 'company entra': 4, 'company rate-limit': 3, 'company deprovisioning': 4, 'operator create': 3,
  'scim-token create': 3, 'api-token create': 3, 'scim activate': 3, 'scim deactivate': 3,
  ...OPERATOR_ARITY,
};

export function findCommand(words: string[]): Command {
  const key = words.slice(0, 2).join(' ');
  const command = commands[key];
  if (!command) throw new UsageError(words.length ? `Unknown command "${words.join(' ')}"` : 'No command given');
  if (words.length !== ARITY[key]) throw new UsageError(`Wrong number of arguments for "${key}"`);
  return command;
}
