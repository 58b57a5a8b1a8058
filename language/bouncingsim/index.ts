// Public surface of the BouncingSim domain for the extension and the CLI (no `vscode` here).

export * from './scene-types.js';
export { parseScene, parseSceneText, loadSceneFile, SceneError, formatIssue, type SceneIssue, type SceneResult } from './scene-load.js';
export { evaluateExpression, ExpressionError, type ExpressionKind } from './expression.js';
export { regularPolygon, toWorld, apothem, edgeNormal } from './geometry.js';
export { pathPosition, targetAngle, gravityAt, isDriven } from './container-motion.js';
export { DT, STANDARD_TIMESTAMPS, stepCounts } from './step-count.js';
export { simulate, simulateFrames, type Frames, type FrameRequest, type SimulateOptions } from './simulate.js';
export type { Pose } from './stepper.js';
export { sceneFromPrompt, PromptParseError, type PromptScene } from './prompt-scene.js';
export { parseAssert, formatAssert, formatAsserts, assertTime, AssertFormatError, type ParsedAssert, type PromptSetting } from './asserts.js';
export { checkDistance } from './distance.js';
export { parseRows, familyOf, type DatasetRow } from './rows.js';
export { checkRowWithSimulator, rowAsserts, scoreRow, type RowCheck } from './row-check.js';
export { extractProgram } from './python/extract.js';
export { unsafeSubstrings, unsafeOccurrences, UNSAFE_SUBSTRINGS } from './python/safety.js';
export { runProgramChecks, runResponseChecks, PythonNotFoundError, DEFAULT_TIMEOUT_MS, type PythonRunOptions, type ProgramCheck, type AssertRun } from './python/runner.js';
export type { SimJob, SimReply } from './sim-protocol.js';
