import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { lessonSchema } from "./schemas/lesson";

/** Lessons live in `content/lessons/NN-slug/index.mdx`; the id is the folder name. */
const lessons = defineCollection({
  loader: glob({
    pattern: "*/index.mdx",
    base: "./content/lessons",
    generateId: ({ entry }) => entry.replace(/\/index\.mdx$/, ""),
  }),
  schema: lessonSchema,
});

export const collections = { lessons };
