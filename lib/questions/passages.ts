import { AppError } from "@/lib/errors";
import { validateSelectors } from "@/lib/annotations/selectors";
import { findReadings, findVersionTexts, type Db, type PassageData } from "@/lib/questions/repo";
import type { PassageInput } from "@/lib/questions/schema";

/**
 * Checks passages picked in the reader and turns them into what is stored: each names
 * a reading of the seminar (404 for an unknown reading or version, 400 for a reading
 * the seminar does not read), and its selectors must match the canonical text of the
 * version named (400 otherwise, exactly as for notes).
 */
export async function resolvePassages(db: Db, seminarId: string, passages: PassageInput[]): Promise<PassageData[]> {
  const readings = await findReadings(db, seminarId, passages.map((p) => p.slug));
  const versions = await findVersionTexts(db, passages.map((p) => p.versionId));
  const seen = new Set<string>();
  return passages.map((passage, index) => {
    const where = passages.length > 1 ? ` (passage ${index + 1})` : "";
    const reading = readings.get(passage.slug);
    if (!reading) throw new AppError("not_found", `No reading called "${passage.slug}"${where}.`);
    if (!reading.assigned) throw new AppError("bad_request", `"${reading.title}" is not one of this seminar's readings${where}.`);
    const version = versions.get(passage.versionId);
    if (!version || version.documentId !== reading.id) throw new AppError("not_found", `This reading has no such version${where}.`);
    let selectors;
    try {
      selectors = validateSelectors(version.canonicalText, passage.selectors);
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, `${error.message.replace(/\.$/, "")}${where}.`);
      throw error;
    }
    const key = `${reading.id}:${selectors[1].start}:${selectors[1].end}:${version.id}`;
    if (seen.has(key)) throw new AppError("bad_request", `The same passage is given twice${where}.`);
    seen.add(key);
    return { documentId: reading.id, versionId: version.id, selectors: JSON.stringify(selectors) };
  });
}
