// Known XSS payloads, saved as note and reply bodies through the route handlers:
// the stored HTML must come out inert (no script, event handler, javascript: or
// data: URL, style, frame, form or foreign element), keeping the harmless text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as notesRoute from "@/app/api/readings/[slug]/notes/route";
import * as repliesRoute from "@/app/api/notes/[id]/replies/route";
import { call, createWorld, targetFor, type World } from "./annotations-support";
import { xssPayloads as payloads } from "../fixtures/xss-payloads";

let world: World;
let noteId: string;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});


/** What must never be in stored HTML. */
const forbidden: [string, RegExp][] = [
  ["script element", /<\s*script/i],
  ["event handler attribute", /<[^>]+\son[a-z]+\s*=/i],
  ["javascript: URL", /javascript:/i],
  ["vbscript: URL", /vbscript:/i],
  ["data: URL", /data:/i],
  ["style", /<\s*style|style\s*=/i],
  ["foreign or embedding element", /<\s*(svg|math|iframe|object|embed|img|link|meta|base|form|input|button|video|source|details|template|marquee|xmp|noscript|isindex|body)\b/i],
  ["protocol-relative URL", /href="\/\//i],
  ["target attribute", /target\s*=/i],
];

function expectInert(html: string) {
  for (const [what, pattern] of forbidden) expect(html, `${what} in ${html}`).not.toMatch(pattern);
  // Only allow-listed tags, and on <a> only href + rel.
  for (const tag of html.match(/<\/?([a-z0-9]+)/gi) ?? []) expect(tag.replace(/[</]/g, "")).toMatch(/^(p|br|strong|em|a|ul|ol|li|blockquote)$/);
  for (const a of html.match(/<a\b[^>]*>/g) ?? []) expect(a).toMatch(/^<a href="(https:\/\/|http:\/\/|mailto:)[^"]*" rel="noopener nofollow ugc">$/);
}

async function saveNote(html: string) {
  const result = await call(world, notesRoute.POST, {
    actor: world.actors.author,
    params: { slug: world.slug },
    path: `/api/readings/${world.slug}/notes?seminar=${world.seminarId}`,
    json: { target: targetFor(world, "Seoul had fallen"), motivation: "commenting", visibility: "seminar", body: { html: `head ${html} tail` } },
  });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.note.id as string;
}

describe("sanitiser: known XSS payloads saved as notes and replies", () => {
  it(`has at least 30 payloads (${payloads.length})`, () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
  });

  for (const [i, payload] of payloads.entries()) {
    it(`payload ${i + 1}: ${payload.slice(0, 60)}`, async () => {
      const id = await saveNote(payload);
      noteId ??= id;
      const stored = await world.db.note.findUniqueOrThrow({ where: { id } });
      expectInert(stored.bodyHtml!);
      expect(stored.bodyText).toContain("head"); // the harmless text around a payload survives
      expect(stored.bodyText).not.toMatch(/<script/i);

      const reply = await call(world, repliesRoute.POST, { actor: world.actors.otherStudent, params: { id: noteId }, json: { body: { html: `head ${payload} tail` } } });
      expect(reply.status).toBe(201);
      expectInert((await world.db.reply.findUniqueOrThrow({ where: { id: reply.json.reply.id } })).bodyHtml!);
    });
  }

  it("keeps allowed markup and safe links, adding rel", async () => {
    const id = await saveNote(`<p>See <a href="https://example.org/a?b=1&c=2" rel="opener">this</a> and <a href="mailto:x@example.org">mail</a></p>`);
    const stored = await world.db.note.findUniqueOrThrow({ where: { id } });
    expect(stored.bodyHtml).toBe(
      `head <p>See <a href="https://example.org/a?b=1&amp;c=2" rel="noopener nofollow ugc">this</a> and <a href="mailto:x@example.org" rel="noopener nofollow ugc">mail</a></p> tail`,
    );
  });

  it("cleans pasted word-processor HTML down to the allow-list", async () => {
    const pasted = `<html><head><style>p{color:red}</style></head><body><h1 class="Title">Heading</h1><div><span style="font-weight:bold"><b>Bold</b></span> <i>italic</i> <font face=Arial>font</font></div></body></html>`;
    const stored = await world.db.note.findUniqueOrThrow({ where: { id: await saveNote(pasted) } });
    expect(stored.bodyHtml).toBe(`head <p>Heading</p><p><strong>Bold</strong> <em>italic</em> font</p> tail`);
  });

  it("allow-lists tiptap JSON too: unknown nodes, attributes and unsafe link marks are dropped", async () => {
    const json = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1, onclick: "alert(1)" }, content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        { type: "paragraph", content: [
          { type: "text", text: "evil", marks: [{ type: "link", attrs: { href: "javascript:alert(1)", target: "_blank" } }] },
          { type: "text", text: " good", marks: [{ type: "link", attrs: { href: "https://example.org" } }, { type: "bold" }, { type: "code" }] },
          { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
        ] },
        { type: "iframe", attrs: { src: "javascript:alert(1)" }, content: [{ type: "text", text: "inner" }] },
      ],
    };
    const result = await call(world, notesRoute.POST, {
      actor: world.actors.author, params: { slug: world.slug }, path: `/api/readings/${world.slug}/notes?seminar=${world.seminarId}`,
      json: { target: targetFor(world, "Inchon"), motivation: "commenting", visibility: "private", body: { json, html: "<script>ignored</script>" } },
    });
    expect(result.status).toBe(201);
    const stored = await world.db.note.findUniqueOrThrow({ where: { id: result.json.note.id } });
    expectInert(stored.bodyHtml!);
    expect(stored.bodyHtml).toBe(
      `<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>evil<a href="https://example.org" rel="noopener nofollow ugc"><strong> good</strong></a></p><p>inner</p>`,
    );
    expect(stored.bodyJson).not.toMatch(/javascript|onerror|onclick|image|iframe|target|code/);
  });
});
