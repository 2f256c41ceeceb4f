import { kontorLibrary } from "@kontor/tsup-config";

export default kontorLibrary();
