"""confluent-kafka (librdkafka) producer rates for `pnpm bench:broker`.

Usage: confluent_txn_bench.py BOOTSTRAP TOPIC MODE RECORDS [TXN_SIZE]
  MODE plain | idempotent | transactional (transactions of TXN_SIZE records)
Prints one JSON object: {"seconds": s, "commitMs": [per-transaction commit latencies]}.
"""
import json
import sys
import time

from confluent_kafka import Producer

bootstrap, topic, mode, records = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
txn_size = int(sys.argv[5]) if len(sys.argv) > 5 else records
value = b"x" * 100
conf = {"bootstrap.servers": bootstrap, "linger.ms": 5, "queue.buffering.max.messages": 1000000, "acks": "all"}
if mode == "idempotent":
    conf["enable.idempotence"] = True
if mode == "transactional":
    conf["transactional.id"] = "bench-%s-%d" % (topic, time.time_ns())

p = Producer(conf)
commit_ms = []
if mode == "transactional":
    p.init_transactions(30)
start = time.perf_counter()
sent = 0
while sent < records:
    n = min(txn_size, records - sent)
    if mode == "transactional":
        p.begin_transaction()
    for _ in range(n):
        while True:
            try:
                p.produce(topic, value=value)
                break
            except BufferError:
                p.poll(0.001)
    sent += n
    if mode == "transactional":
        t0 = time.perf_counter()
        p.commit_transaction(30)  # flushes the transaction's records, then EndTxn
        commit_ms.append((time.perf_counter() - t0) * 1000)
p.flush(60)
print(json.dumps({"seconds": time.perf_counter() - start, "commitMs": commit_ms}))
