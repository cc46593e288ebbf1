export {
  createRpc,
  type ProgressOf,
  type ReplyOf,
  type Rpc,
  type Unsent,
  type WorkerLike,
} from "./client";
export { workerScope, type MessageLike, type WorkerScope } from "./worker-scope";
