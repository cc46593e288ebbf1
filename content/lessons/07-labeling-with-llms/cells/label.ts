// Label five texts locally: each text gets the label whose description its
// sentence embedding is closest to (the offline encoder; no API key needed).
import { cosine, loadLocalEncoder } from "lab";

const texts = [
  "Congratulations! You have won a free cruise, click here to claim your prize now",
  "Can we move tomorrow's meeting to 3 pm? I have a clash.",
  "Cheap meds online, no prescription needed, limited offer",
  "Here are the minutes from Tuesday's seminar, comments welcome",
  "Your account is suspended, verify your password at this link",
];
const labels = {
  spam: "an unsolicited advertisement, scam or phishing message",
  ham: "a personal or work message between colleagues or friends",
};

const encoder = await loadLocalEncoder();
const vector = (e: { sentenceEmbedding: Float32Array | null }): Float32Array =>
  e.sentenceEmbedding ?? new Float32Array(512);
const names = Object.keys(labels) as (keyof typeof labels)[];
const described = await encoder.encode(names.map((n) => labels[n]));
const encoded = await encoder.encode(texts);

export default encoded.map((e, i) => {
  const scores = described.map((d) => cosine(vector(e), vector(d)));
  const best = scores.indexOf(Math.max(...scores));
  return { text: texts[i], label: names[best], spam: scores[0], ham: scores[1] };
});
