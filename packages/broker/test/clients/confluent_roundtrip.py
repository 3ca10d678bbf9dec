"""confluent-kafka (librdkafka): produce keyed records, then read every partition back by assignment.

Usage: confluent_roundtrip.py BOOTSTRAP TOPIC COUNT COMPRESSION
Prints one JSON object: {"acked": n, "records": [[partition, offset, key, value], ...]}.
"""
import json
import sys

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING

bootstrap, topic, count, compression = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

acked = 0
errors = []


def on_delivery(err, msg):
    global acked
    if err is None:
        acked += 1
    else:
        errors.append(str(err))


producer = Producer({"bootstrap.servers": bootstrap, "compression.type": compression, "linger.ms": 5, "acks": "all"})
for i in range(count):
    producer.produce(topic, key=("k%d" % (i % 5)).encode(), value=("cf-%d" % i).encode(), on_delivery=on_delivery)
    producer.poll(0)
producer.flush(30)

consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "unused-assign-only", "enable.auto.commit": False})
metadata = consumer.list_topics(topic, timeout=10)
partitions = sorted(metadata.topics[topic].partitions.keys())
consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
records = []
idle = 0
while len(records) < count and idle < 10:
    m = consumer.poll(1.0)
    if m is None:
        idle += 1
        continue
    if m.error():
        errors.append(str(m.error()))
        continue
    records.append([m.partition(), m.offset(), m.key().decode(), m.value().decode()])
consumer.close()
print(json.dumps({"acked": acked, "errors": errors, "records": records}))
