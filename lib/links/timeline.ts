/**
 * Narrative time: the day a passage is telling of. A narrative names a date and then
 * goes on about that day for a few sentences ("On September 27, MacArthur received the
 * directive … It stated …"), so each sentence is given the last full date written at or
 * before it, for up to CARRY sentences. A date written without a year takes the last
 * year the text gave; before any year is known it is left out. Two accounts of one
 * event are usually told of the same days, which says more than their wording can when
 * they share little of it.
 */
import type { AnalyzedDoc } from "./analyze";
import { formatDate } from "./entities";

/** A day as a number (for distances in days) and as it is shown. */
export type NarrativeDay = { day: number; label: string };

/** Sentences a date is carried over after the one that gives it. */
const CARRY = 6;

/** Days of a calendar close enough for distances between events of one story. */
const dayNumber = (year: number, month: number, day: number) => year * 372 + (month - 1) * 31 + day;

/** The day each sentence of `doc` is telling of, or undefined. */
export function narrativeDays(doc: AnalyzedDoc): (NarrativeDay | undefined)[] {
  let year: number | undefined;
  let current: NarrativeDay | undefined;
  let since = 0;
  return doc.sentences.map((s) => {
    let dated = false;
    for (const d of s.dates) {
      if (d.year !== undefined) year = d.year;
      if (d.day === undefined || year === undefined) continue;
      current = { day: dayNumber(year, d.month, d.day), label: formatDate(d.month, d.day, year) };
      dated = true;
    }
    since = dated ? 0 : since + 1;
    if (since > CARRY) current = undefined;
    return s.kind === "body" ? current : undefined;
  });
}

/** Days apart within which two passages count as told of the same days. */
export const SAME_DAYS = 15;

/** How strongly two passages' days agree: 1 on the same day, falling by e every SAME_DAYS days. */
export const dayAgreement = (a: NarrativeDay, b: NarrativeDay): number => Math.exp(-Math.abs(a.day - b.day) / SAME_DAYS);
