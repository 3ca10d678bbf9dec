// AlterConfigs v0–1 for topics: the given set replaces every override the topic had (that is
// AlterConfigs' meaning; IncrementalAlterConfigs is the other API). Broker settings are fixed at start.
import { ErrorCode } from '@sluice/kafka-protocol';
import { ResourceType } from './32_describe_configs.js';
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';


export const alterConfigsHandler = defineHandler({
  apiKey: 33,
  versions: { min: 0, max: 1 },
  advertised: { min: 0, max: 1 },
  handle(state, request) {
    const responses = request.resources.map((r) => {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      if (r.resourceType !== ResourceType.TOPIC) {
        return {
          ...base,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: 'Broker settings are fixed at start: pass them to `sluice broker --config k=v`.',
        };
      }
      const configs: Record<string, string> = {};
      for (const c of r.configs) if (c.value !== null) configs[c.name] = c.value;
      try {
        state.topics.replaceConfigs(r.resourceName, configs, request.validateOnly);
        return { ...base, errorCode: 0, errorMessage: null };
      } catch (err) {
        return { ...base, ...topicErrorFields(err) };
      }
    });
    return { throttleTimeMs: 0, responses };
  },
});
