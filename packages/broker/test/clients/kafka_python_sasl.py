"""kafka-python over SASL_SSL (SaslHandshake v0, then bare SASL tokens): produce, then read back.

Usage: kafka_python_sasl.py BOOTSTRAP TOPIC MECHANISM USER PASSWORD CA_FILE
Prints one JSON object: {"values": [...]}, or {"error": "..."} and exits 1.
"""
import json
import sys

from kafka import KafkaConsumer, KafkaProducer

bootstrap, topic, mechanism, user, password, ca = sys.argv[1:7]
security = dict(
    bootstrap_servers=bootstrap,
    security_protocol="SASL_SSL",
    sasl_mechanism=mechanism,
    sasl_plain_username=user,
    sasl_plain_password=password,
    ssl_cafile=ca,
    api_version_auto_timeout_ms=5000,
)
try:
    producer = KafkaProducer(acks="all", **security)
    for i in range(10):
        producer.send(topic, ("kp-%d" % i).encode())
    producer.flush(10)
    producer.close()
    consumer = KafkaConsumer(topic, auto_offset_reset="earliest", consumer_timeout_ms=2000, **security)
    values = sorted(m.value.decode() for m in consumer)
    consumer.close()
except Exception as e:  # the test reads the message
    print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
    sys.exit(1)
print(json.dumps({"values": values}))
