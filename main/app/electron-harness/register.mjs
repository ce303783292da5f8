// Loaded with `node --import` by electron.test.ts: makes `import … from 'electron'` resolve to
// the stand-in beside this file, so the real bundle of the desktop entry runs under plain Node.
import { register } from 'node:module';

register('./resolve.mjs', import.meta.url);
