/**
 * `npm run preview`: serves the built site (dist/) on this machine, compressed
 * as a real host would (src/server/static-site.ts).
 * `tsx scripts/serve.ts [--port 4321] [--host 127.0.0.1] [--dir dist]`
 */
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { staticSite } from "../src/server/static-site";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4321" },
    host: { type: "string", default: "127.0.0.1" },
    dir: { type: "string", default: "dist" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  throw new Error(`--port must be a whole number from 1 to 65535, not “${values.port}”.`);

const server = createServer(staticSite(values.dir));
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === "EADDRINUSE"
      ? `Port ${port} is in use: pass another with --port.`
      : `Could not start the server: ${error.message}`,
  );
  process.exit(1);
});
server.listen(port, values.host, () => {
  console.log(`LLM Lab is served at http://${values.host}:${port}/ (from ${values.dir}/)`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
