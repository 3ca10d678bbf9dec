/**
 * Kafka's `sasl.jaas.config` value, as brokers and Java clients write it:
 *   org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="secret";
 * The login module, its control flag and its options (values quoted with " or ', or bare words).
 */
export interface JaasConfig {
  loginModule: string;
  controlFlag: string;
  options: Map<string, string>;
}

export class JaasSyntaxError extends Error {}

const FLAGS = new Set(['required', 'requisite', 'sufficient', 'optional']);

export function parseJaasConfig(text: string): JaasConfig {
  const s = text.trim();
  let i = 0;
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const word = () => {
    skipSpace();
    const start = i;
    while (i < s.length && /[^\s=;"']/.test(s[i])) i++;
    return s.slice(start, i);
  };
  const loginModule = word();
  const controlFlag = word();
  if (!loginModule || !FLAGS.has(controlFlag)) {
    throw new JaasSyntaxError(
      'must start with a login module and a control flag, e.g. org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="secret";',
    );
  }
  const options = new Map<string, string>();
  for (;;) {
    skipSpace();
    if (i >= s.length) throw new JaasSyntaxError('must end with ";"');
    if (s[i] === ';') {
      i++;
      skipSpace();
      if (i < s.length) throw new JaasSyntaxError(`unexpected text after ";": ${s.slice(i, i + 20)}`);
      return { loginModule, controlFlag, options };
    }
    const key = word();
    skipSpace();
    if (!key || s[i] !== '=') throw new JaasSyntaxError(`expected key=value at "${s.slice(i, i + 20)}"`);
    i++;
    skipSpace();
    let value: string;
    const quote = s[i];
    if (quote === '"' || quote === "'") {
      const end = s.indexOf(quote, i + 1);
      if (end < 0) throw new JaasSyntaxError(`the value of ${key} has no closing ${quote}`);
      value = s.slice(i + 1, end);
      i = end + 1;
    } else {
      value = word();
    }
    options.set(key, value);
  }
}
