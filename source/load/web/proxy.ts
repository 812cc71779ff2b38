/*
Which proxy a request goes through, as curl chooses it: `https_proxy`/`HTTPS_PROXY` for https addresses,
`http_proxy` (and `HTTP_PROXY`) for http ones, none for hosts that `no_proxy`/`NO_PROXY` names. Pure: the environment
is passed in.
*/

/** The environment variables that matter here, as `process.env` holds them. */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** The first of `names` set to something other than blanks. */
function variable(environment: ProxyEnvironment, ...names: string[]): string | undefined {
	for (const name of names) {
		const value = environment[name]?.trim();
		if (value) {
			return value;
		}
	}

	return undefined;
}

/** Whether any proxy variable is set: only then is the proxy code loaded. */
export function hasProxyVariables(environment: ProxyEnvironment): boolean {
	return variable(environment, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY') !== undefined;
}

const defaultPorts: Readonly<Record<string, string>> = {'http:': '80', 'https:': '443'};

/** A host as no_proxy compares it: lower case, without the brackets of an IPv6 address or a final dot. */
function normalHost(host: string): string {
	return host.toLowerCase().replace(/^\[(.*)\]$/u, '$1').replace(/\.$/u, '');
}

/**
 * Whether `no_proxy` exempts `url` from the proxy, as curl reads it: a comma-separated list of hosts, each matching
 * itself and its subdomains (a leading dot or `*.` is the same), optionally with `:port`; `*` alone matches every
 * host; IP addresses match exactly, or a CIDR range (`10.0.0.0/8`) the addresses in it.
 */
export function isExemptFromProxy(url: URL, noProxy: string | undefined): boolean {
	if (!noProxy) {
		return false;
	}

	const host = normalHost(url.hostname);
	const port = url.port || defaultPorts[url.protocol] || '';
	for (const rawEntry of noProxy.split(/[\s,]+/u)) {
		const entry = rawEntry.trim().toLowerCase();
		if (entry === '') {
			continue;
		}

		if (entry === '*') {
			return true;
		}

		const {entryHost, entryPort} = splitPort(entry);
		if (entryPort !== undefined && entryPort !== port) {
			continue;
		}

		const pattern = normalHost(entryHost.replace(/^\*?\./u, ''));
		if (pattern === '') {
			continue;
		}

		if (pattern.includes('/') ? isInRange(host, pattern) : host === pattern || host.endsWith(`.${pattern}`)) {
			return true;
		}
	}

	return false;
}

/** `host:port` (or `[v6]:port`) split in two; a bare IPv6 address has no port. */
function splitPort(entry: string): {entryHost: string; entryPort: string | undefined} {
	const bracketed = /^(\[[^\]]*\])(?::(\d+))?$/u.exec(entry);
	if (bracketed) {
		return {entryHost: bracketed[1]!, entryPort: bracketed[2]};
	}

	const colonCount = entry.split(':').length - 1;
	if (colonCount === 1) {
		const [entryHost, entryPort] = entry.split(':') as [string, string];
		return {entryHost, entryPort: /^\d+$/u.test(entryPort) ? entryPort : undefined};
	}

	return {entryHost: entry, entryPort: undefined};
}

/** Whether the IPv4 address `host` lies in the CIDR range `range` (`10.0.0.0/8`); IPv6 ranges are not matched. */
function isInRange(host: string, range: string): boolean {
	const [base, bitText] = range.split('/') as [string, string];
	const address = ipv4Number(host);
	const baseAddress = ipv4Number(base);
	const bits = Number(bitText);
	if (address === undefined || baseAddress === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) {
		return false;
	}

	const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
	return ((address & mask) >>> 0) === ((baseAddress & mask) >>> 0);
}

function ipv4Number(text: string): number | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || parts.some(part => !/^\d{1,3}$/u.test(part) || Number(part) > 255)) {
		return undefined;
	}

	return parts.reduce((sum, part) => (sum * 256) + Number(part), 0);
}

/**
 * The proxy for `url`, as curl picks it: none when no_proxy exempts the host; else `https_proxy` for https and
 * `http_proxy` for http (curl reads only the lower-case `http_proxy`, since `HTTP_PROXY` can be set by a CGI request's
 * `Proxy:` header; Broadsheet is no CGI program, so it reads both), falling back to `all_proxy`. A proxy written
 * without a scheme is an http proxy.
 */
export function proxyFor(url: URL, environment: ProxyEnvironment): string | undefined {
	if (isExemptFromProxy(url, variable(environment, 'no_proxy', 'NO_PROXY'))) {
		return undefined;
	}

	const proxy = url.protocol === 'https:'
		? variable(environment, 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY')
		: variable(environment, 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY');
	if (proxy === undefined) {
		return undefined;
	}

	return /^[a-z][a-z\d+.-]*:\/\//iu.test(proxy) ? proxy : `http://${proxy}`;
}
