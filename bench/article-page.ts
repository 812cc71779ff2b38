// A publisher's story page of about 200 KB, built from generated articles, for measuring how long reading an HTML page
// as one article takes (bench/parse-speed.ts): markup as news sites write it, most of it not the story (scripts, meta,
// navigation, a cookie banner, share bars, related-story and most-read boxes, a long footer).
import type {Article} from '../source/article.js';

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A page of at least `byteCount` bytes whose story is `story`, with `others`' headlines in its boxes. */
export function publisherPage(story: Article, others: readonly Article[], byteCount = 200_000): string {
	const link = (article: Article, index: number) => `<li class="card"><a href="/news/${index}"><img src="/img/${index}.jpg" alt=""><span class="card__title">${escapeHtml(article.headline)}</span></a></li>`;
	const jsonLd = JSON.stringify({
		'@context': 'https://schema.org',
		'@graph': [
			{'@type': 'WebSite', name: 'Bench Gazette', url: 'https://bench.example/'},
			{'@type': 'NewsArticle', headline: story.headline, datePublished: '2026-03-01T08:00:00Z', author: [{'@type': 'Person', name: 'Bench Writer'}], publisher: {'@type': 'Organization', name: 'Bench Gazette'}},
		],
	});
	const head = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(story.headline)} | Bench Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Bench Gazette"><meta property="og:url" content="https://bench.example/story">
<script type="application/ld+json">${jsonLd}</script>
<script>window.__STATE__ = ${JSON.stringify({config: others.slice(0, 40).map(article => ({title: article.headline, tracking: 'x'.repeat(200)}))})};</script>
<style>${'.c{display:flex;margin:0 auto}'.repeat(400)}</style></head>`;
	const chrome = `<div class="cookie-banner"><p>We and our 842 partners use cookies to store and access information on your device.</p><button>Accept</button></div>
<header><nav><ul>${others.slice(0, 30).map((article, index) => `<li><a href="/section/${index}">${escapeHtml(article.headline.split(' ').slice(0, 2).join(' '))}</a></li>`).join('')}</ul></nav></header>`;
	const body = `<main><article><h1>${escapeHtml(story.headline)}</h1><p class="byline">By <a href="/profile/bench">Bench Writer</a></p>
<div class="share"><a href="https://facebook.example/share">Share</a> <a href="https://x.example/share">Post</a> <a href="mailto:?subject=story">Email</a></div>
<div class="article-body">${story.paragraphs.map(paragraph => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}</div></article>`;
	let boxes = '';
	let index = 0;
	while (head.length + chrome.length + body.length + boxes.length < byteCount - 2000) {
		const group = others.slice(index % others.length, (index % others.length) + 12);
		// Most boxes are <div>s, which only Readability tells from the story; some sites use <aside>.
		const element = index % 48 === 0 ? 'aside' : 'div';
		boxes += `<${element} class="related"><h2>More stories</h2><ul>${group.map((article, offset) => link(article, index + offset)).join('')}</ul></${element}>\n`;
		index += 12;
	}

	return `${head}<body>${chrome}${body}${boxes}</main><footer><p>© Bench Gazette</p></footer></body></html>`;
}
