// Prints readme.md's key table from the keymap (scripts/update-readme.js puts it in readme.md).
import {keymapMarkdown} from '../source/input/keymap-markdown.js';

console.log(keymapMarkdown());
