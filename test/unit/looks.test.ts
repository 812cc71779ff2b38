import {describe, expect, it} from 'vitest';
import {isUtf8Locale, shouldUseAscii, shouldUseColor} from '../../source/terminal/looks.js';
import {asciiGlyphs, unicodeGlyphs} from '../../source/text/glyphs.js';
import {createTheme, styleRoles} from '../../source/ui/theme.js';

describe('the locale decides between Unicode and ASCII', () => {
	it.each([
		[{LANG: 'en_US.UTF-8'}, true],
		[{LANG: 'C.UTF-8'}, true],
		[{LANG: 'de_DE.utf8'}, true],
		[{LANG: 'C'}, false],
		[{LANG: 'POSIX'}, false],
		[{LANG: 'en_US.ISO-8859-1'}, false],
		[{}, false],
		[{LANG: ''}, false],
		[{LANG: 'en_US.UTF-8', LC_ALL: 'C'}, false],
		[{LANG: 'C', LC_ALL: 'en_GB.UTF-8'}, true],
		[{LANG: 'C', LC_CTYPE: 'en_GB.UTF-8'}, true],
		[{LANG: 'en_GB.UTF-8', LC_CTYPE: 'C'}, false],
		[{LANG: 'en_GB.UTF-8', LC_ALL: ''}, true],
	])('%j: UTF-8 %s', (environment, isUtf8) => {
		expect(isUtf8Locale(environment)).toBe(isUtf8);
		expect(shouldUseAscii(environment)).toBe(!isUtf8);
	});

	it('lets --ascii, then the config file, overrule the locale', () => {
		expect(shouldUseAscii({LANG: 'C.UTF-8'}, {asciiFlag: true})).toBe(true);
		expect(shouldUseAscii({LANG: 'C.UTF-8'}, {asciiSetting: true})).toBe(true);
		expect(shouldUseAscii({LANG: 'C'}, {asciiSetting: false})).toBe(false);
		expect(shouldUseAscii({LANG: 'C'}, {asciiFlag: true, asciiSetting: false})).toBe(true);
	});
});

describe('colour', () => {
	it.each([
		[{}, {}, true],
		[{NO_COLOR: '1'}, {}, false],
		[{NO_COLOR: 'anything'}, {}, false],
		[{NO_COLOR: ''}, {}, true],
		[{FORCE_COLOR: '0'}, {}, false],
		[{}, {colorFlag: false}, false],
		[{}, {colorSetting: false}, false],
		[{NO_COLOR: '1'}, {colorSetting: true}, true],
		[{}, {colorFlag: false, colorSetting: true}, false],
		[{}, {colorFlag: true}, true],
	])('env %j, choices %j: colour %s', (environment, choices, hasColor) => {
		expect(shouldUseColor(environment, choices)).toBe(hasColor);
	});
});

describe('the theme', () => {
	it('keeps attributes and drops every colour without colour', () => {
		const {styles} = createTheme({hasColor: false, isAscii: false, colors: {selection: 'blue'}});
		for (const role of styleRoles) {
			expect(styles[role], role).not.toHaveProperty('color');
		}

		expect(styles.selection).toEqual({inverse: true});
		expect(styles.statusBar).toEqual({inverse: true});
	});

	it('takes colours by role from the config, and `default` takes one away', () => {
		const {styles} = createTheme({hasColor: true, isAscii: false, colors: {selection: 'blue', kicker: undefined}});
		expect(styles.selection).toEqual({inverse: true, color: 'blue'});
		expect(styles.kicker).toEqual({bold: true});
	});

	it('uses only the basic colours that read on dark and light backgrounds', () => {
		const {styles} = createTheme({hasColor: true, isAscii: false});
		const colors = new Set(styleRoles.map(role => styles[role].color).filter(Boolean));
		expect([...colors].every(color => color === 'red' || color === 'magenta')).toBe(true);
	});

	it('has an ASCII form of every glyph', () => {
		expect(createTheme({hasColor: true, isAscii: true}).glyphs).toBe(asciiGlyphs);
		expect(createTheme({hasColor: true, isAscii: false}).glyphs).toBe(unicodeGlyphs);
		expect(JSON.stringify(asciiGlyphs)).toMatch(/^[\u0020-\u007E]*$/u);
		expect(Object.keys(asciiGlyphs)).toEqual(Object.keys(unicodeGlyphs));
	});
});
