// The SASL_SSL side of `pnpm bench:broker`: the same broker process also listens on SASL_SSL with a
// certificate made by openssl, and kcat authenticates with SCRAM-SHA-256, so TLS + SASL cost shows
// next to the plaintext rows of the same run.
import { makeTestCertificates, secureBrokerConfig, type TestCertificates } from '../testing/test-certificates.js';

export interface SecureListenerBench {
  /** `--listen` values: plaintext first (the bench's own clients), then SASL_SSL. */
  listeners: string[];
  config: Record<string, string>;
  /** kcat's `-b` and `-X` arguments for the SASL_SSL listener. */
  kcatArgs(bootstrap: string): string[];
  cleanup(): void;
}

export function secureListenerBench(): SecureListenerBench {
  const certs: TestCertificates = makeTestCertificates();
  return {
    listeners: ['127.0.0.1:0', 'SASL_SSL://127.0.0.1:0'],
    config: secureBrokerConfig(certs, { bench: 'bench-secret' }),
    kcatArgs: (bootstrap) => [
      '-b', bootstrap,
      '-X', 'security.protocol=SASL_SSL',
      '-X', 'sasl.mechanisms=SCRAM-SHA-256',
      '-X', 'sasl.username=bench',
      '-X', 'sasl.password=bench-secret',
      '-X', `ssl.ca.location=${certs.caCert}`,
    ],
    cleanup: () => certs.cleanup(),
  };
}
