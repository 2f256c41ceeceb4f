import { kontorConfig } from "@kontor/eslint-config";

export default [...kontorConfig(import.meta.dirname)];
