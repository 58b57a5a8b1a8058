// Loaded with --import in every vitest worker (vitest.config.ts): TypeScript sources load natively.
// Node ≥ 22.15 runs the hooks in this thread (module.registerHooks); Node 20 in a hooks thread.
import module from 'node:module';
import { loadSync, resolveSync } from './ts-loader.mjs';

if (typeof module.registerHooks === 'function') module.registerHooks({ resolve: resolveSync, load: loadSync });
else module.register('./ts-loader.mjs', import.meta.url);
