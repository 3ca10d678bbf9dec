"""confluent-kafka (librdkafka) transactional and idempotent clients for the broker's tests.

Usage: confluent_txn.py MODE BOOTSTRAP ARGS...
  commit-abort TOPIC          three transactions (commit, abort, commit), then reads both isolation levels
  fence TOPIC                 a second producer with the same transactional id fences the first
  timeout TOPIC               a transaction left open past transaction.timeout.ms is aborted
  ctp IN OUT GROUP IDLE_S     consume-transform-produce with send_offsets_to_transaction until the
                              input stays idle for IDLE_S seconds (prints progress; kill -9 and rerun)
  idempotent TOPIC COUNT      an idempotent producer; prints each acknowledged value on its own line
  read TOPIC ISOLATION        every value in the topic at read_committed / read_uncommitted
Prints JSON on its last line.
"""
import json
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition, OFFSET_BEGINNING

mode, bootstrap = sys.argv[1], sys.argv[2]
args = sys.argv[3:]


def read_all(topic, isolation, expect_idle=3.0):
    c = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "reader-unused",
        "enable.auto.commit": False,
        "isolation.level": isolation,
    })
    md = c.list_topics(topic, timeout=10)
    parts = sorted(md.topics[topic].partitions.keys())
    c.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in parts])
    values = []
    last = time.time()
    while time.time() - last < expect_idle:
        m = c.poll(0.2)
        if m is None or m.error():
            continue
        values.append(m.value().decode())
        last = time.time()
    c.close()
    return values


def txn_producer(txn_id, **extra):
    conf = {"bootstrap.servers": bootstrap, "transactional.id": txn_id, "linger.ms": 5}
    conf.update(extra)
    p = Producer(conf)
    p.init_transactions(10)
    return p


def error_name(e):
    err = e.args[0]
    return {"name": err.name(), "fatal": err.fatal(), "abortable": err.txn_requires_abort(), "retriable": err.retriable()}


if mode == "commit-abort":
    topic = args[0]
    p = txn_producer("ca-" + topic)
    for label, commit in (("c1", True), ("a1", False), ("c2", True)):
        p.begin_transaction()
        for i in range(10):
            p.produce(topic, key=str(i).encode(), value=("%s-%d" % (label, i)).encode())
        p.flush(10)
        if commit:
            p.commit_transaction(10)
        else:
            p.abort_transaction(10)
    print(json.dumps({"committed": read_all(topic, "read_committed"), "uncommitted": read_all(topic, "read_uncommitted")}))

elif mode == "fence":
    topic = args[0]
    a = txn_producer("fence-" + topic)
    a.begin_transaction()
    a.produce(topic, value=b"zombie")
    a.flush(10)
    b = txn_producer("fence-" + topic)  # fences a, aborting its open transaction
    b.begin_transaction()
    b.produce(topic, value=b"successor")
    b.flush(10)
    b.commit_transaction(10)
    outcome = None
    try:
        a.produce(topic, value=b"zombie-2")
        a.flush(5)
        a.commit_transaction(10)
        outcome = {"name": "committed"}
    except KafkaException as e:
        outcome = error_name(e)
    print(json.dumps({"zombie": outcome, "committed": read_all(topic, "read_committed")}))

elif mode == "timeout":
    topic = args[0]
    p = txn_producer("timeout-" + topic, **{"transaction.timeout.ms": 2000})
    p.begin_transaction()
    p.produce(topic, value=b"hung")
    p.flush(10)
    time.sleep(4)
    outcome = None
    try:
        p.commit_transaction(10)
        outcome = {"name": "committed"}
    except KafkaException as e:
        outcome = error_name(e)
    if outcome.get("abortable"):
        # Recover as an application would: abort (an epoch bump, KIP-360), then carry on.
        p.abort_transaction(10)
        p.begin_transaction()
        p.produce(topic, value=b"recovered")
        p.commit_transaction(10)
    # A later transaction from a new producer must be readable: the hung one no longer holds the LSO.
    q = txn_producer("after-" + topic)
    q.begin_transaction()
    q.produce(topic, value=b"after")
    q.flush(10)
    q.commit_transaction(10)
    print(json.dumps({"hung": outcome, "committed": read_all(topic, "read_committed")}))

elif mode == "ctp":
    src, dst, group, idle_s = args[0], args[1], args[2], float(args[3])
    c = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": group,
        # Static membership: a restarted worker takes over its partitions without waiting for the
        # killed one's session to time out.
        "group.instance.id": "worker-" + group,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "isolation.level": "read_committed",
    })
    c.subscribe([src])
    p = txn_producer("ctp-" + group)
    done = 0
    idle_since = time.time()
    while True:
        msgs = c.consume(50, 0.5)
        msgs = [m for m in msgs if not m.error()]
        if not msgs:
            if time.time() - idle_since > idle_s:
                break
            continue
        idle_since = time.time()
        p.begin_transaction()
        for m in msgs:
            p.produce(dst, key=m.key(), value=b"out-" + m.value())
        p.flush(10)
        print("open after %d" % done, flush=True)  # written, not yet committed: where a kill hurts most
        p.send_offsets_to_transaction(c.position(c.assignment()), c.consumer_group_metadata(), 10)
        p.commit_transaction(10)
        done += len(msgs)
        print("committed %d" % done, flush=True)
    c.close()
    print(json.dumps({"processed": done}))

elif mode == "idempotent":
    topic, count = args[0], int(args[1])
    acked = []
    errors = []

    def on_delivery(err, msg):
        if err is None:
            print("ack " + msg.value().decode(), flush=True)
        else:
            errors.append(str(err))

    p = Producer({
        "bootstrap.servers": bootstrap,
        "enable.idempotence": True,
        "linger.ms": 2,
        "message.timeout.ms": 60000,
        "reconnect.backoff.ms": 50,
        "reconnect.backoff.max.ms": 200,
    })
    for i in range(count):
        p.produce(topic, key=str(i % 7).encode(), value=("v-%d" % i).encode(), on_delivery=on_delivery)
        p.poll(0)
        if i % 50 == 0:
            time.sleep(0.01)
    p.flush(60)
    print(json.dumps({"errors": errors}))

elif mode == "read":
    topic, isolation = args[0], args[1]
    print(json.dumps({"values": read_all(topic, isolation)}))

else:
    sys.exit("unknown mode " + mode)
