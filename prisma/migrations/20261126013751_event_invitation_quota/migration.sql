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
    "invitationQuota" INTEGER NOT NULL DEFAULT 2,
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
INSERT INTO "new_Event" ("audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "icsSequence", "id", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes") SELECT "audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "icsSequence", "id", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_visibility_startsAt_idx" ON "Event"("status", "visibility", "startsAt");
CREATE INDEX "Event_organizerEnteId_startsAt_idx" ON "Event"("organizerEnteId", "startsAt");
CREATE INDEX "Event_audienceUfId_idx" ON "Event"("audienceUfId");
CREATE INDEX "Event_venueMunicipioId_idx" ON "Event"("venueMunicipioId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

