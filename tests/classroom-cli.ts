/**
 * `npm run classroom`'s script as a child process (so a test can SIGKILL it),
 * for the unit durability test and the e2e class: it prints one JSON line
 * (`--json`) with the URL, port, code and instructor token.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface StartedCLI {
  child: ChildProcess;
  url: string;
  port: number;
  code: string;
  instructorToken: string;
  resumed: boolean;
}

export function startClassroomCLI(options: {
  port: number;
  site: string;
  db: string;
}): Promise<StartedCLI> {
  const child = spawn(
    process.execPath,
    [
      ...["--import", "tsx", "scripts/classroom.ts", "--json"],
      ...["--port", String(options.port), "--host", "127.0.0.1"],
      ...["--dir", options.site, "--db", options.db],
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      reject(new Error(`classroom exited with ${String(code)}`));
    });
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) => {
      resolve({ child, ...(JSON.parse(line) as Omit<StartedCLI, "child">) });
    });
  });
}
