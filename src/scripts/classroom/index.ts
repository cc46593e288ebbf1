/**
 * The page's side of a live class, loaded by Base.astro only when the page is
 * in one (a join or instructor fragment, or a seat kept for this tab).
 */
import { startInstructor } from "./instructor";
import { askToJoin } from "./join-form";
import { keepSeat, takeSeat } from "./session-store";
import { startStudent } from "./student";

export async function startClassroom(): Promise<void> {
  const seat = takeSeat();
  if (!seat) return;
  if (seat.role === "instructor") {
    startInstructor(seat.token);
    return;
  }
  if (seat.role === "student") {
    startStudent(seat.token);
    return;
  }
  const token = await askToJoin(seat.code);
  if (token === null) {
    keepSeat(null);
    return;
  }
  keepSeat({ role: "student", token, code: seat.code });
  startStudent(token);
}
