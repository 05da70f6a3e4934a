import { generate } from 'selfsigned';

export interface TlsMaterial {
  key: string;
  cert: string;
}

/**
 * A self-signed certificate made at start, as DRP makes one on first start (docs/reference/drp-protocol.md §1.5:
 * ECDSA P-384, 365 days, organisation "Acme Co"), here for CN localhost with SANs localhost and
 * 127.0.0.1. A browser must accept it in a tab before `wss://` works (otherwise: 1006).
 */
export async function createSelfSignedCert(): Promise<TlsMaterial> {
  const now = new Date();
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'Acme Co' },
    ],
    {
      keyType: 'ec',
      curve: 'P-384',
      algorithm: 'sha384',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}
