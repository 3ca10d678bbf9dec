import type { Command } from '../command.js';
import { brokerCommand } from './broker.js';
import { consoleConsumerCommand } from './console-consumer.js';
import { consoleProducerCommand } from './console-producer.js';
import { consumerGroupsCommand } from './consumer-groups.js';
import { deployCommand } from './deploy.js';
import { pipelinesCommand } from './pipelines.js';
import { serverCommand } from './server.js';
import { runCommand } from './run.js';
import { startCommand } from './start.js';
import { topicsCommand } from './topics.js';

/** Every `sluice` subcommand, in the order `sluice --help` lists them. */
export const commands: readonly Command[] = [
  startCommand,
  serverCommand,
  brokerCommand,
  topicsCommand,
  consoleProducerCommand,
  consoleConsumerCommand,
  consumerGroupsCommand,
  deployCommand,
  pipelinesCommand,
  runCommand,
];
