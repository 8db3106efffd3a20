-- CreateTable
CREATE TABLE "EnteInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "enteId" TEXT NOT NULL,
    "quota" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDENTE',
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    "respondedById" TEXT,
    "remindersSent" INTEGER NOT NULL DEFAULT 0,
    "lastRemindedAt" DATETIME,
    CONSTRAINT "EnteInvitation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EnteInvitation_enteId_fkey" FOREIGN KEY ("enteId") REFERENCES "Ente" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvitationLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "enteInvitationId" TEXT,
    "email" TEXT NOT NULL,
    "enteId" TEXT,
    "userId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDENTE',
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" DATETIME,
    CONSTRAINT "InvitationLink_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InvitationLink_enteInvitationId_fkey" FOREIGN KEY ("enteInvitationId") REFERENCES "EnteInvitation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InvitationLink_enteId_fkey" FOREIGN KEY ("enteId") REFERENCES "Ente" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InvitationLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "enteInvitationId" TEXT,
    "nominatedById" TEXT,
    CONSTRAINT "Registration_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Registration_enteId_fkey" FOREIGN KEY ("enteId") REFERENCES "Ente" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Registration_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Registration_enteInvitationId_fkey" FOREIGN KEY ("enteInvitationId") REFERENCES "EnteInvitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("cancelledAt", "confirmedAt", "createdAt", "enteId", "eventId", "icsSequence", "id", "removalReason", "removedAt", "removedById", "seq", "status", "updatedAt", "userId") SELECT "cancelledAt", "confirmedAt", "createdAt", "enteId", "eventId", "icsSequence", "id", "removalReason", "removedAt", "removedById", "seq", "status", "updatedAt", "userId" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE INDEX "Registration_eventId_status_seq_idx" ON "Registration"("eventId", "status", "seq");
CREATE INDEX "Registration_userId_status_idx" ON "Registration"("userId", "status");
CREATE INDEX "Registration_enteId_idx" ON "Registration"("enteId");
CREATE INDEX "Registration_enteInvitationId_status_idx" ON "Registration"("enteInvitationId", "status");
CREATE UNIQUE INDEX "Registration_eventId_userId_key" ON "Registration"("eventId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EnteInvitation_eventId_status_idx" ON "EnteInvitation"("eventId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "EnteInvitation_eventId_enteId_key" ON "EnteInvitation"("eventId", "enteId");

-- CreateIndex
CREATE INDEX "InvitationLink_enteInvitationId_idx" ON "InvitationLink"("enteInvitationId");

-- CreateIndex
CREATE INDEX "InvitationLink_email_idx" ON "InvitationLink"("email");

-- CreateIndex
CREATE UNIQUE INDEX "InvitationLink_eventId_email_key" ON "InvitationLink"("eventId", "email");

