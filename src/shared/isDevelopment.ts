/**
 * True unless the bundler says production. Bundlers replace `process.env.NODE_ENV`; the guard keeps a
 * bundle-free browser (no `process`) from throwing.
 */
export function isDevelopment(): boolean {
  return typeof process === "undefined" || process.env?.NODE_ENV !== "production";
}
