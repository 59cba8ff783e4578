// Placeholder: the WFP custom functions are written here (issue 3). Only top-level `function`
// declarations with JSDoc tags are read by custom-functions-metadata-plugin.

/**
 * Placeholder until the WFP functions land.
 * @customfunction PING
 * @returns "pong"
 */
export function ping(): string {
  return "pong";
}
