import { decodePassageParam } from "@/lib/questions/from-param";
import { newPassage, type FormPassage } from "./question-draft";

/**
 * The `from` parameters of the form's URL (one per passage picked in the reader) as
 * form passages, titled by the seminar's readings; and how many could not be read.
 */
export function passagesFromUrl(from: string | string[] | undefined, readings: { slug: string; title: string }[]): { picked: FormPassage[]; rejected: number } {
  const values = from === undefined ? [] : Array.isArray(from) ? from : [from];
  const titles = new Map(readings.map((r) => [r.slug, r.title]));
  const picked: FormPassage[] = [];
  let rejected = 0;
  for (const value of values.slice(0, 50)) {
    const passage = decodePassageParam(value);
    if (passage) picked.push(newPassage(passage, titles.get(passage.slug) ?? passage.slug));
    else rejected++;
  }
  return { picked, rejected };
}
