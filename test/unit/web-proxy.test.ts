import {describe, expect, test} from 'vitest';
import {isExemptFromProxy, proxyFor} from '../../source/load/web/proxy.js';

describe('NO_PROXY, as curl reads it', () => {
	test.each([
		['example.org', 'https://example.org/feed', true],
		['example.org', 'https://news.example.org/feed', true],
		['example.org', 'https://badexample.org/feed', false],
		['.example.org', 'https://news.example.org/feed', true],
		['*.example.org', 'https://news.example.org/feed', true],
		['*', 'https://anything.test/', true],
		['other.test, example.org', 'http://example.org/', true],
		['other.test example.org', 'http://example.org/', true],
		['example.org:8080', 'http://example.org:8080/', true],
		['example.org:8080', 'http://example.org/', false],
		['example.org:443', 'https://example.org/', true],
		['EXAMPLE.ORG', 'https://example.org/', true],
		['127.0.0.1', 'http://127.0.0.1:5000/', true],
		['10.0.0.0/8', 'http://10.2.3.4/', true],
		['10.0.0.0/8', 'http://11.2.3.4/', false],
		['[::1]', 'http://[::1]:8080/', true],
		['::1', 'http://[::1]/', true],
		['', 'http://example.org/', false],
	])('NO_PROXY=%j for %s: exempt %s', (noProxy, url, isExempt) => {
		expect(isExemptFromProxy(new URL(url), noProxy)).toBe(isExempt);
	});
});

describe('which proxy an address goes through', () => {
	test('https addresses use HTTPS_PROXY, http ones HTTP_PROXY, lower case first', () => {
		const environment = {HTTPS_PROXY: 'http://secure:3128', http_proxy: 'http://plain:3128', HTTP_PROXY: 'http://upper:3128'};
		expect(proxyFor(new URL('https://example.org/'), environment)).toBe('http://secure:3128');
		expect(proxyFor(new URL('http://example.org/'), environment)).toBe('http://plain:3128');
	});

	test('a proxy written without a scheme is an http proxy; none set, none used', () => {
		expect(proxyFor(new URL('https://example.org/'), {https_proxy: 'proxy.local:8080'})).toBe('http://proxy.local:8080');
		expect(proxyFor(new URL('https://example.org/'), {})).toBeUndefined();
		expect(proxyFor(new URL('https://example.org/'), {https_proxy: '  '})).toBeUndefined();
	});

	test('no_proxy (either case) exempts a host', () => {
		expect(proxyFor(new URL('https://feeds.example.org/'), {https_proxy: 'http://p:1', no_proxy: 'example.org'})).toBeUndefined();
		expect(proxyFor(new URL('https://feeds.example.org/'), {https_proxy: 'http://p:1', NO_PROXY: 'example.org'})).toBeUndefined();
		expect(proxyFor(new URL('https://other.test/'), {https_proxy: 'http://p:1', NO_PROXY: 'example.org'})).toBe('http://p:1');
	});
});
