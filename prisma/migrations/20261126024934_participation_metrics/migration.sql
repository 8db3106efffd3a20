-- CreateTable
CREATE TABLE "ParticipationFact" (
    "registrationId" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "enteId" TEXT NOT NULL,
    "ufId" TEXT,
    "presentMinutes" INTEGER NOT NULL,
    "present" BOOLEAN NOT NULL,
    "qualifies" BOOLEAN NOT NULL,
    "certifiedMinutes" INTEGER NOT NULL,
    "eventStartsAt" DATETIME NOT NULL,
    "eventType" TEXT NOT NULL,
    "eventFormat" TEXT NOT NULL,
    "eventScope" TEXT NOT NULL,
    "organizerEnteId" TEXT NOT NULL,
    "organizerKind" TEXT NOT NULL,
    CONSTRAINT "ParticipationFact_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ParticipationFact_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricsDirty" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "ParticipationFact_eventStartsAt_ufId_idx" ON "ParticipationFact"("eventStartsAt", "ufId");

-- CreateIndex
CREATE INDEX "ParticipationFact_uf_cover_idx" ON "ParticipationFact"("ufId", "eventStartsAt", "enteId", "organizerKind", "eventType", "present", "userId", "eventId", "certifiedMinutes");

-- CreateIndex
CREATE INDEX "ParticipationFact_ente_cover_idx" ON "ParticipationFact"("enteId", "eventStartsAt", "present", "certifiedMinutes", "eventType");

-- CreateIndex
CREATE INDEX "ParticipationFact_event_cover_idx" ON "ParticipationFact"("eventId", "ufId", "eventStartsAt", "present", "certifiedMinutes", "eventType");

-- CreateIndex
CREATE INDEX "ParticipationFact_people_cover_idx" ON "ParticipationFact"("present", "userId", "eventStartsAt", "ufId", "eventType");

-- CreateIndex
CREATE INDEX "ParticipationFact_userId_idx" ON "ParticipationFact"("userId");


-- Triggers: every change that can alter an event's participation marks the event for the roll-up

-- (written by hand; Prisma does not model triggers, so schema diffs ignore them).

CREATE TRIGGER "metrics_registration_insert" AFTER INSERT ON "Registration" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_certificate_insert" AFTER INSERT ON "Certificate" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_presenceinterval_insert" AFTER INSERT ON "PresenceInterval" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_checkin_insert" AFTER INSERT ON "CheckIn" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_presenceadjustment_insert" AFTER INSERT ON "PresenceAdjustment" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_registration_update" AFTER UPDATE ON "Registration" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_certificate_update" AFTER UPDATE ON "Certificate" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_presenceinterval_update" AFTER UPDATE ON "PresenceInterval" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_checkin_update" AFTER UPDATE ON "CheckIn" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_presenceadjustment_update" AFTER UPDATE ON "PresenceAdjustment" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = NEW."sessionId");
END;

CREATE TRIGGER "metrics_registration_delete" AFTER DELETE ON "Registration" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT OLD."eventId", 0 WHERE OLD."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = OLD."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = OLD."eventId";
END;

CREATE TRIGGER "metrics_certificate_delete" AFTER DELETE ON "Certificate" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT OLD."eventId", 0 WHERE OLD."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = OLD."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = OLD."eventId";
END;

CREATE TRIGGER "metrics_presenceinterval_delete" AFTER DELETE ON "PresenceInterval" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId");
END;

CREATE TRIGGER "metrics_checkin_delete" AFTER DELETE ON "CheckIn" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId");
END;

CREATE TRIGGER "metrics_presenceadjustment_delete" AFTER DELETE ON "PresenceAdjustment" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"), 0 WHERE (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId") IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId"));
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = (SELECT "eventId" FROM "EventSession" WHERE "id" = OLD."sessionId");
END;

CREATE TRIGGER "metrics_event_update" AFTER UPDATE OF "status", "startsAt", "endsAt", "type", "format", "scope", "organizerEnteId" ON "Event" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."id", 0 WHERE NEW."id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."id");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."id";
END;

CREATE TRIGGER "metrics_eventsession_update" AFTER UPDATE OF "startsAt", "endsAt" ON "EventSession" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_eventsession_insert" AFTER INSERT ON "EventSession" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT NEW."eventId", 0 WHERE NEW."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = NEW."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = NEW."eventId";
END;

CREATE TRIGGER "metrics_eventsession_delete" AFTER DELETE ON "EventSession" FOR EACH ROW BEGIN
    INSERT INTO "MetricsDirty" ("eventId", "version") SELECT OLD."eventId", 0 WHERE OLD."eventId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "MetricsDirty" WHERE "eventId" = OLD."eventId");
    UPDATE "MetricsDirty" SET "version" = "version" + 1 WHERE "eventId" = OLD."eventId";
END;
