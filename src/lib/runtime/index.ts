export { DECODED_LENGTH_HEADER, readWithProgress, type ReadProgress } from "./read-with-progress";
export {
  configureHubEnv,
  configureTransformersEnv,
  DEFAULT_REMOTE_HOST,
  type ModelCache,
  type TransformersEnv,
  type TransformersEnvOptions,
} from "./transformers-env";
export type { IDBDatabase, IDBFactory, IDBRequest, IDBTransaction } from "./indexeddb";
