import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import {exitCodes, UserFacingError} from '../../exit-codes.js';
import {withStartingFlags} from '../builtin-modules.js';
import {printableName} from '../../text/sanitize-text.js';
import {hasProxyVariables, type ProxyEnvironment, proxyFor} from './proxy.js';

/** How a feed is fetched: limits, who Broadsheet says it is, the proxy settings, and what the cache has. */
export type FetchOptions = {
	/** How long to wait for an answer (connecting included), and for more of a body that stalls. */
	readonly timeoutMs: number;
	/** How long a whole request may take, however steadily its body drips: 6 timeouts, at least a minute, by default. */
	readonly totalTimeoutMs?: number;
	/** The most bytes a body may hold, counted after decompression while it streams. */
	readonly maximumByteCount: number;
	/** The `User-Agent` header: `Broadsheet/<version>`. */
	readonly userAgent: string;
	/** Where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` are read (process.env). */
	readonly environment: ProxyEnvironment;
	/** What the cached copy was sent with, for a conditional request. */
	readonly validators?: Validators;
	/** Ends the request early (the session ended). */
	readonly signal?: AbortSignal;
};

/** What makes a request conditional: the cached copy's `ETag` and `Last-Modified`. */
export type Validators = {readonly etag?: string; readonly lastModified?: string};

/** What a fetch gave: a body, or word that the cached copy is still current (304). */
export type Fetched =
	| {
		readonly kind: 'body';
		/** The address the body came from, after redirects: relative links resolve against it. */
		readonly url: string;
		readonly bytes: Buffer;
		/** The `charset` of `Content-Type`, when there is one. */
		readonly charset?: string;
		readonly validators: Validators;
	}
	| {readonly kind: 'not-modified'; readonly url: string};

/**
 * A fetch that failed, in one line naming the address. `isTransient` when a cached copy may stand in for it: the
 * network or the host could not be reached, it timed out, or the server failed (5xx).
 */
export class FetchError extends UserFacingError {
	constructor(
		message: string,
		readonly isTransient: boolean,
		exitCode: number = exitCodes.readError,
	) {
		super(message, exitCode);
	}
}

/**
 * Loads Node's fetch (undici: 15–40 ms) now, rather than on the first request: called while the feed cache is read, so
 * that the load and the disk overlap instead of following each other. Looking up `fetch` is not enough: Node 20 defines
 * it as a function that loads undici when first called; its classes (`Headers`) load undici when first looked up.
 * Loaded as a built-in module is (see builtin-modules.ts), with the compiled code Node keeps for it: compiled afresh,
 * it took more than twice as long.
 */
export function loadFetch(): unknown {
	return withStartingFlags(() => globalThis.Headers);
}

let firstRequest: Promise<void> | undefined;

/**
 * Resolves once the first request of this process has gone out (Node's fetch says so on its diagnostics channel), and
 * the other requests made in the same turn of the event loop with it: work that can wait for the answers (loading the
 * interface) then runs while the servers answer, rather than holding the requests back. Never resolves when nothing is
 * requested (every feed from the cache with `--offline`): it is a hint, never waited on alone.
 */
export async function firstRequestSent(): Promise<void> {
	firstRequest ??= new Promise(resolve => {
		const sent = () => {
			unsubscribe('undici:client:sendHeaders', sent);
			// The other connections that opened in this turn send their requests in it too.
			setImmediate(resolve);
		};

		subscribe('undici:client:sendHeaders', sent);
	});
	return firstRequest;
}

/** The most redirects followed, as the issue asks (curl's default is 50; browsers stop at 20). */
export const maximumRedirectCount = 5;

/** The default limits: 10 s without an answer or more of a body, and 50 MB. */
export const defaultTimeoutMs = 10_000;
export const defaultMaximumByteCount = 50 * 1024 * 1024;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** The `charset` parameter of a `Content-Type` header, lower case. */
export function charsetOf(contentType: string | null): string | undefined {
	const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/iu.exec(contentType ?? '');
	return match?.[1]?.toLowerCase();
}

type FetchFunction = (url: string, init: Omit<RequestInit, 'dispatcher'> & {dispatcher?: unknown}) => Promise<Response>;

/** A dispatcher per proxy, made the first time it is needed (see proxy-agent.ts). */
const proxyDispatchers = new Map<string, Promise<unknown>>();

/** Node's fetch, with a dispatcher through the proxy the environment names for `url`, if any. */
async function fetcherFor(url: URL, environment: ProxyEnvironment): Promise<{fetch: FetchFunction; dispatcher?: unknown}> {
	loadFetch();
	const fetch = globalThis.fetch as FetchFunction;
	const proxy = hasProxyVariables(environment) ? proxyFor(url, environment) : undefined;
	if (proxy === undefined) {
		return {fetch};
	}

	let dispatcher = proxyDispatchers.get(proxy);
	if (!dispatcher) {
		const {proxyDispatcher} = await import('./proxy-agent.js');
		dispatcher = proxyDispatcher(proxy);
		proxyDispatchers.set(proxy, dispatcher);
	}

	try {
		return {fetch, dispatcher: await dispatcher};
	} catch (error) {
		throw new FetchError(`${printableName(proxy)}: not a proxy Broadsheet can use (${printableName((error as Error).message)}); check HTTPS_PROXY and HTTP_PROXY`, false, exitCodes.usage);
	}
}

