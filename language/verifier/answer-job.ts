// One request's CPU work, as a verdict thread receives it: which endpoint, the Content-Type and the
// body bytes in; the whole HTTP answer out (verdict-pool.ts runs it off the HTTP thread).
import type { HttpAnswer } from './fastapi-body.js';
import { answerTestSolution, type AnswerLimits } from './test-solution.js';

export interface AnswerJob {
    route: 'test_solution';
    contentType: string | undefined;
    body: Uint8Array;
}

export type JobLimits = AnswerLimits;

export function answerJob(job: AnswerJob, limits: JobLimits): HttpAnswer {
    return answerTestSolution(job.contentType, job.body, limits);
}
