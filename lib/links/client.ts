import type { BodyInput } from "@/lib/annotations/schema";
import { callApi } from "@/lib/http/client";
import type { CreateLinkInput, LinkReplyView, LinkView, UpdateLinkInput } from "@/lib/links/schema";

/**
 * The browser's calls to the links API, one per route, typed by the handlers' answers.
 * Errors arrive as `ApiError` (lib/http/client) with the server's message.
 */

type Outcome = { id: string; outcome: "deleted" | "placeholder" };
const enc = encodeURIComponent;

export async function createLink(seminarId: string, input: CreateLinkInput): Promise<LinkView> {
  return (await callApi<{ link: LinkView }>("POST", `/api/seminars/${enc(seminarId)}/links`, input)).link;
}

export async function fetchLink(id: string): Promise<LinkView> {
  return (await callApi<{ link: LinkView }>("GET", `/api/links/${enc(id)}`)).link;
}

/** PATCH; a stale `revision` → ApiError 409 whose `details.current` is the link as it is now. */
export async function updateLink(id: string, input: UpdateLinkInput): Promise<LinkView> {
  return (await callApi<{ link: LinkView }>("PATCH", `/api/links/${enc(id)}`, input)).link;
}

export function deleteLink(id: string): Promise<Outcome> {
  return callApi<Outcome>("DELETE", `/api/links/${enc(id)}`);
}

export async function setLinkHidden(id: string, hidden: boolean): Promise<LinkView> {
  return (await callApi<{ link: LinkView }>("POST", `/api/links/${enc(id)}/hide`, { hidden })).link;
}

export async function createLinkReply(linkId: string, parentId: string | null, body: BodyInput): Promise<LinkReplyView> {
  return (await callApi<{ reply: LinkReplyView }>("POST", `/api/links/${enc(linkId)}/replies`, { parentId, body })).reply;
}

export async function updateLinkReply(linkId: string, replyId: string, revision: number, body: BodyInput): Promise<LinkReplyView> {
  const url = `/api/links/${enc(linkId)}/replies/${enc(replyId)}`;
  return (await callApi<{ reply: LinkReplyView }>("PATCH", url, { revision, body })).reply;
}

export function deleteLinkReply(linkId: string, replyId: string): Promise<Outcome> {
  return callApi<Outcome>("DELETE", `/api/links/${enc(linkId)}/replies/${enc(replyId)}`);
}

export async function setLinkReplyHidden(linkId: string, replyId: string, hidden: boolean): Promise<LinkReplyView> {
  const url = `/api/links/${enc(linkId)}/replies/${enc(replyId)}/hide`;
  return (await callApi<{ reply: LinkReplyView }>("POST", url, { hidden })).reply;
}

export async function confirmSuggestion(seminarId: string, suggestionId: string): Promise<LinkView> {
  const url = `/api/seminars/${enc(seminarId)}/suggestions/${enc(suggestionId)}/confirm`;
  return (await callApi<{ link: LinkView }>("POST", url)).link;
}

export function dismissSuggestion(seminarId: string, suggestionId: string): Promise<{ id: string; decision: "dismissed" }> {
  return callApi("POST", `/api/seminars/${enc(seminarId)}/suggestions/${enc(suggestionId)}/dismiss`);
}

/**
 * A plain-text note as the body the API takes: tiptap JSON, one paragraph per line
 * (blank lines dropped), so no markup is ever built from what was typed. Null when
 * there is no text.
 */
export function plainTextBody(text: string): BodyInput | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return null;
  return { json: { type: "doc", content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) } };
}
