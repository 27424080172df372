import { printSchema } from 'graphql';
import { schema } from './schema.js';

export function printRosterSchema(): string {
  return `${printSchema(schema)}\n`;
}
