import type { DemoCredentials } from './bootstrap-demo.js';

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
