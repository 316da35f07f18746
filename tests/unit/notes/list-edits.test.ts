import { describe, expect, it } from "vitest";
import { asDeletedNote, dropNote, fillCards, isComplete, noteOfReply, putNote, putReply, withoutReply, type NoteEntry } from "@/app/read/[slug]/notes/list-edits";
import type { ReplyView } from "@/lib/annotations/schema";
import { makeNote, makeReply, makeSummary } from "./make-note";

const shape = (nodes: ReplyView[]): unknown[] => nodes.map((n) => (n.children.length ? [n.id, shape(n.children)] : n.id));

describe("putNote and dropNote", () => {
  const notes = [makeNote("a", 1), makeNote("b", 2)];
  it("replaces a note in place", () => {
    const edited = makeNote("a", 1, { revision: 2 });
    expect(putNote(notes, edited).map((n) => [n.id, n.revision])).toEqual([["a", 2], ["b", 1]]);
  });
  it("adds a new note at the end", () => expect(putNote(notes, makeNote("c", 0)).map((n) => n.id)).toEqual(["a", "b", "c"]));
  it("drops by id, leaving its input alone", () => {
    expect(dropNote(notes, "a").map((n) => n.id)).toEqual(["b"]);
    expect(notes).toHaveLength(2);
  });
});

describe("putReply", () => {
  const note = makeNote("n", 1, { replies: [makeReply("r1", null, [makeReply("r1a", "r1")]), makeReply("r2", null)], replyCount: 3 });

  it("appends a reply to the note", () => {
    const next = putReply(note, makeReply("r3", null));
    expect(shape(next.replies)).toEqual([["r1", ["r1a"]], "r2", "r3"]);
    expect(next.replyCount).toBe(4);
  });
  it("appends a reply under its parent, however deep", () => {
    const next = putReply(note, makeReply("deep", "r1a"));
    expect(shape(next.replies)).toEqual([["r1", [["r1a", ["deep"]]]], "r2"]);
  });
  it("hangs a reply whose parent is unknown from the note", () => {
    expect(shape(putReply(note, makeReply("orphan", "nope")).replies)).toEqual([["r1", ["r1a"]], "r2", "orphan"]);
  });
  it("replaces an edited reply in place, keeping its children (the answer carries none)", () => {
    const next = putReply(note, makeReply("r1", null, [], { revision: 2, hidden: true }));
    expect(shape(next.replies)).toEqual([["r1", ["r1a"]], "r2"]);
    expect(next.replies[0]).toMatchObject({ revision: 2, hidden: true });
    expect(next.replyCount).toBe(3);
  });
  it("finds the note holding a reply", () => {
    expect(noteOfReply([makeNote("x", 1), note], "r1a")?.id).toBe("n");
    expect(noteOfReply([note], "missing")).toBeUndefined();
  });
});

describe("after a delete", () => {
  const note = makeNote("n", 1, { replies: [makeReply("r1", null, [makeReply("r1a", "r1")]), makeReply("r2", null)], replyCount: 3 });

  it("removes a reply the server removed", () => {
    const next = withoutReply(note, "r2", "deleted");
    expect(shape(next.replies)).toEqual([["r1", ["r1a"]]]);
    expect(next.replyCount).toBe(2);
  });
  it("keeps a placeholder, without author or body, where replies hang below", () => {
    const next = withoutReply(note, "r1", "placeholder");
    expect(shape(next.replies)).toEqual([["r1", ["r1a"]], "r2"]);
    expect(next.replies[0]).toMatchObject({ placeholder: "deleted", author: null, body: null, permissions: { edit: false, delete: false, hide: false, reply: false } });
    expect(next.replyCount).toBe(2);
  });
  it("turns a deleted note with replies into a placeholder keeping its thread", () => {
    const gone = asDeletedNote(note);
    expect(gone).toMatchObject({ deleted: true, body: null, author: null, tags: [] });
    expect(gone.permissions).toEqual({ edit: false, delete: false, hide: false, reply: false });
    expect(gone.replies).toBe(note.replies);
  });
});

describe("fillCards", () => {
  const notes: NoteEntry[] = [makeSummary(makeNote("a", 1)), makeSummary(makeNote("b", 2)), makeNote("c", 3)];

  it("tells a summary from a complete note", () => {
    expect(notes.map(isComplete)).toEqual([false, false, true]);
  });
  it("puts the fetched cards in place of the summaries", () => {
    const next = fillCards(notes, ["a"], [makeNote("a", 1)]);
    expect(next.map((n) => [n.id, isComplete(n)])).toEqual([["a", true], ["b", false], ["c", true]]);
    expect(next[0]).toEqual(makeNote("a", 1));
  });
  it("keeps a complete note that arrived meanwhile", () => {
    const live = makeNote("a", 1, { revision: 3 });
    expect(fillCards([live, notes[1]], ["a"], [makeNote("a", 1)])[0]).toBe(live);
  });
  it("drops a note asked for and not sent back: the reader may no longer see it", () => {
    expect(fillCards(notes, ["a", "b"], [makeNote("a", 1)]).map((n) => n.id)).toEqual(["a", "c"]);
  });
  it("answers the same list when nothing changed", () => {
    expect(fillCards(notes, ["x"], [])).toBe(notes);
  });
  it("turns a deleted summary into a placeholder that is still a summary", () => {
    const gone = asDeletedNote(notes[0]);
    expect(isComplete(gone)).toBe(false);
    expect(gone).toMatchObject({ deleted: true, excerpt: null, author: null, tags: [] });
  });
});
