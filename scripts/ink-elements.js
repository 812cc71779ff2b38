// What the components (source/ui/), the static frame (source/terminal/renderer/static-frame.ts) and the first frame
// (source/shell/first-frame.ts) get for `import {Box, Text} from 'ink'` in the bundle (see scripts/build.js): Ink's own
// Box and Text, from their own modules. Ink's index loads all of Ink when imported (its renderer, React's reconciler,
// Yoga's WebAssembly), and the first frame is drawn before any of that is needed. The interface's `from 'ink'` gets
// Ink's index, which exports these same two components.
export {default as Box} from 'ink-component-box';
export {default as Text} from 'ink-component-text';
