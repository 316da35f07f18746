// What the link pages load, on a real database: the compare view (orientation,
// Previous / Next in document order, making mode from an encoded passage) and the
// reader's loader (ends with spans here, suggestions for instructors only).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCompare } from "@/app/compare/load-compare";
import { loadLinksForReader } from "@/app/read/[slug]/links/load-links";
import { getReading } from "@/lib/documents/service";
import { encodePassageParam } from "@/lib/links/passage-param";
import { createLink } from "@/lib/links/service";
import { dismissSuggestion, listPendingSuggestions } from "@/lib/links/decisions";
import { selectorsFor } from "@/lib/annotations/selectors";
import { createLinkWorld, endFor, linkInput, READING_TEXT, storeTestSuggestions, type LinkWorld } from "./links-support";

let world: LinkWorld;
const ids: Record<string, string> = {};
beforeAll(async () => {
  world = await createLinkWorld();
  const make = async (name: string, first: string, second: string, extra: object = {}, who: "author" | "otherStudent" = "author") => {
    ids[name] = (await createLink(world.db, world.actors[who], world.seminarId, { ...linkInput(world), a: endFor(world, "first", first), b: endFor(world, "second", second), ...extra })).id;
  };
  await make("late", "the decision to cross", "Korea");
  await make("early", "thirty-eighth parallel", "weighed the risks");
  // Made from the other reading: b is in the first one.
  ids.middle = (await createLink(world.db, world.actors.author, world.seminarId, { ...linkInput(world), a: endFor(world, "second", "Stalin"), b: endFor(world, "first", "Seoul had fallen") })).id;
  await make("private", "Inchon", "Mao", { visibility: "private" }, "otherStudent");
  ids.within = (await createLink(world.db, world.actors.author, world.seminarId, { ...linkInput(world, { relation: "elaborates" }), b: endFor(world, "first", "Inchon") })).id;
});
afterAll(async () => {
  await world.close();
});

