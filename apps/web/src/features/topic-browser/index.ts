// The topic browser: topics, their records, test records, and consumer groups with lag.
export { TopicsPage } from './TopicsPage.js';
