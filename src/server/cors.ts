import { FeedbackError } from "../errors";

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

/** Throws at start-up for a setting that would let any web page send with the user's cookies. */
export function checkCors(cors: CorsOptions | undefined): void {
  if (cors?.origins === "*" && cors.credentials) {
    throw new FeedbackError(
      "config",
      'cors: { origins: "*", credentials: true } would let any web page send feedback with your users\' cookies. List the origins that may send (origins: ["https://app.example"]) or drop credentials.',
    );
  }
}

/**
 * A CORS origin test for pages served from this machine: `localhost`, `*.localhost`, `127.0.0.0/8` and `[::1]`,
 * on any port and scheme (dev servers and Storybook pick their own ports).
 *
 * @example
 * ```ts
 * createFeedbackHandler({ sinks, cors: { origins: loopbackOrigin } });
 * ```
 */
export function loopbackOrigin(origin: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return false;
  }
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Whether a request's `Origin` may send: no `Origin` (not a browser, or a same-origin GET), the relay's own host,
 * or an origin `cors` allows. `Origin: null` (a sandboxed frame, a `file:` page) is allowed only when listed.
 */
export function originAllowed(cors: CorsOptions | undefined, request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  if (origin !== "null" && sameHost(origin, request)) return true;
  if (!cors) return false;
  const { origins } = cors;
  return origins === "*" || (typeof origins === "function" ? origins(origin) : origins.includes(origin));
}

// The scheme is left out: behind a proxy that ends TLS, the relay sees http:// for a page served over https://.
function sameHost(origin: string, request: Request): boolean {
  try {
    const host = new URL(origin).host;
    return host === new URL(request.url).host || host === request.headers.get("host");
  } catch {
    return false;
  }
}

/** The CORS headers for an allowed cross-origin request; none for others. */
export function corsHeaders(cors: CorsOptions | undefined, request: Request): Record<string, string> {
  const origin = request.headers.get("origin");
  if (!cors || !origin || !originAllowed(cors, request)) return {};
  const any = cors.origins === "*";
  return {
    "access-control-allow-origin": any ? "*" : origin,
    ...(any ? {} : { vary: "origin" }),
    ...(cors.credentials ? { "access-control-allow-credentials": "true" } : {}),
  };
}

/** The answer to a CORS preflight (`OPTIONS`): the allowed methods and headers, for allowed origins only. */
export function preflight(cors: CorsOptions | undefined, request: Request): Response {
  const headers = corsHeaders(cors, request);
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
