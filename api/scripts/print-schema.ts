import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printRosterSchema } from '../src/graphql/print-schema.js';

// Writes schema/schema.graphql from the Pothos builder; no port, no database.
const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
await writeFile(target, printRosterSchema());
process.stdout.write(`wrote ${target}\n`);
