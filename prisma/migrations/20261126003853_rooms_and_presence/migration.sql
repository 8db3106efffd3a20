-- AlterTable
ALTER TABLE "EventSession" ADD COLUMN "roomCreatedAt" DATETIME;
ALTER TABLE "EventSession" ADD COLUMN "roomName" TEXT;

-- CreateTable
CREATE TABLE "EventSpeaker" (
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("eventId", "userId"),
    CONSTRAINT "EventSpeaker_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventSpeaker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoomEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "roomName" TEXT NOT NULL,
    "sessionId" TEXT,
    "identity" TEXT,
    "participantSid" TEXT,
    "at" DATETIME NOT NULL,
    "joinedAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoomEvent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PresenceInterval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "participantSid" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "registrationId" TEXT,
    "userId" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "source" TEXT NOT NULL,
    CONSTRAINT "PresenceInterval_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PresenceInterval_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EventSpeaker_userId_idx" ON "EventSpeaker"("userId");

-- CreateIndex
CREATE INDEX "RoomEvent_roomName_participantSid_idx" ON "RoomEvent"("roomName", "participantSid");

-- CreateIndex
CREATE INDEX "RoomEvent_sessionId_kind_idx" ON "RoomEvent"("sessionId", "kind");

-- CreateIndex
CREATE INDEX "PresenceInterval_sessionId_identity_idx" ON "PresenceInterval"("sessionId", "identity");

-- CreateIndex
CREATE INDEX "PresenceInterval_registrationId_idx" ON "PresenceInterval"("registrationId");

-- CreateIndex
CREATE UNIQUE INDEX "PresenceInterval_sessionId_participantSid_key" ON "PresenceInterval"("sessionId", "participantSid");

-- CreateIndex
CREATE UNIQUE INDEX "EventSession_roomName_key" ON "EventSession"("roomName");

