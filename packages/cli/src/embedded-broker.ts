/** @sluice/broker's entry points: `brokerMain` (the `sluice broker` command) and `startBroker`. */
export type BrokerModule = typeof import('@sluice/broker');

/** Loads the broker package only for the commands that run one, so client commands start fast. */
export function loadBroker(): Promise<BrokerModule> {
  return import('@sluice/broker');
}
