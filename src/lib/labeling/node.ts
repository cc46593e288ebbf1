/** The labeling library's Node entry point: JSONL stores, the offline encoder from disk, the bundled sets labelled as the sandbox does. */
export { jsonlCache, jsonlJobStore, jsonlStore } from "./node-store";
export { NODE_MODELS_DIR, nodeEmbedder } from "./node-encoder";
export {
  bundledCliArgs,
  bundledFile,
  bundledTask,
  labelBundledLocally,
  readBundled,
  SANDBOX_TEMPLATE,
  type BundledRun,
  type BundledSettings,
} from "./node-bundled";
