# The script: a confluent-kafka group consumer reads a 4-partition topic, the topic is
# deleted under it, and the consumer keeps polling. Prints one JSON line per event, for the test.
import json, os, sys, time
from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic

bs, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
say = lambda **e: print(json.dumps(e), flush=True)
a = AdminClient({'bootstrap.servers': bs})
a.create_topics([NewTopic(topic, 4, 1)])[topic].result(10)
p = Producer({'bootstrap.servers': bs})
for i in range(100):
    p.produce(topic, b'x%d' % i)
p.flush(10)
c = Consumer({'bootstrap.servers': bs, 'group.id': group, 'auto.offset.reset': 'earliest'})
c.subscribe([topic])
read, t = 0, time.time()
while read < 100 and time.time() - t < 20:
    m = c.poll(0.2)
    if m is not None and not m.error():
        read += 1
say(event='read', count=read)
a.delete_topics([topic])[topic].result(10)
deleted = time.time()
say(event='deleted')
while time.time() - deleted < 5:
    m = c.poll(0.2)
    if m is not None and m.error():
        say(event='error', code=m.error().name(), after=round(time.time() - deleted, 3))
        break
say(event='polled')
# No close(): librdkafka before 2.1.0 (Debian ships 2.0.2) leaks a partition reference when an
# assigned partition's topic is deleted, so close() and the destructor never return whatever the
# broker answers (librdkafka #4187, fixed in 2.1.0). Leave without running them.
os._exit(0)
