// DeleteTopics v0–3: removes the topic from the manifest, then its partition directories.
import { defineHandler } from './handler.js';
import { topicErrorFields } from './topic-errors.js';

export const deleteTopicsHandler = defineHandler({
  apiKey: 20,
  versions: { min: 0, max: 3 },
  advertised: { min: 0, max: 3 },
  handle(state, request) {
    const responses = request.topicNames.map((name) => {
      try {
        state.topics.delete(name);
        return { name, errorCode: 0 };
      } catch (err) {
        return { name, errorCode: topicErrorFields(err).errorCode };
      }
    });
    return { throttleTimeMs: 0, responses };
  },
});
