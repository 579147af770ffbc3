// HOST:PORT as people type it.
import { describe, expect, test } from '@jest/globals';
import { parseEndpoint } from '../../src/core/probe/endpointAddress.js';

describe('parseEndpoint', () => {
  test.each([
    ['127.0.0.1:8443', { host: '127.0.0.1', port: 8443 }],
    ['[::1]:443', { host: '::1', port: 443 }],
    ['[2001:0DB8::0001]:8443', { host: '2001:db8::1', port: 8443 }],
    ['::1', { host: '::1', port: 443 }],
    ['Etcd0-0.etcd:2379', { host: 'etcd0-0.etcd', port: 2379 }],
    ['example.com', { host: 'example.com', port: 443 }],
  ])('%s', (text, expected) => {
    expect(parseEndpoint(text)).toEqual(expected);
  });

  test.each(['a:b:c:443', 'host:0', 'host:70000', '[example.com]:443', 'under_score:1', 'https://example.com'])('%s is refused with ENDPOINT_INVALID', (text) => {
    expect(() => parseEndpoint(text)).toThrow(expect.objectContaining({ code: 'ENDPOINT_INVALID' }));
  });
});
