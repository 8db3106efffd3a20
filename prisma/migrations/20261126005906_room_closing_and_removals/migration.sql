-- AlterTable
ALTER TABLE "EventSession" ADD COLUMN "roomClosedAt" DATETIME;

-- CreateTable
CREATE TABLE "RoomRemoval" (
    "sessionId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "removedById" TEXT,
    "removedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("sessionId", "identity"),
    CONSTRAINT "RoomRemoval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

