import { generate } from 'selfsigned';

export interface ServerCertificate {
  /** PEM of the self-signed certificate; clients trust it as their CA. */
  certPem: string;
  keyPem: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 / localhost, made at every start so no key is ever committed.
 * HTTPS (not HTTP) because the Azure SDK's bearer-token policy refuses to send tokens over plain HTTP.
 * It is its own CA (basicConstraints cA) so that clients can pass it as `ca` and Node's verifier accepts the chain.
 */
export async function createServerCertificate(): Promise<ServerCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 30 * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'AKS Cluster Extensions Azure emulator' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { certPem: pems.cert, keyPem: pems.private };
}
