/** The sandbox's jobs are kept in IndexedDB by the library (src/lib/labeling/idb-jobs.ts). */
export * from "@/lib/labeling/idb-jobs";
export type { JobRecord, LocalMethod, ProviderSettings } from "@/lib/labeling/job";
