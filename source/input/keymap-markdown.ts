import {helpSections, keyLabel} from './keymap.js';

/** The keymap as the Markdown table in readme.md (`npm run readme` writes it there; a test keeps them equal). */
export function keymapMarkdown(): string {
	const rows = helpSections().flatMap(section =>
		section.bindings.map(binding => {
			const keys = binding.keys.map(key => '`' + keyLabel(key) + '`').join(' ');
			return `| ${section.title} | ${keys} | ${binding.help} |`;
		}),
	);
	return ['| where | keys | what it does |', '| --- | --- | --- |', ...rows].join('\n');
}
