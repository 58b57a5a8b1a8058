// Public surface of the problem-family generators (docs/manufactoria.md §10).
export { FAMILIES, FAMILY_NAMES, generateRows, getFamily, isFamilyName, parameterCount } from './registry.js';
export type { FamilyName, GenerateOptions } from './registry.js';
export { buildRow, availableNodes } from './row.js';
export { toHfRow, promptVariant } from './hf-row.js';
export { promptFor, PROMPT_BODY_ORIGIN } from './prompt-template.js';
export { buildCases, acceptanceCases, outputCases, MAX_CASES } from './case-builder.js';
export { Rng } from './prng.js';
export { pyTitle, pyReplace } from '../../python/string-methods.js';
export { tapeToValue, valueToTape } from './binary.js';
export { pyIsoformat, parsePyIsoformat } from './timestamps.js';
export { LEVELS, COLOR_MODES, COLORS } from './types.js';
export type { Level, ColorMode, Family, AcceptanceFamily, OutputFamily, ProblemText, CaseContext } from './types.js';
