// Does the key belong to the certificate? Compared by public key; the key never appears
// in a result or a message.
import { beforeAll, describe, expect, test } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { analyseCertificates } from '../../src/core/certificate/analyse.js';
import { parseCertificates } from '../../src/core/certificate/parse.js';
import { TlsdocError } from '../../src/core/errors.js';
import { issue, threeLevelChain, type Issued } from '../support/pki.js';

let leaf: Issued;
let intermediate: Issued;
beforeAll(async () => {
  ({ leaf, intermediate } = await threeLevelChain({ name: 'CN=web', dns: ['web'] }));
});

const withKey = (key: string | Uint8Array, ...chain: Issued[]) =>
  analyseCertificates({ certificates: parseCertificates(chain.map((c) => c.pem).join('')).certificates, privateKey: typeof key === 'string' ? Buffer.from(key) : key, now: new Date() });

describe('key matching', () => {
  test('the right key matches, as PEM, as DER and as a Secret value', () => {
    expect(withKey(leaf.keyPem, leaf, intermediate)).toMatchObject({ keyMatches: true, findings: [] });
    const der = Buffer.from(leaf.keyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    expect(withKey(der, leaf).keyMatches).toBe(true);
    expect(withKey(`tls.key: ${Buffer.from(leaf.keyPem).toString('base64')}`, leaf).keyMatches).toBe(true);
  });

  test('another key: key-mismatch, saying which certificate it belongs to, never quoting the key', async () => {
    const a = withKey(intermediate.keyPem, leaf, intermediate);
    expect(a.keyMatches).toBe(false);
    expect(a.findings).toHaveLength(1);
    expect(a.findings[0]).toMatchObject({ category: 'key-mismatch', severity: 'error', certificate: { index: 0, subject: 'CN=web' } });
    expect(a.findings[0]?.message).toBe("The private key (EC prime256v1) does not belong to certificate 0 (CN=web) (EC 256 key); it belongs to certificate 1 (CN=tlsdoc Test Issuing CA 1) instead; deploy the key generated with this certificate's CSR, or reissue the certificate for this key.");
    const body = intermediate.keyPem.split('\n')[1] as string;
    expect(JSON.stringify(a)).not.toContain(body.slice(0, 20));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(withKey(rsa, leaf).findings[0]?.message).toMatch(/^The private key \(RSA 2048\) does not belong to certificate 0 \(CN=web\) \(EC 256 key\); deploy/);
  });

  test('encrypted or unreadable keys are coded errors that quote nothing', async () => {
    const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }) as string;
    const err = (key: string) => {
      try {
        withKey(key, leaf);
      } catch (e) {
        return e as TlsdocError;
      }
      throw new Error('expected an error');
    };
    expect(err(encrypted)).toMatchObject({ code: 'PRIVATE_KEY_INVALID', message: expect.stringMatching(/encrypted/) });
    const damaged = `-----BEGIN PRIVATE KEY-----\nMIIBAAAAsecretsecretsecret\n-----END PRIVATE KEY-----\n`;
    expect(err(damaged)).toMatchObject({ code: 'PRIVATE_KEY_INVALID' });
    expect(err(damaged).message).not.toContain('secretsecret');
    expect(err('not a key').code).toBe('PRIVATE_KEY_INVALID');
  });

  test('a key for another certificate of the same subject still mismatches', async () => {
    const twin = await issue({ name: 'CN=web', dns: ['web'] });
    expect(withKey(twin.keyPem, leaf).keyMatches).toBe(false);
  });
});
