// Prints readme.md's key table from the keymap: npm run readme:keys
import {keymapMarkdown} from '../source/input/keymap-markdown.js';

console.log(keymapMarkdown());