const tlsCodes = new Set([
	'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED',
]);

/** Why a request failed, in words, from the error fetch threw (its `cause` says what happened). */
function networkFailure(name: string, host: string, error: unknown, timedOut: TimeoutKind | undefined, timeoutMs: number, proxy: boolean): FetchError {
	const seconds = `${Math.round(timeoutMs / 100) / 10} s`;
	if (timedOut === 'total') {
		return new FetchError(`${name}: still not complete after ${seconds}, though it keeps sending (a slow-drip server?)`, true);
	}

	if (timedOut === 'answer') {
		return new FetchError(`${name}: no answer within ${seconds}`, true);
	}

	if (timedOut === 'body') {
		return new FetchError(`${name}: the server stopped sending for ${seconds}`, true);
	}

	const cause = (error as {cause?: {code?: string; message?: string}}).cause ?? (error as {code?: string; message?: string});
	const code = cause?.code ?? '';
	if (tlsCodes.has(code) || /certificate|SSL|TLS/iu.test(cause?.message ?? '')) {
		return new FetchError(`${name}: its TLS certificate cannot be trusted (${code || printableName(cause?.message ?? 'TLS error')}); Broadsheet never skips the check`, false);
	}

	switch (code) {
		case 'BROADSHEET_PROXY_REFUSED': {
			return new FetchError(`${name}: ${printableName(cause?.message ?? 'the proxy refused the connection')}`, true);
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return new FetchError(`${name}: cannot find the host ${printableName(host)}${proxy ? ' (through the proxy)' : ''}`, true);
		}

		case 'ECONNREFUSED': {
			return new FetchError(`${name}: the connection was refused${proxy ? ' by the proxy' : ''}`, true);
		}

		case 'ECONNRESET':
		case 'UND_ERR_SOCKET':
		case 'EPIPE': {
			return new FetchError(`${name}: the connection closed before the answer was complete`, true);
		}

		case 'UND_ERR_HEADERS_OVERFLOW': {
			return new FetchError(`${name}: the server's headers are too large`, false);
		}

		case 'ENETUNREACH':
		case 'EHOSTUNREACH':
		case 'ETIMEDOUT': {
			return new FetchError(`${name}: the network cannot reach ${printableName(host)}`, true);
		}

		default: {
			const detail = code || cause?.message || (error as Error).message;
			return new FetchError(`${name}: cannot fetch it (${printableName(String(detail))})`, true);
		}
	}
}

/**
 * Fetches `address` with Node's fetch: compressed as the server likes (gzip, deflate, br), following at most
 * {@link maximumRedirectCount} redirects and only to http(s), with a timeout for the answer and for a stalled body,
 * reading at most `maximumByteCount` decoded bytes. Fails with a {@link FetchError}, one line naming the address.
 */
export async function fetchUrl(address: string, options: FetchOptions): Promise<Fetched> {
	const name = printableName(address);
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		throw new FetchError(`${name}: not a valid address`, false, exitCodes.usage);
	}

	const seen = new Set<string>();
	for (let redirectCount = 0; ; redirectCount++) {
		seen.add(url.href);
		// eslint-disable-next-line no-await-in-loop
		const result = await fetchOnce(url, name, options);
		if (result.kind !== 'redirect') {
			return result;
		}

		let next: URL;
		try {
			next = new URL(result.location, url);
		} catch {
			throw new FetchError(`${name}: redirected to an address that is not valid`, false);
		}

		if (next.protocol !== 'http:' && next.protocol !== 'https:') {
			throw new FetchError(`${name}: redirected to ${printableName(next.protocol.slice(0, -1))}:, which Broadsheet does not follow (only http and https)`, false);
		}

		if (seen.has(next.href)) {
			throw new FetchError(`${name}: redirects in a loop (back to ${printableName(next.href)})`, false);
		}

		if (redirectCount + 1 > maximumRedirectCount) {
			throw new FetchError(`${name}: more than ${maximumRedirectCount} redirects`, false);
		}

		url = next;
	}
}

/** Which limit ended a request: no answer, a stalled body, or the whole request's time. */
type TimeoutKind = 'answer' | 'body' | 'total';

type OnceResult = Fetched | {readonly kind: 'redirect'; readonly location: string};

