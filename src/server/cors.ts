/** Which browser origins may call the relay. Without it the relay answers same-origin requests only. */
export interface CorsOptions {
  /** `"*"` for any origin (never with credentials), a list of origins, or a test. */
  origins: "*" | readonly string[] | ((origin: string) => boolean);
  /** Allow cookies (`Access-Control-Allow-Credentials`); needs an explicit list or test of origins. */
  credentials?: boolean;
  /** Request headers a browser may send. Default `content-type` and `authorization`. */
  headers?: readonly string[];
  /** How long a browser may cache the preflight, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** The CORS headers for a request's origin, or none when the origin is not allowed. */
export function corsHeaders(cors: CorsOptions | undefined, origin: string | null): Record<string, string> {
  if (!cors || !origin) return {};
  const { origins } = cors;
  const allowed = origins === "*" || (typeof origins === "function" ? origins(origin) : origins.includes(origin));
  if (!allowed) return {};
  const any = origins === "*" && !cors.credentials;
  return {
    "access-control-allow-origin": any ? "*" : origin,
    ...(any ? {} : { vary: "origin" }),
    ...(cors.credentials ? { "access-control-allow-credentials": "true" } : {}),
  };
}

/** The answer to a CORS preflight (`OPTIONS`). */
export function preflight(cors: CorsOptions | undefined, request: Request): Response {
  const headers = corsHeaders(cors, request.headers.get("origin"));
  if (!headers["access-control-allow-origin"]) return new Response(null, { status: 204 });
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": (cors?.headers ?? ["content-type", "authorization"]).join(", "),
      "access-control-max-age": String(cors?.maxAgeSeconds ?? 600),
    },
  });
}
