"""kafka-python: produce keyed records to every partition, then read them all back without a group.

Usage: kafka_python_roundtrip.py BOOTSTRAP TOPIC COUNT COMPRESSION
Prints one JSON object: {"acked": n, "records": [[partition, offset, key, value], ...]}.
"""
import json
import sys

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

bootstrap, topic, count, compression = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

producer = KafkaProducer(
    bootstrap_servers=bootstrap,
    acks="all",
    compression_type=None if compression == "none" else compression,
    linger_ms=5,
)
futures = [
    producer.send(topic, key=("k%d" % (i % 5)).encode(), value=("py-%d" % i).encode())
    for i in range(count)
]
producer.flush()
acked = sum(1 for f in futures if f.get(timeout=10) is not None)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None)
partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
consumer.assign(partitions)
consumer.seek_to_beginning(*partitions)
records = []
while len(records) < count:
    batch = consumer.poll(timeout_ms=5000)
    if not batch:
        break
    for tp, messages in batch.items():
        for m in messages:
            records.append([tp.partition, m.offset, m.key.decode(), m.value.decode()])
consumer.close()
print(json.dumps({"acked": acked, "records": records}))
