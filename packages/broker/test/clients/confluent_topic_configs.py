"""confluent-kafka AdminClient: create a topic with standard Kafka topic configs, describe them back,
and look up offsets by timestamp (offsets_for_times).

Usage: confluent_topic_configs.py BOOTSTRAP TOPIC CONFIGS_JSON TIMES_TOPIC TIMESTAMP_MS
Prints {"created": "ok" | error, "described": {name: value}, "offset_for_time": n}.
"""
import json
import sys

from confluent_kafka import Consumer, TopicPartition
from confluent_kafka.admin import AdminClient, ConfigResource, NewTopic

bootstrap, topic, configs, times_topic, ts = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], int(sys.argv[5])
admin = AdminClient({"bootstrap.servers": bootstrap})
out = {}
try:
    admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1, config=configs)])[topic].result(timeout=10)
    out["created"] = "ok"
except Exception as e:
    out["created"] = str(e)
resource = ConfigResource("topic", topic)
described = admin.describe_configs([resource])[resource].result(timeout=10)
out["described"] = {name: entry.value for name, entry in described.items()}

consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "offsets-for-times"})
found = consumer.offsets_for_times([TopicPartition(times_topic, 0, ts)], timeout=10)
out["offset_for_time"] = found[0].offset
consumer.close()
print(json.dumps(out))
