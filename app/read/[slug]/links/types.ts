import type { AuthorView } from "@/lib/annotations/schema";
import type { LinkEndView, Relation, Side, SuggestionEndView, SuggestionView, Visibility } from "@/lib/links/schema";

/** A canonical span of the reading shown. */
export type Span = { start: number; end: number };

/** One end of a link that lies in the reading shown, with the other end it leads to. */
export type ReaderLinkEnd = {
  /** `${linkId}:${side}`: unique even for a link between two places of this reading. */
  key: string;
  linkId: string;
  relation: Relation;
  /** Which end of the link is here ("a" reads "quotes", "b" reads "quoted by"). */
  side: Side;
  /** Where this end is in the version shown; null when it cannot be found there. */
  span: Span | null;
  here: LinkEndView;
  other: LinkEndView;
  author: AuthorView | null;
  visibility: Visibility;
  hidden: boolean;
  replyCount: number;
  /** The compare view of the link, this reading on the left. */
  href: string;
};

/** A pending suggested parallel touching the reading shown (instructors only). */
export type ReaderSuggestion = { suggestion: SuggestionView; here: SuggestionEndView; other: SuggestionEndView; span: Span | null };

/** What `loadLinksForReader` gives the reader page. */
export type ReaderLinks = {
  ends: ReaderLinkEnd[];
  /** Null for students: only instructors see pending suggestions. */
  suggestions: ReaderSuggestion[] | null;
  /** The seminar's connections map. */
  mapHref: string;
};