describe("the compare view's data", () => {
  it("orients the link with `left`, and orders Previous / Next by the left passages, leaving out what the viewer may not see", async () => {
    const data = await loadCompare(world.db, world.actors.author, { link: ids.middle, left: world.slug });
    if (data.mode !== "view") throw new Error(data.mode);
    expect([data.left.slug, data.right.slug]).toEqual([world.slug, world.secondSlug]);
    expect([data.leftEnd.quote, data.rightEnd.quote]).toEqual(["Seoul had fallen", "Stalin"]);
    expect(data.position).toEqual({ index: 1, count: 3 });
    expect(data.previousHref).toBe(`/compare?seminar=${world.seminarId}&link=${ids.early}&left=${world.slug}`);
    expect(data.nextHref).toBe(`/compare?seminar=${world.seminarId}&link=${ids.late}&left=${world.slug}`);
    expect(data.siblings.map((s) => s.id).sort()).toEqual([ids.early, ids.late].sort());
    expect(data.backHref).toBe(`/read/${world.slug}?seminar=${world.seminarId}&quote=Seoul+had+fallen`);
    expect(data.seminar).toMatchObject({ id: world.seminarId, role: "student" });
  });

  it("without `left`, shows end a on the left; a link within one reading shows it twice", async () => {
    const data = await loadCompare(world.db, world.actors.author, { link: ids.middle });
    expect(data.mode === "view" && [data.left.slug, data.right.slug]).toEqual([world.secondSlug, world.slug]);
    const within = await loadCompare(world.db, world.actors.author, { link: ids.within });
    expect(within.mode === "view" && [within.left.slug, within.right.slug, within.position.count]).toEqual([world.slug, world.slug, 1]);
  });

  it("answers not_found for a link the viewer may not see", async () => {
    await expect(loadCompare(world.db, world.actors.author, { link: ids.private })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadCompare(world.db, world.actors.otherInstructor, { link: ids.early })).rejects.toMatchObject({ code: "not_found" });
  });

  it("making mode: decodes the passage, finds it in the reading, offers the seminar's readings", async () => {
    const start = READING_TEXT.indexOf("Inchon");
    const from = encodePassageParam({ versionId: world.versionId, selectors: selectorsFor(READING_TEXT, start, start + 6) });
    const data = await loadCompare(world.db, world.actors.author, { seminar: world.seminarId, left: world.slug, right: world.secondSlug, from });
    if (data.mode !== "make") throw new Error(data.mode);
    expect(data.fromSpan).toEqual({ start, end: start + 6 });
    expect(data.fromQuote).toBe("Inchon");
    expect(data.right?.slug).toBe(world.secondSlug);
    expect(data.readings.map((r) => r.slug)).toEqual([world.slug, world.secondSlug]);
    const noRight = await loadCompare(world.db, world.actors.author, { seminar: world.seminarId, left: world.slug, from });
    expect(noRight.mode === "make" && noRight.right).toBeNull();
  });

  it("making mode: a bad passage is explained, not thrown", async () => {
    const base = { seminar: world.seminarId, left: world.slug, right: world.secondSlug };
    const wrongQuote = encodePassageParam({ versionId: world.versionId, selectors: [{ type: "TextQuoteSelector", exact: "nope" }, { type: "TextPositionSelector", start: 0, end: 4 }] });
    const otherVersion = encodePassageParam({ versionId: world.secondVersionId, selectors: selectorsFor(READING_TEXT, 0, 2) });
    for (const from of ["not-base64!", wrongQuote, otherVersion, ""]) {
      const data = await loadCompare(world.db, world.actors.author, { ...base, from });
      expect(data.mode).toBe("problem");
    }
    await expect(loadCompare(world.db, world.actors.nonMember, { ...base, from: wrongQuote })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the compare view of a suggestion", () => {
  it("shows an instructor both passages, oriented by `left`, with why it was suggested", async () => {
    await storeTestSuggestions(world);
    const [pending] = (await listPendingSuggestions(world.db, world.actors.instructor, world.seminarId)).suggestions;
    const other = pending.ends.find((e) => e.readingSlug !== pending.ends[0].readingSlug)!;
    const data = await loadCompare(world.db, world.actors.instructor, { seminar: world.seminarId, suggestion: pending.id, left: other.readingSlug });
    if (data.mode !== "suggestion") throw new Error(data.mode);
    expect(data.left.slug).toBe(other.readingSlug);
    expect(data.leftEnd.quote).toBe(other.quote);
    expect(data.suggestion.why).toEqual(pending.why);
    for (const [paneData, spanData, end] of [[data.left, data.leftSpan, data.leftEnd], [data.right, data.rightSpan, data.rightEnd]] as const) {
      const reading = await getReading(paneData.slug, world.db);
      expect(reading.text.slice(spanData!.start, spanData!.end)).toBe(end.quote);
    }
    expect(data.backHref).toContain(`/read/${other.readingSlug}?seminar=${world.seminarId}&quote=`);
    const plain = await loadCompare(world.db, world.actors.instructor, { seminar: world.seminarId, suggestion: pending.id });
    expect(plain.mode === "suggestion" && plain.left.slug).toBe(pending.ends[0].readingSlug);
  });

  it("steps through the pending suggestions between the same readings, best first", async () => {
    const all = (await listPendingSuggestions(world.db, world.actors.instructor, world.seminarId)).suggestions;
    expect(all.length).toBeGreaterThan(2);
    const href = (id: string) => `/compare?seminar=${world.seminarId}&suggestion=${id}&left=${world.slug}`;
    const load = async (id: string) => {
      const data = await loadCompare(world.db, world.actors.instructor, { seminar: world.seminarId, suggestion: id, left: world.slug });
      if (data.mode !== "suggestion") throw new Error(data.mode);
      return data;
    };
    const first = await load(all[0].id);
    expect(first.position).toEqual({ index: 0, count: all.length });
    expect([first.previousHref, first.nextHref]).toEqual([null, href(all[1].id)]);
    const second = await load(all[1].id);
    expect([second.previousHref, second.nextHref]).toEqual([href(all[0].id), href(all[2].id)]);
    // Once decided, a suggestion is no longer among them; its page offers the first still waiting.
    await dismissSuggestion(world.db, world.actors.instructor, world.seminarId, all[1].id);
    const decided = await load(all[1].id);
    expect(decided.position).toEqual({ index: -1, count: all.length - 1 });
    expect(decided.nextHref).toBe(href(all[0].id));
  });

  it("tells a student that only instructors see it, and answers not_found to anyone outside the seminar", async () => {
    const [pending] = (await listPendingSuggestions(world.db, world.actors.instructor, world.seminarId)).suggestions;
    const params = { seminar: world.seminarId, suggestion: pending.id };
    const student = await loadCompare(world.db, world.actors.author, params);
    expect(student).toMatchObject({ mode: "problem", message: expect.stringContaining("Only the seminar's instructors") });
    expect(JSON.stringify(student)).not.toContain(pending.ends[0].quote);
    await expect(loadCompare(world.db, world.actors.nonMember, params)).rejects.toMatchObject({ code: "not_found" });
    await expect(loadCompare(world.db, world.actors.otherInstructor, params)).rejects.toMatchObject({ code: "not_found" });
    await expect(loadCompare(world.db, world.actors.instructor, { ...params, suggestion: "no-such-suggestion" })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("loadLinksForReader", () => {
  it("gives each end in the reading its span, the other end, and the compare address; suggestions only to instructors", async () => {
    const reading = await getReading(world.slug, world.db);
    const mine = await loadLinksForReader(world.db, world.actors.author, world.slug, world.seminarId, reading);
    expect(mine.suggestions).toBeNull();
    expect(mine.ends.map((e) => e.here.quote)).toEqual(["thirty-eighth parallel", "Seoul had fallen", "Seoul had fallen", "Inchon", "the decision to cross"]);
    for (const end of mine.ends) expect(READING_TEXT.slice(end.span!.start, end.span!.end)).toBe(end.here.quote);
    const within = mine.ends.filter((e) => e.linkId === ids.within);
    expect(within.map((e) => [e.side, e.other.quote])).toEqual([
      ["a", "Inchon"],
      ["b", "Seoul had fallen"],
    ]);
    expect(mine.ends.find((e) => e.linkId === ids.middle)).toMatchObject({ side: "b", other: { quote: "Stalin" }, href: `/compare?seminar=${world.seminarId}&link=${ids.middle}&left=${world.slug}` });

    await storeTestSuggestions(world);
    const instructor = await loadLinksForReader(world.db, world.actors.instructor, world.slug, world.seminarId, reading);
    expect(instructor.suggestions!.length).toBeGreaterThan(0);
    for (const s of instructor.suggestions!) expect(READING_TEXT.slice(s.span!.start, s.span!.end)).toBe(s.here.quote);
    expect(instructor.mapHref).toBe(`/seminars/${world.seminarId}/map`);
  });
});
