/**
 * `npm run classroom`: serves the built site (dist/) and the classroom
 * session server on the local network, and prints the join URL (with a QR
 * code), the short code, and the instructor's URL with its token. A restart on
 * the same database resumes the session that was running (same code, same
 * tokens, every acknowledged answer); `--new` starts another.
 *
 * `tsx scripts/classroom.ts [--port 4322] [--host 0.0.0.0] [--dir dist]
 *   [--db .classroom/classroom.db] [--hours 8] [--new] [--json]`
 * `--json` prints one JSON line (url, port, code, instructorToken) for scripts.
 */
import { existsSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderUnicodeCompact } from "uqr";
import { resumeOrCreateSession } from "../src/server/classroom/session";
import { startClassroomServer } from "../src/server/classroom/server";
import { ClassroomStore } from "../src/server/classroom/store";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4322" },
    host: { type: "string", default: "0.0.0.0" },
    dir: { type: "string", default: "dist" },
    db: { type: "string", default: ".classroom/classroom.db" },
    hours: { type: "string", default: "8" },
    new: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be a whole number from 0 to 65535, not “${values.port}”.`);
const hours = Number(values.hours);
if (!(hours > 0 && hours <= 72))
  fail(`--hours must be a number of hours up to 72, not “${values.hours}”.`);
if (!existsSync(join(values.dir, "index.html")))
  fail(
    `${values.dir}/ holds no built site (index.html): run \`npm run build\` first, then \`npm run classroom\`.`,
  );

/** The addresses students can reach: this machine's IPv4 addresses on the network. */
function lanHosts(host: string): string[] {
  if (host !== "0.0.0.0" && host !== "::") return [host];
  const found = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === "IPv4" && !a.internal)
    .map((a) => a.address);
  return found.length > 0 ? found : ["127.0.0.1"];
}

const store = new ClassroomStore(values.db);
const { session, resumed } = resumeOrCreateSession(store, {
  ttlMs: hours * 3600_000,
  fresh: values.new,
});
const server = await startClassroomServer({
  store,
  siteDir: values.dir,
  host: values.host,
  port,
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return fail(
    code === "EADDRINUSE"
      ? `Port ${port} is in use: pass another with --port.`
      : `Could not start the classroom server: ${String(error)}`,
  );
});

const bases = lanHosts(values.host).map((h) => `http://${h}:${server.port}`);
// The code and the token travel in the URL fragment, which browsers never send to a server.
const joinURL = (base: string) => `${base}/#join=${session.code}`;
if (values.json)
  console.log(
    JSON.stringify({
      url: server.url,
      port: server.port,
      code: session.code,
      instructorToken: session.instructorToken,
      resumed,
    }),
  );
else {
  const first = bases[0] as string;
  console.log(renderUnicodeCompact(joinURL(first), { border: 2 }));
  console.log(`LLM Lab classroom ${resumed ? "resumed" : "started"}: code ${session.code}`);
  for (const base of bases) console.log(`  Students join at  ${joinURL(base)}`);
  console.log(`  Instructor (keep it private): ${first}/#instructor=${session.instructorToken}`);
  console.log(
    `  Ends ${new Date(session.expiresAt).toLocaleString()}; answers are kept in ${values.db}. Ctrl-C stops.`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    void server.close().then(() => {
      store.close();
      process.exit(0);
    });
  });
