import { getCollection, type CollectionEntry } from "astro:content";
import { folderOrderProblem } from "./schemas/lesson";

export type Lesson = CollectionEntry<"lessons">;

/** Every published lesson in course order; fails the build on a folder/order mismatch. */
export async function getLessons(): Promise<Lesson[]> {
  const lessons = (await getCollection("lessons")).filter((lesson) => !lesson.data.draft);
  for (const lesson of lessons) {
    const problem = folderOrderProblem(lesson.id, lesson.data.order);
    if (problem) throw new Error(`content/lessons/${lesson.id}/index.mdx → order: ${problem}`);
  }
  lessons.sort((a, b) => a.data.order - b.data.order);
  const seen = new Map<number, string>();
  for (const lesson of lessons) {
    const other = seen.get(lesson.data.order);
    if (other)
      throw new Error(
        `content/lessons/${lesson.id}/index.mdx → order: ${lesson.data.order} is also used by ${other}`,
      );
    seen.set(lesson.data.order, lesson.id);
  }
  return lessons;
}

/** The URL of a lesson page. */
export function lessonHref(lesson: Lesson): string {
  return `/lessons/${lesson.id}/`;
}

/** "01" for order 1. */
export function lessonNumber(lesson: Lesson): string {
  return String(lesson.data.order).padStart(2, "0");
}
