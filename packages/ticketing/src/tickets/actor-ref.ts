import { z } from "zod";

/** zod schema of who did something: staff member, customer contact or the system itself. */
export const actorRefSchema = z
  .object({
    kind: z.enum(["staff", "customer", "system"]),
    id: z.string().min(1),
  })
  .strict();

/** Who did something, as recorded in ticket history. */
export type ActorRef = z.infer<typeof actorRefSchema>;

/** The actor used for automatic changes (mail intake, monitoring, schedules). */
export const SYSTEM_ACTOR: ActorRef = { kind: "system", id: "kontor" };
