/** One asset build step: makes files under public/generated/ from npm packages. */
export interface AssetStep {
  /** Short name for logs, e.g. "encoder". */
  name: string;
  /** Files the step writes (paths from the project root). */
  outputs: readonly string[];
  /**
   * Files whose change makes the outputs stale (paths from the project root):
   * the step's own script, the package.json of each package it reads, …
   */
  inputs: readonly string[];
  build(): Promise<void>;
}
