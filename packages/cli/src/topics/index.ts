export { formatTopicDescription, type TopicDescription, type PartitionDescription } from './describe-format.js';
export { topicNameProblem, isInternalTopic } from './topic-name.js';
