-- AlterTable
ALTER TABLE "User" ADD COLUMN "calendarToken" TEXT;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "icsMethod" TEXT,
    "icsContent" TEXT,
    "eventId" TEXT,
    "userId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "transport" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxMessage_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboxMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "detail" TEXT NOT NULL,
    CONSTRAINT "OutboxAttempt_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboxMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "searchTitle" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeRegion" TEXT,
    "format" TEXT NOT NULL,
    "organizerEnteId" TEXT NOT NULL,
    "venueName" TEXT,
    "venueAddress" TEXT,
    "venueMunicipioId" TEXT,
    "audienceKind" TEXT NOT NULL,
    "audienceRegion" TEXT,
    "audienceIncludeMunicipios" BOOLEAN NOT NULL DEFAULT false,
    "audienceUfId" TEXT,
    "audiencePortes" TEXT,
    "visibility" TEXT NOT NULL,
    "capacity" INTEGER,
    "registrationOpensAt" DATETIME NOT NULL,
    "registrationClosesAt" DATETIME NOT NULL,
    "workloadMinutes" INTEGER NOT NULL,
    "descriptionMd" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RASCUNHO',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "registrationSeq" INTEGER NOT NULL DEFAULT 0,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancellationReason" TEXT,
    "duplicatedFromId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_organizerEnteId_fkey" FOREIGN KEY ("organizerEnteId") REFERENCES "Ente" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Event_venueMunicipioId_fkey" FOREIGN KEY ("venueMunicipioId") REFERENCES "Ente" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_audienceUfId_fkey" FOREIGN KEY ("audienceUfId") REFERENCES "Ente" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Event_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "id", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes") SELECT "audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "id", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_visibility_startsAt_idx" ON "Event"("status", "visibility", "startsAt");
CREATE INDEX "Event_organizerEnteId_startsAt_idx" ON "Event"("organizerEnteId", "startsAt");
CREATE INDEX "Event_audienceUfId_idx" ON "Event"("audienceUfId");
CREATE INDEX "Event_venueMunicipioId_idx" ON "Event"("venueMunicipioId");
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enteId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "cancelledAt" DATETIME,
    "removedAt" DATETIME,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "removedById" TEXT,
    "removalReason" TEXT,
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_enteId_fkey" FOREIGN KEY ("enteId") REFERENCES "Ente" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Registration_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("cancelledAt", "confirmedAt", "createdAt", "enteId", "eventId", "id", "removalReason", "removedAt", "removedById", "seq", "status", "updatedAt", "userId") SELECT "cancelledAt", "confirmedAt", "createdAt", "enteId", "eventId", "id", "removalReason", "removedAt", "removedById", "seq", "status", "updatedAt", "userId" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE INDEX "Registration_eventId_status_seq_idx" ON "Registration"("eventId", "status", "seq");
CREATE INDEX "Registration_userId_status_idx" ON "Registration"("userId", "status");
CREATE INDEX "Registration_enteId_idx" ON "Registration"("enteId");
CREATE UNIQUE INDEX "Registration_eventId_userId_key" ON "Registration"("eventId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_eventId_createdAt_idx" ON "OutboxMessage"("eventId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_userId_idx" ON "OutboxMessage"("userId");

-- CreateIndex
CREATE INDEX "OutboxAttempt_messageId_idx" ON "OutboxAttempt"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarToken_key" ON "User"("calendarToken");

