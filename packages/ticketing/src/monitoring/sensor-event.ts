import { z } from "zod";
import { isoInstantSchema } from "../time/instant.js";

/** Severity of a sensor reading (K8). */
export const sensorSeveritySchema = z.enum(["info", "warning", "critical"]);

/** Severity of a sensor reading (K8). */
export type SensorSeverity = z.infer<typeof sensorSeveritySchema>;

/**
 * zod schema of a monitoring report (K8): a sensor deviates (disk filling up, failed backup,
 * crashed VM) or recovers.
 */
export const sensorEventSchema = z
  .object({
    sensorId: z.string().min(1),
    organizationId: z.string().min(1),
    assetId: z.string().min(1).optional(),
    kind: z.enum(["deviation", "recovery"]),
    severity: sensorSeveritySchema,
    /** What is checked, e.g. `disk C: free space`, `Veeam job Nightly`. */
    check: z.string().min(1),
    message: z.string(),
    observedAt: isoInstantSchema,
  })
  .strict();

/** A monitoring report (K8). */
export type SensorEvent = z.infer<typeof sensorEventSchema>;
