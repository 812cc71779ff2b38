import {defaultKeymap, helpSections, keyLabel} from './keymap.js';

/** The default keymap as the Markdown table in readme.md (`npm run readme` writes it there; a test keeps them equal). */
export function keymapMarkdown(): string {
	const rows = helpSections(defaultKeymap).flatMap(section =>
		section.bindings.map(binding => {
			const keys = binding.keys.map(key => '`' + keyLabel(key) + '`').join(' ');
			return `| ${section.title} | ${keys} | ${binding.help} | \`${binding.command}\` |`;
		}),
	);
	return ['| where | keys | what it does | command (for the config file) |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
