import { isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../graphql/schema.js';
import { describeRequest } from './scim-activity.js';

const requests: [string, string[], number][] = [
  ['POST', ['Users'], 201], ['GET', ['Users', 'id'], 200], ['GET', ['Users'], 200], ['POST', ['Users', '.search'], 200],
  ['PUT', ['Users', 'id'], 200], ['PATCH', ['Users', 'id'], 200], ['DELETE', ['Users', 'id'], 204],
  ['POST', ['Groups'], 201], ['PATCH', ['Groups', 'id'], 204], ['POST', ['Bulk'], 200], ['POST', ['.search'], 200],
  ['GET', ['Schemas'], 200],
];

describe('describeRequest', () => {
  it('produces every example that ProvisioningEvent.operation describes', () => {
    const produced = new Set(requests.map(([method, segments, status]) => describeRequest(method, segments, { status }).operation));
    const type = schema.getType('ProvisioningEvent');
    const description = isObjectType(type) ? (type.getFields().operation?.description ?? '') : '';
    const examples = [...description.matchAll(/"([^"]+)"/g)].map((match) => match[1]!).filter((example) => example !== 'Read');
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) expect(produced, example).toContain(example);
  });
});
