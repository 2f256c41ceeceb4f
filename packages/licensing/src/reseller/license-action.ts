import { z } from "zod";

/** What a license line does: buy a `new` license, `renew` its term or maintenance, or `upgrade` its user tier. */
export type LicenseAction = "new" | "renewal" | "upgrade";

/** zod schema of a {@link LicenseAction}; defaults to `new`. */
export const licenseActionSchema = z.enum(["new", "renewal", "upgrade"]).default("new");
