// Problem loading (docs/manufactoria.md §9): pure Node, no editor dependency.
export { loadProblemFile, parseProblemText, readProblemFile } from './load.js';
export type { FileLoadOptions, LoadResult } from './load.js';
export { formatOf } from './formats.js';
export type { LoadOptions, LoadProgress, ProblemFormat } from './formats.js';
export { formatIssue, problemFromRow } from './problem.js';
export type { LoadIssue, Problem, ProblemSource, RowShape } from './problem.js';
export { ProblemLookup, parseProblemRef, selectProblem } from './selector.js';
export type { ProblemRef, Selection } from './selector.js';
export { colorModeFromCriteria, criteriaFromPrompt } from './criteria.js';
export * from './rows.js';
export { pyJsonDumps } from '../../python/json-dumps.js';
