import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { applyGroupPatch } from './apply-group-patch.js';
import type { PatchOperation } from './patch-request.js';

const group = { displayName: 'Eng', externalId: 'e1' };
const run = (ops: PatchOperation[]) => applyGroupPatch(group, ops);
const U1 = '2819c223-7f76-453a-919d-413861904646';

describe('applyGroupPatch: member changes', () => {
  it.each<[string, PatchOperation[], unknown]>([
    ['Entra add with "$ref": null (SCIM-NOTES §2.4)', [{ op: 'add', path: 'members', value: [{ $ref: null, value: 'f648' }] }], [{ kind: 'add', ids: ['f648'] }]],
    ['Okta add with display', [{ op: 'add', path: 'members', value: [{ value: '23a3', display: 'a@okta' }] }], [{ kind: 'add', ids: ['23a3'] }]],
    ['Entra remove with a value list removes only those (directory-scimple#436)', [{ op: 'remove', path: 'members', value: [{ $ref: null, value: 'f648' }] }], [{ kind: 'remove', ids: ['f648'] }]],
    ['remove members[value eq] (Okta, validator)', [{ op: 'remove', path: `members[value eq "${U1}"]` }], [{ kind: 'remove', ids: [U1] }]],
    ['remove members[value eq a or value eq b]', [{ op: 'remove', path: 'members[value eq "a" or value eq "b"]' }], [{ kind: 'remove', ids: ['a', 'b'] }]],
    ['remove all', [{ op: 'remove', path: 'members' }], [{ kind: 'removeAll' }]],
    ['validator replace members', [{ op: 'replace', path: 'members', value: [{ value: 'a' }, { value: 'b' }] }], [{ kind: 'replace', ids: ['a', 'b'] }]],
    ['replace members with []', [{ op: 'replace', path: 'members', value: [] }], [{ kind: 'replace', ids: [] }]],
    ['no-path replace with members', [{ op: 'replace', value: { members: [{ value: 'a' }] } }], [{ kind: 'replace', ids: ['a'] }]],
    ['no-path add with Members', [{ op: 'add', value: { Members: [{ value: 'a' }] } }], [{ kind: 'add', ids: ['a'] }]],
    ['case-insensitive path', [{ op: 'add', path: 'MEMBERS', value: [{ value: 'a' }] }], [{ kind: 'add', ids: ['a'] }]],
    ['add then remove the same member keeps order (validator preview)', [{ op: 'add', path: 'members', value: [{ value: 'a' }] }, { op: 'remove', path: 'members[value eq "a"]' }], [{ kind: 'add', ids: ['a'] }, { kind: 'remove', ids: ['a'] }]],
    ['members[…].display edits nothing stored', [{ op: 'replace', path: 'members[value eq "a"].display', value: 'x' }], []],
    ['empty add is dropped', [{ op: 'add', path: 'members', value: [] }], []],
  ])('%s', (_label, ops, changes) => {
    const result = run(ops);
    expect(result.memberChanges).toEqual(changes);
    expect(result.resource).toEqual(group);
  });
});

describe('applyGroupPatch: other attributes', () => {
  it.each<[string, PatchOperation[], unknown]>([
    ['Entra Replace displayName', [{ op: 'replace', path: 'displayName', value: 'New' }], { displayName: 'New', externalId: 'e1' }],
    ['validator no-path externalId', [{ op: 'replace', value: { externalId: 'e2' } }], { displayName: 'Eng', externalId: 'e2' }],
    ['Okta no-path with readOnly id', [{ op: 'replace', value: { id: 'abf4', displayName: 'Test SCIMv2' } }], { displayName: 'Test SCIMv2', externalId: 'e1' }],
    ['no-path with members and displayName', [{ op: 'replace', value: { displayName: 'X', members: [] } }], { displayName: 'X', externalId: 'e1' }],
  ])('%s', (_label, ops, resource) => {
    expect(run(ops).resource).toEqual(resource);
  });

  it('no-path with members and displayName yields both changes', () => {
    expect(run([{ op: 'replace', value: { displayName: 'X', members: [{ value: 'a' }] } }]).memberChanges).toEqual([{ kind: 'replace', ids: ['a'] }]);
  });

  it.each<[string, PatchOperation[], string]>([
    ['member filter on display', [{ op: 'remove', path: 'members[display eq "Bob"]' }], 'invalidFilter'],
    ['members.value path', [{ op: 'remove', path: 'members.value' }], 'invalidPath'],
    ['member without value', [{ op: 'add', path: 'members', value: [{ display: 'x' }] }], 'invalidValue'],
    ['removing displayName', [{ op: 'remove', path: 'displayName' }], 'invalidValue'],
    ['remove without path', [{ op: 'remove' }], 'noTarget'],
  ])('%s → 400 %s', (_label, ops, scimType) => {
    let caught: unknown;
    try {
      run(ops);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScimError);
    expect(caught).toMatchObject({ status: 400, scimType });
  });
});
