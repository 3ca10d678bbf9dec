export { TopologyTestDriver, type ReadOptions, type TestDriverOptions, type TestInput, type TestOutput } from './topology-test-driver.js';
