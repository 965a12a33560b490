// Node hands ES module source to loaders as bytes; React's Flight loader wants a string. This hook sits
// between them, so the Flight loader sees each module's text as an RSC bundler would.
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.format === "module" && result.source && typeof result.source !== "string") {
    return { ...result, source: new TextDecoder().decode(result.source) };
  }
  return result;
}
