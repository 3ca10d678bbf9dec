// DescribeConfigs v0–2, for topics (resource type 2) and this broker (4). Every topic config is
// listed with its source: set on the topic, inherited from a broker `log.*` setting, or Kafka's default.
import { ErrorCode } from '@sluice/kafka-protocol';
import { describeBrokerSettings } from '../config/broker-config.js';
import { ConfigSource } from '../config/topic-config.js';
import { defineHandler } from './handler.js';

export const ResourceType = { TOPIC: 2, BROKER: 4 } as const;


export const describeConfigsHandler = defineHandler({
  apiKey: 32,
  versions: { min: 0, max: 2 },
  advertised: { min: 0, max: 2 },
  handle(state, request) {
    const results = request.resources.map((r) => {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      const wanted = (name: string) => r.configurationKeys === null || r.configurationKeys.includes(name);
      if (r.resourceType === ResourceType.TOPIC) {
        const topic = state.topics.get(r.resourceName);
        if (!topic) {
          return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${r.resourceName}' does not exist.`, configs: [] };
        }
        const configs = state.topics
          .effectiveConfigs(topic)
          .filter((c) => wanted(c.name))
          .map((c) => ({
            name: c.name,
            value: c.value,
            readOnly: false,
            isDefault: c.source === ConfigSource.DEFAULT_CONFIG,
            configSource: c.source,
            isSensitive: false,
            synonyms: request.includeSynonyms ? [{ name: c.name, value: c.value, source: c.source }] : [],
          }));
        return { ...base, errorCode: 0, errorMessage: null, configs };
      }
      if (r.resourceType === ResourceType.BROKER && (r.resourceName === '' || r.resourceName === String(state.settings.nodeId))) {
        const configs = describeBrokerSettings(state.settings)
          .filter((c) => wanted(c.name))
          .map((c) => ({
            name: c.name,
            value: c.value,
            readOnly: true,
            isDefault: c.isDefault,
            configSource: c.isDefault ? ConfigSource.DEFAULT_CONFIG : ConfigSource.STATIC_BROKER_CONFIG,
            isSensitive: false,
            synonyms: [],
          }));
        return { ...base, errorCode: 0, errorMessage: null, configs };
      }
      return {
        ...base,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Resource type ${r.resourceType} "${r.resourceName}" is not known: ask for a topic (2) or broker ${state.settings.nodeId} (4).`,
        configs: [],
      };
    });
    return { throttleTimeMs: 0, results };
  },
});
