export {
  createRpc,
  type ProgressOf,
  type ReplyOf,
  type Rpc,
  type Unsent,
  type WorkerLike,
} from "./client";
