import { describe, expect, it } from 'vitest';
import { ERROR_URN, SCIM_CONTENT_TYPE, ScimError, badRequest, renderScimError } from './errors.js';

describe('renderScimError', () => {
  it.each([
    [new ScimError(404, undefined, 'User 1 not found'), 404, { schemas: [ERROR_URN], status: '404', detail: 'User 1 not found' }],
    [
      new ScimError(409, 'uniqueness', 'userName taken'),
      409,
      { schemas: [ERROR_URN], status: '409', scimType: 'uniqueness', detail: 'userName taken' },
    ],
    [
      badRequest('invalidFilter', 'bad'),
      400,
      { schemas: [ERROR_URN], status: '400', scimType: 'invalidFilter', detail: 'bad' },
    ],
  ])('renders %s', (error, status, body) => {
    expect(renderScimError(error)).toEqual({ status, body });
  });

  it('renders status as a JSON string (RFC 7644 §3.12)', () => {
    expect(typeof renderScimError(new ScimError(401, undefined, 'no token')).body.status).toBe('string');
  });

  it.each([new Error('relation "directory_user" does not exist'), 'boom', null, { message: 'secret' }])(
    'masks %s as a 500 without its message',
    (thrown) => {
      const rendered = renderScimError(thrown);
      expect(rendered.status).toBe(500);
      expect(rendered.body).toEqual({ schemas: [ERROR_URN], status: '500', detail: 'Internal server error' });
    },
  );

  it('appends the request id to the masked 500', () => {
    const rendered = renderScimError(new Error('sql'), 'req-42');
    expect(rendered.body.detail).toBe('Internal server error (request id req-42)');
    expect(rendered.body.detail).not.toContain('sql');
  });

  it('exports the SCIM media type', () => {
    expect(SCIM_CONTENT_TYPE).toBe('application/scim+json');
  });

  it('is an Error with the detail as message', () => {
    const error = new ScimError(400, 'invalidPath', 'nope');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe('nope');
  });
});

describe('ScimError details quote input safely', () => {
  it('escapes NUL and unpaired surrogates, keeps pairs, and cuts a quoted megabyte short', () => {
    expect(new ScimError(400, 'invalidFilter', 'at "a\u0000b\ud800😀"').detail).toBe('at "a\\u0000b\\ud800😀"');
    const long = new ScimError(400, 'invalidValue', `"${'😀'.repeat(600_000)}"`);
    expect(long.detail.length).toBeLessThan(2_100);
    expect(long.detail).toBe(long.message);
    expect(long.detail).not.toMatch(/\p{Cs}/u);
  });
});
