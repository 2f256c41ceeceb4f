import { kontorProject } from "@kontor/vitest-config";

export default kontorProject("seats");
