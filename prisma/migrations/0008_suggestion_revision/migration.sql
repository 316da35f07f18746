-- Each stored suggestion names the revision of the suggester that computed it, so an
-- ingest after the suggester changes recomputes them even when no reading changed.
-- Rows from before this column count as computed by another revision.

-- AlterTable
ALTER TABLE "LinkSuggestion" ADD COLUMN "revision" TEXT NOT NULL DEFAULT '';
