import type { Selector } from "@/lib/anchoring/types";
import type { NoteView } from "@/lib/annotations/schema";

/** The JSON-LD context of the W3C Web Annotation Data Model. */
export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type (with profile) a Web Annotation is served as. */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** A TextualBody: the note's rich text, or one of its tags. */
export type TextualBody = {
  type: "TextualBody";
  value: string;
  format?: "text/html";
  purpose: "commenting" | "tagging";
};

/** A note in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). */
export type WebAnnotation = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "commenting" | "highlighting";
  created: string;
  modified: string;
  creator?: { id: string; type: "Person"; name: string };
  body?: TextualBody | TextualBody[];
  target: { source: string; selector: Selector[] };
};

/**
 * Maps a note onto the W3C model, one to one: the comment (sanitised HTML) and each
 * tag become TextualBodies, the target is the reading version the selectors index
 * into (`?version=` keeps the anchor's version in the IRI), and the quote and
 * position selectors go over unchanged. A highlight without tags has no body.
 */
export function toWebAnnotation(note: NoteView, options: { baseUrl: string }): WebAnnotation {
  const base = options.baseUrl.replace(/\/+$/, "");
  const bodies: TextualBody[] = [];
  if (note.motivation === "commenting" && note.body) {
    bodies.push({ type: "TextualBody", value: note.body.html, format: "text/html", purpose: "commenting" });
  }
  for (const tag of note.tags) bodies.push({ type: "TextualBody", value: tag, purpose: "tagging" });

  const annotation: WebAnnotation = {
    "@context": ANNOTATION_CONTEXT,
    id: `${base}/api/notes/${encodeURIComponent(note.id)}/annotation`,
    type: "Annotation",
    motivation: note.motivation,
    created: note.createdAt,
    modified: note.updatedAt,
    target: {
      source: `${base}/read/${encodeURIComponent(note.readingSlug)}?version=${encodeURIComponent(note.versionId)}`,
      selector: note.selectors.map((s) => ({ ...s })),
    },
  };
  if (note.author) {
    annotation.creator = { id: `${base}/users/${encodeURIComponent(note.author.id)}`, type: "Person", name: note.author.name };
  }
  if (bodies.length === 1) annotation.body = bodies[0];
  else if (bodies.length > 1) annotation.body = bodies;
  return annotation;
}
