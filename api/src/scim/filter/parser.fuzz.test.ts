/** Properties of the pure parsers: whatever the input, the only failure is a SCIM 400 (issue 11). */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { anyFilter, anyPatchOperation, fuzzParameters, patchPath, poisonText } from '../../../test/fuzz-arbitraries.js';
import { isStorableText } from '../../domain/storable-text.js';
import { ScimError } from '../errors.js';
import { parsePatchRequest } from '../patch/patch-request.js';
import { applyPatch } from '../patch/apply-patch.js';
import { applyGroupPatch } from '../patch/apply-group-patch.js';
import { normalizeGroupInput, normalizeUserInput } from '../resources/normalize.js';
import { USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import { createParamSink, groupFilterTarget, userFilterTarget } from './filter-target.js';
import { parseAttributePath, parseFilter, parsePatchPath } from './parser.js';
import { compileFilter } from './to-sql.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const USER = { userName: 'fuzz@example.com', emails: [{ value: 'fuzz@example.com', type: 'work', primary: true }], name: { givenName: 'F' } };

/** Runs `work`; a throw must be a 400 ScimError of one of `types`. */
function onlyScimErrors(work: () => unknown, types: readonly string[]): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
    expect(error.status).toBe(400);
    expect(types).toContain(error.scimType);
    expect(isStorableText(error.detail)).toBe(true);
  }
}

describe('filter parser and compiler', () => {
  test.prop([anyFilter], fuzzParameters(400))('parseFilter + compileFilter throw only invalidFilter', (text) => {
    onlyScimErrors(() => {
      const filter = parseFilter(text);
      compileFilter(filter, userFilterTarget('u'), createParamSink());
      compileFilter(filter, groupFilterTarget('g'), createParamSink());
    }, ['invalidFilter']);
  });

  test.prop([poisonText], fuzzParameters(200))('a NUL or unpaired surrogate in a filter string never parses', (text) => {
    expect(() => parseFilter(`userName eq ${JSON.stringify(text)}`)).toThrow(ScimError);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 })], fuzzParameters(300))('parseAttributePath throws only invalidValue', (text) => {
    onlyScimErrors(() => parseAttributePath(text, 'invalidValue'), ['invalidValue']);
  });
});

describe('PATCH', () => {
  test.prop([patchPath], fuzzParameters(400))('parsePatchPath throws only invalidPath', (text) => {
    onlyScimErrors(() => parsePatchPath(text), ['invalidPath']);
  });

  test.prop([fc.array(anyPatchOperation, { minLength: 1, maxLength: 4 })], fuzzParameters(300))(
    'applying a random PatchOp to a user or group throws only SCIM 400s and leaves the input as it was',
    (Operations) => {
      const user = structuredClone(USER);
      const group = { displayName: 'Fuzzers' };
      const types = ['invalidSyntax', 'invalidPath', 'invalidValue', 'invalidFilter', 'noTarget', 'mutability'];
      onlyScimErrors(() => normalizeUserInput(applyPatch(user, parsePatchRequest({ schemas: [PATCH_OP], Operations }), { resourceType: USER_RESOURCE_TYPE })), types);
      onlyScimErrors(() => normalizeGroupInput(applyGroupPatch(group, parsePatchRequest({ schemas: [PATCH_OP], Operations })).resource), types);
      expect(user).toEqual(USER);
      expect(group).toEqual({ displayName: 'Fuzzers' });
    },
  );
});

describe('resource bodies', () => {
  test.prop([fc.jsonValue({ maxDepth: 4 })], fuzzParameters(300))('normalizing random JSON throws only SCIM 400s', (body) => {
    onlyScimErrors(() => normalizeUserInput(body), ['invalidSyntax', 'invalidValue']);
    onlyScimErrors(() => normalizeGroupInput(body), ['invalidSyntax', 'invalidValue']);
  });
});
