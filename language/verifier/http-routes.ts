// Which handler answers a request line, the way uvicorn (httptools) and Starlette's router decide
// it for the reference apps: the path percent-decoded as urllib.parse.unquote does, routes matched
// by `^path$` (Python's `$` also matches before one final newline), a known path with another
// method answered 405 with `allow`, a path that differs by a trailing slash redirected with 307,
// anything else 404. See docs/verifier-http.md.
import { pyUtf8Replace, pyUtf8Strict } from '../python/utf8.js';

export type RouteName = 'health' | 'test_solution' | 'test_program' | 'test_program_stdio' | 'openapi' | 'docs' | 'oauth2_redirect';

interface Route { path: string; name: RouteName; methods: string[] }

/**
 * FastAPI registers its documentation routes first, then the app's, in this order. The documentation
 * routes are Starlette Routes of plain functions: GET, and Starlette adds HEAD (their 405 joins a
 * Python set, so the reference says `GET, HEAD` or `HEAD, GET` depending on the process); FastAPI's
 * own APIRoutes (the app's) get no HEAD.
 */
const DOC_METHODS = ['GET', 'HEAD'];
const ROUTES: Route[] = [
    { path: '/openapi.json', name: 'openapi', methods: DOC_METHODS },
    { path: '/docs', name: 'docs', methods: DOC_METHODS },
    { path: '/docs/oauth2-redirect', name: 'oauth2_redirect', methods: DOC_METHODS },
    { path: '/redoc', name: 'docs', methods: DOC_METHODS },
    { path: '/health', name: 'health', methods: ['GET'] },
    { path: '/test_solution', name: 'test_solution', methods: ['POST'] },
    { path: '/test_program', name: 'test_program', methods: ['POST'] },
    { path: '/test_program_stdio', name: 'test_program_stdio', methods: ['POST'] },
];

export type RouteDecision =
    | { kind: 'route'; name: RouteName }
    | { kind: 'method_not_allowed'; allow: string }
    | { kind: 'redirect'; location: string }
    | { kind: 'not_found' }
    /** uvicorn answers a request target it cannot parse with its protocol-level 400. */
    | { kind: 'bad_request' }
    /** The reference raises while building the answer (Starlette's 500). */
    | { kind: 'server_error' };

const matches = (route: Route, path: string) => path === route.path || path === `${route.path}\n`;

export interface RequestLine {
    method: string;
    /** The request target as Node read it (bytes as latin-1 characters). */
    url: string;
    /** The first Host header, if any. */
    host?: string;
    /** The socket's local address, for a redirect without Host. */
    local: { address: string; port: number };
}

export function route(request: RequestLine): RouteDecision {
    const target = splitTarget(request.url);
    if (!target) return { kind: 'bad_request' };
    const path = target.path.includes('%') ? unquote(target.path) : target.path;
    let partial: Route | undefined;
    for (const candidate of ROUTES) {
        if (!matches(candidate, path)) continue;
        if (candidate.methods.includes(request.method)) return { kind: 'route', name: candidate.name };
        partial ??= candidate;
    }
    if (partial) return { kind: 'method_not_allowed', allow: partial.methods.join(', ') };
    if (path !== '/') {
        const other = path.endsWith('/') ? path.replace(/\/+$/, '') : `${path}/`;
        if (ROUTES.some((candidate) => matches(candidate, other))) {
            const location = redirectLocation(request, other, target.query);
            return location === undefined ? { kind: 'server_error' } : { kind: 'redirect', location };
        }
    }
    return { kind: 'not_found' };
}

/**
 * httptools.parse_url's path and query of an origin-form (`/p?q#f`), asterisk-form (`*`: its path is
 * `*`, which no route matches: 404) or absolute-form (`http://h/p?q`) target; undefined where it fails,
 * where it has no path (`http://h`, `http://h?q`: uvicorn's `raw_path.decode` of None raises) or where
 * the path is not ASCII (uvicorn's `raw_path.decode("ascii")`), all of which uvicorn answers with its 400.
 */
function splitTarget(url: string): { path: string; query: string } | undefined {
    let rest = url;
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(rest);
    if (absolute) {
        rest = rest.slice(absolute[0].length);
        if (!rest.startsWith('/')) return undefined;
    } else if (!rest.startsWith('/') && !rest.startsWith('*')) {
        return undefined;
    }
    const hash = rest.indexOf('#');
    if (hash >= 0) rest = rest.slice(0, hash);
    const question = rest.indexOf('?');
    const path = question >= 0 ? rest.slice(0, question) : rest;
    const query = question >= 0 ? rest.slice(question + 1) : '';
    if (/[^\x00-\x7f]/.test(path)) return undefined;
    return { path, query };
}

const HEX_PAIR = /%([0-9A-Fa-f]{2})/g;

/** urllib.parse.unquote on an ASCII path: %XX to bytes, then UTF-8 with U+FFFD for bad bytes. */
export function unquote(path: string): string {
    const bytes: number[] = [];
    let last = 0;
    for (const match of path.matchAll(HEX_PAIR)) {
        for (let i = last; i < match.index!; i++) bytes.push(path.charCodeAt(i));
        bytes.push(parseInt(match[1], 16));
        last = match.index! + 3;
    }
    for (let i = last; i < path.length; i++) bytes.push(path.charCodeAt(i));
    return pyUtf8Replace.decode(Uint8Array.from(bytes));
}

/** urllib.parse.quote(text, safe=":/%#?=@[]!$&'()*+,;"), as RedirectResponse writes `location`. */
function quoteLocation(text: string): string {
    let out = '';
    for (const byte of Buffer.from(text, 'utf8')) {
        const c = String.fromCharCode(byte);
        out += /[A-Za-z0-9_.\-~:/%#?=@[\]!$&'()*+,;]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
}


/** Starlette's URL(scope=…) for the other path, quoted; undefined where Python raises (a query that is not UTF-8). */
function redirectLocation(request: RequestLine, path: string, query: string): string | undefined {
    let url: string;
    if (request.host !== undefined) url = `http://${request.host}${path}`;
    else url = request.local.port === 80 ? `http://${request.local.address}${path}` : `http://${request.local.address}:${request.local.port}${path}`;
    if (query) {
        try {
            url += `?${pyUtf8Strict.decode(Buffer.from(query, 'latin1'))}`;
        } catch {
            return undefined;
        }
    }
    if (/[\uD800-\uDFFF]/u.test(url)) return undefined;
    return quoteLocation(url);
}
