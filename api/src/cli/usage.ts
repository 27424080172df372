export const USAGE = `Usage: npm run roster -- <command> [options]

Commands:
  company create <slug> --name <name>     Create a company (slug: 2-63 of a-z, 0-9, -)
  company list                            List companies
  company entra <slug> on|off             Turn the native Entra ID integration on or off
  company rate-limit <slug> --per-second <n> [--burst <n>] | --default
                                          Set the company's SCIM rate limit (0 = none; burst
                                          3 × n unless given), or go back to the deployment's
  company deprovisioning <slug> soft|hard [--retention-days <n>]
                                          What a SCIM DELETE and Delete All Users do: keep
                                          users restorable (1-365 days), or delete for good
  operator create <slug> --email <email> --permissions <list|none>
                                          Create a console operator; password from stdin,
                                          or generated and printed when stdin is a terminal/empty;
                                          none (or "") gives an operator without IAM rights
  operator list <slug>                    List a company's operators and their permissions
  operator reset-password <email>         Set a new password (stdin, or generated and printed
                                          alone on the last line) and end the operator's sessions
  operator remove <email>                 Remove an operator and end their sessions
  scim-token create <slug> --label <label>
                                          Create a SCIM token; the secret is the last line
  api-token create <slug> --label <label> --permissions <list>
                                          Create a GraphQL API token; the secret is the last line
  scim activate <slug>                    Accept inbound SCIM requests
  scim deactivate <slug>                  Refuse inbound SCIM requests (no data is deleted)

Permissions: iam:read, iam:manage, users:delete (comma-separated)
Options: --help on any command shows this text.
Environment: DATABASE_URL, or DATA_DIR for the embedded database (default .data).
`;

/** The audit trail's actor for every change made through the CLI. */
export const CLI_ACTOR = 'cli';

export class UsageError extends Error {}

export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === '') throw new UsageError(`Missing ${what}`);
  return value;
}
