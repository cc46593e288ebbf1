/**
 * The simulator's Web Worker: big grids (up to 1000 × 1000) step here so the
 * page stays responsive. Messages are { id, request }; replies { id, response }.
 */
import { Session, type Request, type Response } from "./session";

export interface WorkerMessage {
  id: number;
  request: Request;
}

export interface WorkerReply {
  id: number;
  response: Response;
}

const session = new Session();

addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
  const { id, request } = event.data;
  let response: Response;
  try {
    response = session.handle(request);
  } catch (error) {
    response = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const reply: WorkerReply = { id, response };
  const transfer = response.ok
    ? [
        response.snapshot.cells.buffer,
        ...(response.snapshot.unhappy ? [response.snapshot.unhappy.buffer] : []),
      ]
    : [];
  postMessage(reply, { transfer });
});
