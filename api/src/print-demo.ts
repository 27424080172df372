import { DEMO_EMAIL, type DemoCredentials } from './bootstrap-demo.js';
import type { Config } from './config.js';
import type { Services } from './services.js';

/** Printed once, on the first start; the password and token are not stored in clear anywhere. */
export function printDemoCredentials(demo: DemoCredentials): void {
  process.stdout.write(
    [
      '',
      'Roster is ready with a demo company. These secrets are shown only now:',
      `  Console:        ${demo.consoleUrl}`,
      `  Login:          ${demo.email}`,
      `  Password:       ${demo.password}`,
      `  SCIM base URL:  ${demo.scimBaseUrl}`,
      `  SCIM token:     ${demo.scimToken}`,
      '',
    ].join('\n') + '\n',
  );
}

const CLI = 'npm run roster --';

/** How to sign in, without any secret: what an operator needs from every start's output. */
export async function signInLine(services: Services, config: Config, demo: DemoCredentials | null): Promise<string> {
  const where = `Roster console: ${config.publicUrl}/login`;
  if (demo) return `${where} — sign in as ${demo.email} with the password printed above (shown only on this first start)`;
  const { count, has } = await services.operators.operatorCensus(DEMO_EMAIL);
  if (has) return `${where} — sign in as ${DEMO_EMAIL} with the password from the first start; lost it? ${CLI} operator reset-password ${DEMO_EMAIL}`;
  if (count === 0) {
    return `${where} — no operator yet: ${CLI} company create <slug> --name <name>, then ${CLI} operator create <slug> --email <email> --permissions iam:read,iam:manage,users:delete`;
  }
  return `${where} — sign in with an operator's email and password (${CLI} operator list <slug>; lost password: ${CLI} operator reset-password <email>)`;
}
