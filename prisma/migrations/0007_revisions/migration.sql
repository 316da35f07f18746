-- Readings added by instructors (scope, who added them), the provenance and revision
-- report of each version, and where anchored items sat on the versions they left.

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'library';
ALTER TABLE "Document" ADD COLUMN "addedById" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN "origin" TEXT NOT NULL DEFAULT 'file';
ALTER TABLE "DocumentVersion" ADD COLUMN "authorId" TEXT REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "DocumentVersion" ADD COLUMN "uploadName" TEXT;
ALTER TABLE "DocumentVersion" ADD COLUMN "uploadFormat" TEXT;
ALTER TABLE "DocumentVersion" ADD COLUMN "upload" TEXT;
ALTER TABLE "DocumentVersion" ADD COLUMN "report" TEXT;

-- CreateTable
CREATE TABLE "AnchorPlacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "itemType" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "selectors" TEXT NOT NULL,
    "anchorStatus" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnchorPlacement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "AnchorPlacement_itemType_itemId_versionId_key" ON "AnchorPlacement"("itemType", "itemId", "versionId");

-- CreateIndex
CREATE INDEX "AnchorPlacement_versionId_itemType_idx" ON "AnchorPlacement"("versionId", "itemType");
