-- A seminar's decision on a suggested parallel keeps the two passages it was made on,
-- so that it still holds when the same places are suggested again with other quotes
-- (the reading was revised there, or the suggester now shows a sentence more).
-- Decisions from before this migration keep matching by key alone.

-- AlterTable
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "aDocumentId" TEXT;
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "aVersionId" TEXT;
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "aSelectors" TEXT;
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "bDocumentId" TEXT;
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "bVersionId" TEXT;
ALTER TABLE "LinkSuggestionDecision" ADD COLUMN "bSelectors" TEXT;
