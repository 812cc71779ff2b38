// Prints readme.md's troubleshooting table from the bad-input matrix (scripts/update-readme.js puts it in readme.md).
import {badInputMarkdown} from '../test/helpers/bad-inputs.js';

console.log(badInputMarkdown());
