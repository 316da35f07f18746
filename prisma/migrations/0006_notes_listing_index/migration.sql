-- A reading's list counts the replies each note's reader may read; with these columns
-- in the index the count reads no reply row. It serves every look-up by note as well.

-- DropIndex
DROP INDEX "Reply_noteId_idx";

-- CreateIndex
CREATE INDEX "Reply_noteId_deletedAt_hidden_authorId_idx" ON "Reply"("noteId", "deletedAt", "hidden", "authorId");
