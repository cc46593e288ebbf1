import { z } from "astro/zod";

/**
 * The frontmatter of one lesson (`content/lessons/NN-slug/index.mdx`).
 * Strict: an unknown key is an error, so a typo never passes silently.
 */

/** A work the lesson cites, shown in its reading list. */
export const referenceSchema = z
  .object({
    /** Authors as they appear in a citation, e.g. "Peters, M. E., et al." */
    authors: z.string().min(1),
    /** Year of publication. */
    year: z.number().int().min(1900).max(2100),
    /** Title of the work. */
    title: z.string().min(1),
    /** Journal, conference or publisher. */
    venue: z.string().min(1).optional(),
    /** A stable link (DOI or arXiv preferred). */
    url: z.string().url().optional(),
  })
  .strict();

/** A live widget the lesson embeds (or will embed once its issue lands). */
export const widgetRefSchema = z
  .object({
    /** PascalCase folder name under `src/widgets/`. */
    name: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, "must be a PascalCase widget name"),
    /** true while the lesson shows a placeholder instead of the widget. */
    planned: z.boolean().default(false),
  })
  .strict();

export const lessonSchema = z
  .object({
    /** Page title and the name in the sidebar. */
    title: z.string().min(3).max(80),
    /** One or two sentences for the lesson card and the meta description. */
    summary: z.string().min(20).max(280),
    /** Position in the course: 1 for lesson 01. Must match the folder's NN prefix. */
    order: z.number().int().min(1).max(99),
    /** Titles of the slides in the Day 7 deck that this lesson covers. */
    slides: z.array(z.string().min(1)).min(1),
    /** What a learner can do after the lesson ("Explain why …"). */
    objectives: z.array(z.string().min(10)).min(1).max(8),
    /** Estimated minutes for a self-paced learner. */
    minutes: z.number().int().min(5).max(180),
    /** Widgets used on the page. */
    widgets: z.array(widgetRefSchema).default([]),
    /** Works cited in the lesson. */
    references: z.array(referenceSchema).default([]),
    /** Hide the lesson from the built site. */
    draft: z.boolean().default(false),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
export type LessonReference = z.infer<typeof referenceSchema>;

/** The folder name of a lesson: two digits, a hyphen, a kebab-case slug. */
export const lessonFolderPattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Checks that a lesson's folder name matches its `order`.
 * Returns a message naming the problem, or null when the pair is consistent.
 */
export function folderOrderProblem(folder: string, order: number): string | null {
  const match = lessonFolderPattern.exec(folder);
  if (!match) return `folder "${folder}" must be named NN-slug (e.g. 01-word-embeddings)`;
  if (Number(match[1]) !== order)
    return `folder "${folder}" starts with ${match[1]} but order is ${order}`;
  return null;
}
