"""confluent-kafka AdminClient: the broker's error messages reach the user as it wrote them.

Usage: confluent_admin.py BOOTSTRAP
Prints one JSON object mapping each attempted operation to "ok" or the error string.
"""
import json
import sys

from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

admin = AdminClient({"bootstrap.servers": sys.argv[1]})
out = {}


def outcome(name, future):
    try:
        future.result(timeout=10)
        out[name] = "ok"
    except Exception as e:  # the KafkaException carries the broker's message
        out[name] = str(e)


for name, topic in [
    ("create", NewTopic("cf-admin", num_partitions=2, replication_factor=1, config={"retention.ms": "60000"})),
    ("duplicate", NewTopic("cf-admin", num_partitions=2, replication_factor=1)),
    ("replication", NewTopic("cf-rf3", num_partitions=1, replication_factor=3)),
    ("bad-config", NewTopic("cf-bad", num_partitions=1, replication_factor=1, config={"retention.ms": "soon"})),
    ("bad-name", NewTopic("no spaces", num_partitions=1, replication_factor=1)),
]:
    outcome(name, admin.create_topics([topic])[topic.topic])

outcome("grow", admin.create_partitions([NewPartitions("cf-admin", 3)])["cf-admin"])
outcome("shrink", admin.create_partitions([NewPartitions("cf-admin", 1)])["cf-admin"])

resource = ConfigResource("topic", "cf-admin")
configs = admin.describe_configs([resource])[resource].result(timeout=10)
out["retention.ms"] = configs["retention.ms"].value
out["partitions"] = len(admin.list_topics("cf-admin", timeout=10).topics["cf-admin"].partitions)
outcome("delete", admin.delete_topics(["cf-admin"])["cf-admin"])
out["after-delete"] = "cf-admin" in admin.list_topics(timeout=10).topics
print(json.dumps(out))
