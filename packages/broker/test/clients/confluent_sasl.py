"""confluent-kafka (librdkafka) over SASL_SSL: produce records, then read them back in a group.

Usage: confluent_sasl.py BOOTSTRAP TOPIC MECHANISM USER PASSWORD CA_FILE
Prints one JSON object: {"acked": n, "values": [...]}, or {"error": "..."} and exits 1.
"""
import json
import sys

from confluent_kafka import Consumer, KafkaException, Producer

bootstrap, topic, mechanism, user, password, ca = sys.argv[1:7]
security = {
    "bootstrap.servers": bootstrap,
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": mechanism,
    "sasl.username": user,
    "sasl.password": password,
    "ssl.ca.location": ca,
}
errors = []


def on_error(err):
    errors.append(str(err))


acked = 0


def on_delivery(err, msg):
    global acked
    if err is None:
        acked += 1
    else:
        errors.append(str(err))


producer = Producer({**security, "acks": "all", "error_cb": on_error, "message.timeout.ms": 8000})
for i in range(20):
    producer.produce(topic, value=("sasl-%d" % i).encode(), on_delivery=on_delivery)
producer.flush(10)
if acked != 20:
    print(json.dumps({"error": errors[0] if errors else "only %d of 20 acknowledged" % acked}))
    sys.exit(1)

consumer = Consumer({**security, "group.id": "confluent-" + topic, "auto.offset.reset": "earliest", "error_cb": on_error})
consumer.subscribe([topic])
values = []
try:
    for _ in range(100):
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        if msg.error():
            raise KafkaException(msg.error())
        values.append(msg.value().decode())
        if len(values) == 20:
            break
finally:
    consumer.close()
print(json.dumps({"acked": acked, "values": values}))
