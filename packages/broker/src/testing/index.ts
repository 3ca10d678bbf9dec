// Test support shared by the workspace's integration suites: the real broker as a process, and a
// few kafkajs helpers to set up and check what the code under test did.
export { brokerMainPath, startBrokerProcess, type BoundListener, type BrokerProcess, type BrokerProcessOptions } from './broker-process.js';
export { committed, createTopic, endOffsets, produce, readTopic, testKafka, type ReadRecord } from './kafka-helpers.js';
export { makeTestCertificates, secureBrokerConfig, type TestCertificates } from './test-certificates.js';
