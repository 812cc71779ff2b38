/**
 * A local web server for tests (127.0.0.1, a port the system picks) serving what each test writes: feeds with ETag
 * and Last-Modified, redirects, loops, slow and broken answers. Also a tiny proxy (CONNECT tunnels and plain http
 * forwarding) that counts what went through it. No test reaches the network.
 */
import {readFileSync} from 'node:fs';
import {createServer as createHttpServer, type IncomingMessage, request as httpRequest, type Server, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {connect, type AddressInfo, type Socket} from 'node:net';
import {fileURLToPath} from 'node:url';

/** What answers a path: the request, and the response to write. */
export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A running server: the address of a path, the requests it got, and how to stop it. */
export type WebServer = {
	readonly origin: string;
	readonly url: (path: string) => string;
	/** Each request's method, path and headers, in order. */
	readonly requests: Array<{readonly path: string; readonly headers: IncomingMessage['headers']}>;
	/** Adds or replaces routes while the server runs. */
	readonly routes: Map<string, Route>;
	readonly close: () => Promise<void>;
};

const sockets = new WeakMap<Server, Set<Socket>>();

async function listen(server: Server): Promise<number> {
	const open = new Set<Socket>();
	sockets.set(server, open);
	server.on('connection', (socket: Socket) => {
		open.add(socket);
		socket.on('close', () => open.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
	for (const socket of sockets.get(server) ?? []) {
		socket.destroy();
	}

	await new Promise<void>(resolve => {
		server.close(() => {
			resolve();
		});
	});
}

/** Starts a server answering each path in `routes` (404 for others); over TLS with a self-signed certificate when asked. */
export async function startWebServer(routes: Record<string, Route> = {}, {isTls = false} = {}): Promise<WebServer> {
	const routeMap = new Map(Object.entries(routes));
	const requests: WebServer['requests'] = [];
	const handler = (request: IncomingMessage, response: ServerResponse) => {
		const path = request.url ?? '/';
		requests.push({path, headers: request.headers});
		const route = routeMap.get(path) ?? routeMap.get(path.split('?')[0]!);
		if (route) {
			route(request, response);
		} else {
			response.writeHead(404, {'content-type': 'text/plain'}).end('not found');
		}
	};

	const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/web/${name}`, import.meta.url)));
	const server: Server = isTls ? createHttpsServer({key: fixture('self-signed.key'), cert: fixture('self-signed.crt')}, handler) : createHttpServer(handler);
	const port = await listen(server);
	const origin = `${isTls ? 'https' : 'http'}://127.0.0.1:${port}`;
	return {origin, url: path => `${origin}${path}`, requests, routes: routeMap, close: async () => closeServer(server)};
}

/** A feed that answers 304 to a request carrying its ETag or its Last-Modified, and the feed otherwise. */
export function cachedRoute(body: string, {etag = '"v1"', lastModified = 'Mon, 01 Dec 2025 10:00:00 GMT', contentType = 'application/rss+xml; charset=utf-8'} = {}): Route {
	return (request, response) => {
		if (request.headers['if-none-match'] === etag || request.headers['if-modified-since'] === lastModified) {
			response.writeHead(304, {etag}).end();
			return;
		}

		response.writeHead(200, {'content-type': contentType, etag, 'last-modified': lastModified}).end(body);
	};
}

/** A route that answers `body` with `headers`. */
export function fixedRoute(body: string | Uint8Array, headers: Record<string, string> = {'content-type': 'application/rss+xml'}, status = 200): Route {
	return (_request, response) => {
		response.writeHead(status, headers).end(body);
	};
}

/** A route that redirects to `location`. */
export function redirectRoute(location: string, status = 302): Route {
	return (_request, response) => {
		response.writeHead(status, {location}).end();
	};
}

/** An RSS feed of `titles`, each item linking to a relative address. */
export function rssFeed(title: string, titles: readonly string[], {linkBase = ''} = {}): string {
	const items = titles.map((headline, index) => `<item><title>${headline}</title><link>${linkBase}story-${index + 1}.html</link><guid isPermaLink="false">${title}-${index + 1}</guid><description>${headline}: the story in full.</description></item>`).join('');
	return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>${linkBase || 'https://example.invalid/'}</link>${items}</channel></rss>`;
}

/** A running proxy: its address, the hosts it was asked to reach, and how to stop it. */
export type Proxy = {readonly url: string; readonly targets: string[]; readonly close: () => Promise<void>};

/** Starts a proxy that tunnels CONNECT requests and forwards plain http ones, noting each target. */
export async function startProxy(): Promise<Proxy> {
	const targets: string[] = [];
	const server = createHttpServer((request, response) => {
		// A plain http request through the proxy: the path is the whole address.
		targets.push(request.url ?? '');
		const target = new URL(request.url ?? '');
		const forwarded = httpRequest({host: target.hostname, port: target.port, path: target.pathname + target.search, method: request.method, headers: request.headers}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		forwarded.on('error', () => response.writeHead(502).end());
		request.pipe(forwarded);
	});
	server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
		targets.push(request.url ?? '');
		const [host, port] = (request.url ?? '').split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	const port = await listen(server);
	return {url: `http://127.0.0.1:${port}`, targets, close: async () => closeServer(server)};
}
