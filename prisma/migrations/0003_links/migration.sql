-- Links between passages (two anchored ends, a relation, a reply thread) and suggested parallels with their per-seminar decisions.
-- CreateTable
CREATE TABLE "Link" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seminarId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "bodyJson" TEXT,
    "bodyHtml" TEXT,
    "bodyText" TEXT,
    "visibility" TEXT NOT NULL,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenById" TEXT,
    "hiddenAt" DATETIME,
    "deletedAt" DATETIME,
    "suggestionKey" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Link_seminarId_fkey" FOREIGN KEY ("seminarId") REFERENCES "Seminar" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Link_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkEnd" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "originalVersionId" TEXT NOT NULL,
    "selectors" TEXT NOT NULL,
    "originalSelectors" TEXT NOT NULL,
    "anchorStatus" TEXT NOT NULL DEFAULT 'anchored',
    CONSTRAINT "LinkEnd_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkEnd_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkEnd_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LinkEnd_originalVersionId_fkey" FOREIGN KEY ("originalVersionId") REFERENCES "DocumentVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkReply" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT NOT NULL,
    "bodyJson" TEXT,
    "bodyHtml" TEXT,
    "bodyText" TEXT,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "hiddenById" TEXT,
    "hiddenAt" DATETIME,
    "deletedAt" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LinkReply_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "Link" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkReply_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LinkReply" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkSuggestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "aDocumentId" TEXT NOT NULL,
    "aVersionId" TEXT NOT NULL,
    "aSelectors" TEXT NOT NULL,
    "bDocumentId" TEXT NOT NULL,
    "bVersionId" TEXT NOT NULL,
    "bSelectors" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "why" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkSuggestion_aDocumentId_fkey" FOREIGN KEY ("aDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LinkSuggestion_bDocumentId_fkey" FOREIGN KEY ("bDocumentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkSuggestionDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seminarId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "linkId" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkSuggestionDecision_seminarId_fkey" FOREIGN KEY ("seminarId") REFERENCES "Seminar" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Link_seminarId_idx" ON "Link"("seminarId");

-- CreateIndex
CREATE INDEX "Link_authorId_idx" ON "Link"("authorId");

-- CreateIndex
CREATE INDEX "LinkEnd_documentId_idx" ON "LinkEnd"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkEnd_linkId_side_key" ON "LinkEnd"("linkId", "side");

-- CreateIndex
CREATE INDEX "LinkReply_linkId_idx" ON "LinkReply"("linkId");

-- CreateIndex
CREATE INDEX "LinkReply_parentId_idx" ON "LinkReply"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkSuggestion_key_key" ON "LinkSuggestion"("key");

-- CreateIndex
CREATE INDEX "LinkSuggestion_aDocumentId_idx" ON "LinkSuggestion"("aDocumentId");

-- CreateIndex
CREATE INDEX "LinkSuggestion_bDocumentId_idx" ON "LinkSuggestion"("bDocumentId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkSuggestionDecision_seminarId_key_key" ON "LinkSuggestionDecision"("seminarId", "key");

