import type { Options } from "tsup";

/** How every published Kontor package builds; see index.js. */
export declare function kontorLibrary(overrides?: Options): Options;
