// Loaded with --import in every vitest worker (vitest.config.ts): TypeScript sources load natively.
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
