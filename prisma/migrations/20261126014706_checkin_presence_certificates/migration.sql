-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "badgeRegistrationId" TEXT;

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "deviceId" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckIn_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CheckIn_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PresenceAdjustment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "byUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PresenceAdjustment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "EventSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PresenceAdjustment_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "personName" TEXT NOT NULL,
    "cpfMasked" TEXT,
    "eventTitle" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "dates" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "hoursMinutes" INTEGER NOT NULL,
    "hoursMode" TEXT NOT NULL,
    "organizer" TEXT NOT NULL,
    "responsibleName" TEXT NOT NULL,
    "responsibleRole" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "revokedById" TEXT,
    "supersededById" TEXT,
    CONSTRAINT "Certificate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CertificateRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDENTE',
    "requestedById" TEXT,
    "total" INTEGER NOT NULL DEFAULT 0,
    "issued" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "CertificateRun_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SigningKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicJwk" TEXT NOT NULL,
    "privatePkcs8" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VerificationAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ip" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "invitationQuota" INTEGER NOT NULL DEFAULT 2,
    "certificateThreshold" INTEGER NOT NULL DEFAULT 75,
    "certificateScope" TEXT NOT NULL DEFAULT 'EVENTO',
    "certificateHours" TEXT NOT NULL DEFAULT 'INTEGRAL',
    "responsibleName" TEXT,
    "responsibleRole" TEXT,
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
INSERT INTO "new_Event" ("audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "icsSequence", "id", "invitationQuota", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes") SELECT "audienceIncludeMunicipios", "audienceKind", "audiencePortes", "audienceRegion", "audienceUfId", "cancellationReason", "cancelledAt", "capacity", "createdAt", "createdById", "descriptionMd", "duplicatedFromId", "endsAt", "format", "icsSequence", "id", "invitationQuota", "organizerEnteId", "publishedAt", "registrationClosesAt", "registrationOpensAt", "registrationSeq", "scope", "scopeRegion", "searchTitle", "slug", "startsAt", "status", "timeZone", "title", "type", "updatedAt", "venueAddress", "venueMunicipioId", "venueName", "visibility", "workloadMinutes" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_visibility_startsAt_idx" ON "Event"("status", "visibility", "startsAt");
CREATE INDEX "Event_organizerEnteId_startsAt_idx" ON "Event"("organizerEnteId", "startsAt");
CREATE INDEX "Event_audienceUfId_idx" ON "Event"("audienceUfId");
CREATE INDEX "Event_venueMunicipioId_idx" ON "Event"("venueMunicipioId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CheckIn_sessionId_registrationId_idx" ON "CheckIn"("sessionId", "registrationId");

-- CreateIndex
CREATE INDEX "PresenceAdjustment_registrationId_sessionId_createdAt_idx" ON "PresenceAdjustment"("registrationId", "sessionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_eventId_idx" ON "Certificate"("eventId");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- CreateIndex
CREATE INDEX "Certificate_registrationId_idx" ON "Certificate"("registrationId");

-- CreateIndex
CREATE INDEX "CertificateRun_status_createdAt_idx" ON "CertificateRun"("status", "createdAt");

-- CreateIndex
CREATE INDEX "VerificationAttempt_ip_createdAt_idx" ON "VerificationAttempt"("ip", "createdAt");

