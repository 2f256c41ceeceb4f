import { kontorLibrary } from "@kontor/tsup-config";

// `testing` is a separate entry: builders of test attachments, never loaded by the main entry.
export default kontorLibrary({ entry: { index: "src/index.ts", testing: "src/testing/index.ts" } });
