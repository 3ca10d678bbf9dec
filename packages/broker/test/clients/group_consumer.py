"""A consumer-group member that prints what it is assigned and what it reads, one JSON object a line.

Usage: group_consumer.py LIB BOOTSTRAP GROUP TOPIC CLIENT_ID [SESSION_TIMEOUT_MS [GROUP_INSTANCE_ID]]
LIB is "confluent" (librdkafka) or "kafka-python" (which has no static membership). Starts from the earliest offset when the group has
none committed and commits synchronously after every record, so a clean hand-over of partitions
neither repeats nor skips a record. SIGTERM closes the consumer cleanly (LeaveGroup) and exits 0.

Lines: {"event": "assigned", "partitions": [..]} · {"event": "revoked", ...} ·
       {"event": "record", "partition": p, "offset": o, "value": v} · {"event": "error", "error": s} ·
       {"event": "closed"}
"""
import json
import signal
import sys

lib, bootstrap, group, topic, client_id = sys.argv[1:6]
session_ms = int(sys.argv[6]) if len(sys.argv) > 6 else 6000
instance_id = sys.argv[7] if len(sys.argv) > 7 else None
heartbeat_ms = max(session_ms // 6, 100)
stopping = False


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def stop(_signum, _frame):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, stop)


def run_confluent():
    from confluent_kafka import Consumer, KafkaException

    config = {
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "client.id": client_id,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "session.timeout.ms": session_ms,
        "heartbeat.interval.ms": heartbeat_ms,
        "topic.metadata.refresh.interval.ms": 1000,
    }
    if instance_id:
        config["group.instance.id"] = instance_id
    consumer = Consumer(config)
    consumer.subscribe(
        [topic],
        on_assign=lambda c, ps: emit(event="assigned", partitions=sorted(p.partition for p in ps)),
        on_revoke=lambda c, ps: emit(event="revoked", partitions=sorted(p.partition for p in ps)),
    )
    while not stopping:
        m = consumer.poll(0.2)
        if m is None:
            continue
        if m.error():
            emit(event="error", error=str(m.error()))
            continue
        emit(event="record", partition=m.partition(), offset=m.offset(), value=m.value().decode())
        try:
            consumer.commit(message=m, asynchronous=False)
        except KafkaException as e:
            emit(event="error", error=str(e))
    consumer.close()


def run_kafka_python():
    from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
    from kafka.consumer.subscription_state import ConsumerRebalanceListener

    class Listener(ConsumerRebalanceListener):
        def on_partitions_assigned(self, assigned):
            emit(event="assigned", partitions=sorted(p.partition for p in assigned))

        def on_partitions_revoked(self, revoked):
            emit(event="revoked", partitions=sorted(p.partition for p in revoked))

    consumer = KafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=group,
        client_id=client_id,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        session_timeout_ms=session_ms,
        heartbeat_interval_ms=heartbeat_ms,
        metadata_max_age_ms=1000,
    )
    consumer.subscribe([topic], listener=Listener())
    while not stopping:
        batches = consumer.poll(timeout_ms=200)
        for tp, messages in batches.items():
            for m in messages:
                emit(event="record", partition=m.partition, offset=m.offset, value=m.value.decode())
                try:
                    consumer.commit({TopicPartition(m.topic, m.partition): OffsetAndMetadata(m.offset + 1, "")})
                except Exception as e:  # a rebalance between poll and commit: the next owner re-reads
                    emit(event="error", error=repr(e))
    consumer.close()


{"confluent": run_confluent, "kafka-python": run_kafka_python}[lib]()
emit(event="closed")
