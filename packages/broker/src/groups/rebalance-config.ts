import type { ClassicGroup } from './group.js';

/** What the rebalancer and its engine are tuned by and report to; apart, so both can import it. */
export interface RebalanceConfig {
  /** group.min.session.timeout.ms / group.max.session.timeout.ms: JoinGroup outside → INVALID_SESSION_TIMEOUT. */
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  /** group.initial.rebalance.delay.ms: how long a first generation waits for more members. */
  initialRebalanceDelayMs: number;
  /** How long a member that joined but never got a JoinGroup response may stay (Kafka: 5 min). */
  newMemberJoinTimeoutMs: number;
}

export interface RebalanceEvents {
  /** The group has no members left (pending ones aside). */
  onEmpty(group: ClassicGroup): void;
  info(msg: string): void;
}
