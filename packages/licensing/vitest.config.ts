import { kontorProject } from "@kontor/vitest-config";

export default kontorProject("licensing");
