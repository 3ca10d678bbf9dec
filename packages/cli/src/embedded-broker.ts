import { CommandError } from './args/index.js';

/** A broker running inside this process. */
export interface EmbeddedBroker {
  host: string;
  port: number;
  close(): Promise<void>;
}

export interface StartBrokerOptions {
  host: string;
  port: number;
  dataDir: string;
  /** Broker configs as `key=value`, named as in Kafka's server.properties. */
  config?: string[];
}

/** The entry points @sluice/broker provides to the CLI. */
export interface BrokerEntryPoints {
  /**
   * The `sluice broker` command: parses its flags, starts the broker, prints the listening line and
   * resolves; the broker then runs until a signal and exits the process itself.
   */
  brokerMain(argv: string[]): Promise<void>;
  /** Starts a broker in this process and resolves once it listens. */
  startBroker(options: StartBrokerOptions): Promise<EmbeddedBroker>;
}

/** Loads the broker package only for the commands that run one, so client commands start fast. */
export async function loadBroker(): Promise<BrokerEntryPoints> {
  const mod: Record<string, unknown> = await import('@sluice/broker');
  if (typeof mod.brokerMain !== 'function' || typeof mod.startBroker !== 'function') {
    throw new CommandError('the embedded broker is missing from this build; run `pnpm build` at the repository root');
  }
  return mod as unknown as BrokerEntryPoints;
}
