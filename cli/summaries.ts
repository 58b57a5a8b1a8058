// What each `delta` command does, in one line: listed by `delta --help` without loading any command.
export const SUMMARIES = {
    verify: 'answer verifier requests (JSON Lines) exactly like the reference /test_solution',
    check: 'print the reference verdict for a program: OK or its first error',
    run: 'run one tape: outcome, final tape and path',
    serve: 'serve GET /health and POST /test_solution like the reference verifier',
    bouncingsim: 'BouncingSim: simulate scenes, check rows against the simulator or model answers, generate problems',
    generate: 'generate problems of one family (problem rows or HF rows) as JSON Lines',
    rollouts: 'debug model outputs: re-score rollout dumps of any trainer format (score, summary)',
    test: "run a solution's tests (bound problem and inline # test: lines) with pass_rate and all_pass",
} as const;
