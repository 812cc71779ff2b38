import {connect as connectTcp, isIP, type Socket} from 'node:net';
import {connect as connectTls} from 'node:tls';

/*
Node's fetch ignores HTTPS_PROXY and HTTP_PROXY. It takes a `dispatcher`, though: an Agent of the undici inside Node,
which takes a `connect` function that hands it the socket to talk over. Here that socket is a tunnel through the
proxy (an HTTP CONNECT request), with TLS to the server on top for https: the server's certificate is checked as
always, against the server's name. The Agent class is the one of Node's own global dispatcher, so that no copy of
undici (440 KB) goes into the bundle.
*/

/** What undici's Agent passes its `connect` function. */
type ConnectOptions = {readonly hostname: string; readonly host?: string; readonly port: string; readonly protocol: string; readonly servername?: string};
type ConnectCallback = (error: Error | null, socket: Socket | null) => void;
type AgentConstructor = new (options: {connect: (options: ConnectOptions, callback: ConnectCallback) => void}) => unknown;

/** A proxy that answered CONNECT with something other than 200. */
export class ProxyRefusal extends Error {
	readonly code = 'BROADSHEET_PROXY_REFUSED';
}

/** The most a proxy's answer to CONNECT may hold before its end. */
const largestProxyAnswer = 16 * 1024;

const globalDispatcher = Symbol.for('undici.globalDispatcher.1');

/** The Agent class of Node's fetch, from its global dispatcher (made by the first fetch). */
async function agentClass(): Promise<AgentConstructor> {
	const holder = globalThis as unknown as Record<symbol, {constructor: AgentConstructor} | undefined>;
	if (!holder[globalDispatcher]) {
		// Node sets its fetch up, global dispatcher and all, on the first call; a data: address costs no network.
		// globalThis: the bundle defines a bare `fetch` as undefined (see scripts/build.js).
		await globalThis.fetch('data:,').then(async response => response.arrayBuffer()).catch(() => {});
	}

	const dispatcher = holder[globalDispatcher];
	if (!dispatcher) {
		throw new Error('this Node.js gives no way to use a proxy with fetch');
	}

	return dispatcher.constructor;
}

/** Opens a tunnel to `target` through `proxy` and calls back with a socket to the server (TLS for https). */
function connectThroughProxy(proxy: URL, target: ConnectOptions, callback: ConnectCallback): void {
	const proxyPort = Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80);
	const proxyHost = proxy.hostname.replace(/^\[(.*)\]$/u, '$1');
	const socket: Socket = proxy.protocol === 'https:'
		? connectTls({host: proxyHost, port: proxyPort, ...(isIP(proxyHost) ? {} : {servername: proxyHost})})
		: connectTcp({host: proxyHost, port: proxyPort});
	const targetHost = target.hostname.replace(/^\[(.*)\]$/u, '$1');
	const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80');
	const authority = `${isIP(targetHost) === 6 ? `[${targetHost}]` : targetHost}:${targetPort}`;
	let isDone = false;
	const finish = (error: Error | null, result: Socket | null) => {
		if (!isDone) {
			isDone = true;
			callback(error, result);
		}
	};

	socket.once('error', error => {
		finish(error, null);
	});
	socket.once('close', () => {
		finish(new ProxyRefusal('the proxy closed the connection without an answer'), null);
	});
	socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
		const credentials = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
		socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${credentials}\r\n`);
	});
	let answer = Buffer.alloc(0);
	const onData = (chunk: Buffer) => {
		answer = Buffer.concat([answer, chunk]);
		const end = answer.indexOf('\r\n\r\n');
		if (end === -1) {
			if (answer.length > largestProxyAnswer) {
				socket.destroy();
				finish(new ProxyRefusal('the proxy\'s answer is too large'), null);
			}

			return;
		}

		socket.off('data', onData);
		const statusLine = answer.toString('latin1', 0, answer.indexOf('\r\n'));
		const status = /^HTTP\/1\.[01] (\d{3})/u.exec(statusLine)?.[1];
		if (status !== '200') {
			socket.destroy();
			finish(new ProxyRefusal(`the proxy refused the connection (${statusLine.replaceAll(/[^\x20-\x7E]/gu, '').slice(0, 80) || 'no answer'})`), null);
			return;
		}

		// Whatever came after the answer belongs to the tunnel.
		const rest = answer.subarray(end + 4);
		if (rest.length > 0) {
			socket.unshift(rest);
		}

		if (target.protocol !== 'https:') {
			finish(null, socket);
			return;
		}

		const servername = target.servername ?? (isIP(targetHost) ? undefined : targetHost);
		const secure = connectTls({socket, ...(servername ? {servername} : {}), ALPNProtocols: ['http/1.1']});
		secure.once('error', error => {
			finish(error, null);
		});
		secure.once('secureConnect', () => {
			// The default check (rejectUnauthorized) has passed, against the server's name: nothing is skipped.
			finish(null, secure);
		});
	};

	socket.on('data', onData);
}

/** A dispatcher for Node's fetch that goes through the proxy at `proxyAddress` (`http://host:port`, `https://…`). */
export async function proxyDispatcher(proxyAddress: string): Promise<unknown> {
	const proxy = new URL(proxyAddress);
	if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
		throw new TypeError(`not an http or https proxy: ${proxy.protocol}`);
	}

	const Agent = await agentClass();
	return new Agent({
		connect(options, callback) {
			connectThroughProxy(proxy, options, callback);
		},
	});
}