async function fetchOnce(url: URL, name: string, options: FetchOptions): Promise<OnceResult> {
	const {fetch, dispatcher} = await fetcherFor(url, options.environment);
	const controller = new AbortController();
	let timedOut: TimeoutKind | undefined;
	let timer: NodeJS.Timeout | undefined;
	const totalTimeoutMs = options.totalTimeoutMs ?? Math.max(60_000, options.timeoutMs * 6);
	const totalTimer = setTimeout(() => {
		timedOut = 'total';
		controller.abort();
	}, totalTimeoutMs);
	const arm = (phase: 'answer' | 'body') => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			timedOut = phase;
			controller.abort();
		}, options.timeoutMs);
	};

	const stopOnSignal = () => {
		controller.abort(options.signal?.reason);
	};

	options.signal?.addEventListener('abort', stopOnSignal, {once: true});
	const headers: Record<string, string> = {
		'user-agent': options.userAgent,
		accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5',
		'accept-encoding': 'gzip, deflate, br',
	};
	if (options.validators?.etag) {
		headers['if-none-match'] = options.validators.etag;
	}

	if (options.validators?.lastModified) {
		headers['if-modified-since'] = options.validators.lastModified;
	}

	try {
		arm('answer');
		let response: Response;
		try {
			response = await fetch(url.href, {redirect: 'manual', headers, signal: controller.signal, ...(dispatcher ? {dispatcher} : {})});
		} catch (error) {
			options.signal?.throwIfAborted();
			throw networkFailure(name, url.hostname, error, timedOut, timedOut === 'total' ? totalTimeoutMs : options.timeoutMs, dispatcher !== undefined);
		}

		if (redirectStatuses.has(response.status)) {
			await response.body?.cancel().catch(() => {});
			const location = response.headers.get('location');
			if (location === null) {
				throw new FetchError(`${name}: redirected (HTTP ${response.status}) without saying where to`, false);
			}

			return {kind: 'redirect', location};
		}

		if (response.status === 304) {
			await response.body?.cancel().catch(() => {});
			if (!options.validators) {
				throw new FetchError(`${name}: the server answered 304 Not Modified to a request that was not conditional`, false);
			}

			return {kind: 'not-modified', url: url.href};
		}

		if (!response.ok) {
			await response.body?.cancel().catch(() => {});
			const reason = response.statusText ? ` ${printableName(response.statusText).slice(0, 80)}` : '';
			throw new FetchError(`${name}: the server answered HTTP ${response.status}${reason}`, response.status >= 500 || response.status === 429, response.status === 404 || response.status === 410 ? exitCodes.notFound : exitCodes.readError);
		}

		const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
		const encoding = response.headers.get('content-encoding');
		if (Number.isFinite(declaredLength) && declaredLength > options.maximumByteCount && (encoding === null || encoding === 'identity')) {
			await response.body?.cancel().catch(() => {});
			throw tooLarge(name, options.maximumByteCount);
		}

		arm('body');
		const bytes = await readBody(response, name, options, () => {
			arm('body');
		}).catch((error: unknown) => {
			options.signal?.throwIfAborted();
			if (error instanceof FetchError) {
				throw error;
			}

			if (!timedOut && /decompress|zlib|incorrect header|invalid (?:block|distance|stored)|unexpected end/iu.test(String((error as Error).message) + String((error as {cause?: Error}).cause?.message ?? ''))) {
				throw new FetchError(`${name}: its compressed body cannot be decompressed`, false, exitCodes.malformed);
			}

			throw networkFailure(name, url.hostname, error, timedOut, timedOut === 'total' ? totalTimeoutMs : options.timeoutMs, dispatcher !== undefined);
		});
		const etag = response.headers.get('etag') ?? undefined;
		const lastModified = response.headers.get('last-modified') ?? undefined;
		const charset = charsetOf(response.headers.get('content-type'));
		return {
			kind: 'body',
			url: url.href,
			bytes,
			...(charset ? {charset} : {}),
			validators: {...(etag ? {etag} : {}), ...(lastModified ? {lastModified} : {})},
		};
	} finally {
		clearTimeout(timer);
		clearTimeout(totalTimer);
		options.signal?.removeEventListener('abort', stopOnSignal);
	}
}

function tooLarge(name: string, maximumByteCount: number): FetchError {
	return new FetchError(`${name} is larger than ${Math.round(maximumByteCount / 1024 / 1024)} MB, the most Broadsheet fetches`, false, exitCodes.tooLarge);
}

/** The body, read a chunk at a time and counted as it comes, so that an endless or exploding body stops at the cap. */
async function readBody(response: Response, name: string, options: FetchOptions, onChunk: () => void): Promise<Buffer> {
	if (!response.body) {
		return Buffer.alloc(0);
	}

	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let byteCount = 0;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const {done, value} = await reader.read();
		if (done) {
			break;
		}

		byteCount += value.byteLength;
		if (byteCount > options.maximumByteCount) {
			// eslint-disable-next-line no-await-in-loop -- leaves the loop: the body is given up
			await reader.cancel().catch(() => {});
			throw tooLarge(name, options.maximumByteCount);
		}

		chunks.push(value);
		onChunk();
	}

	return Buffer.concat(chunks, byteCount);
}
