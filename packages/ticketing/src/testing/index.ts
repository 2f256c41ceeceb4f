/**
 * Test helpers of `@kontor/ticketing` (`@kontor/ticketing/testing`): builders of real attachment
 * bytes for the tests of apps that hand attachments to the package. Not for production code.
 *
 * @packageDocumentation
 */
export * from "./zip-archive.js";
