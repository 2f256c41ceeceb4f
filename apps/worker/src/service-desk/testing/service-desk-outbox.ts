import { schema, type DatabaseHandle, type OutboxRow } from "@kontor/db";
import { asc, eq } from "drizzle-orm";

/** The outbox events of one topic in the order they were written (tests). */
export async function outboxEventsOfTopic(database: DatabaseHandle, topic: string): Promise<OutboxRow[]> {
  return database.db.select().from(schema.outbox).where(eq(schema.outbox.topic, topic)).orderBy(asc(schema.outbox.id));
}
