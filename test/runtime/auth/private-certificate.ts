// A certificate for 127.0.0.1 that nothing trusts (unlike the loopback certificate, which the
// test runner puts in NODE_EXTRA_CA_CERTS): trusting it takes the explicit `ca` option.
import { generate } from 'selfsigned';

let made: Promise<{ key: string; cert: string }> | undefined;

export function privateCertificate(): Promise<{ key: string; cert: string }> {
  made ??= generate([{ name: 'commonName', value: 'private-loopback' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  }).then((pems) => ({ key: pems.private, cert: pems.cert }));
  return made;
}
