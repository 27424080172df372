import { describe, expect, it } from 'vitest';
import { unreachableFromCloud } from './reachability.js';

describe('unreachableFromCloud', () => {
  it.each([
    ['http://localhost:4000/pp/scim/v2/demo', 'loopback'],
    ['https://localhost/pp/scim/v2/demo', 'loopback'],
    ['http://127.0.0.1:4000/pp/scim/v2/demo', 'loopback'],
    ['http://roster.localhost/pp/scim/v2/demo', 'loopback'],
    ['http://[::1]:4000/pp/scim/v2/demo', 'loopback'],
    ['https://10.1.2.3/pp/scim/v2/demo', 'private-network'],
    ['https://192.168.0.10/pp/scim/v2/demo', 'private-network'],
    ['https://172.20.0.1/pp/scim/v2/demo', 'private-network'],
    ['http://roster.example.com/pp/scim/v2/demo', 'not-https'],
    ['https://roster.example.com/pp/scim/v2/demo', null],
    ['https://172.32.0.1/pp/scim/v2/demo', null],
    ['not a url', null],
  ])('%s → %s', (url, reason) => {
    expect(unreachableFromCloud(url)).toBe(reason);
  });
});
