/**
 * The widget's model calls: input checks, then the page's shared encoder
 * worker for the chosen model (src/scripts/encoder-workers.ts).
 */
import type { Encoding, EncoderInfo } from "@/lib/encoder/index";
import { isOwnModel } from "@/lib/lm/index";
import { hubIdProblem, loadModel, OFFLINE_MODEL } from "@/scripts/encoder-workers";

export { OFFLINE_MODEL };

/** Longer input is refused before it reaches the model (a pasted page, not a sentence). */
export const MAX_CHARS = 2000;
/** The views stay readable (and quick) up to this many tokens. */
export const MAX_TOKENS = 80;

export interface Encoded {
  encoding: Encoding;
  info: EncoderInfo;
  ms: number;
}

/** Checks the input, loads the model (once) and encodes `text`; throws a message for the learner. */
export async function encodeSentence(
  model: string,
  text: string,
  onProgress: (label: string, fraction?: number) => void,
): Promise<Encoded> {
  if (!text.trim()) throw new Error("Type a sentence to see its attention.");
  if (text.length > MAX_CHARS)
    throw new Error(
      `That is ${text.length.toLocaleString("en")} characters: paste a sentence or two (at most ${MAX_CHARS.toLocaleString("en")} characters).`,
    );
  const offline = model === OFFLINE_MODEL || isOwnModel(model);
  if (!offline) {
    const problem = hubIdProblem(model);
    if (problem) throw new Error(problem);
  }
  onProgress(
    offline ? "Loading the offline model…" : `Downloading ${model} from the Hugging Face hub…`,
  );
  const loaded = await loadModel(model, (p) => {
    onProgress(`Loading the model: ${p.file || "files"}…`, p.fraction ?? undefined);
  });
  onProgress("Computing attention…");
  const { encodings, ms } = await loaded.client.encode([text]);
  const encoding = encodings[0];
  if (!encoding?.attentions[0]) throw new Error(`${loaded.info.name} returned no attention.`);
  if (encoding.tokens.length > MAX_TOKENS)
    throw new Error(
      `This text has ${encoding.tokens.length} tokens; the views show at most ${MAX_TOKENS}. Shorten it to a sentence or two.`,
    );
  return { encoding, info: loaded.info, ms };
}
