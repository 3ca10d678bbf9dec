export {
  canConnect,
  carriesRecords,
  connectionProblems,
  type Connection,
  type ConnectionCheck,
  type ConnectionProblem,
  type ConnectionProblemCode,
  type WiredGraph,
  type WiredNode,
} from './can-connect.js';
export { wiredNode } from './wired-node.js';
