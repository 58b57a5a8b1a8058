// The reference server's 200 body for /test_solution (docs/manufactoria.md §7), as types only: the
// webviews and the rollout records name it without loading the verdict path that builds it (respond.ts).
export interface VerifierResult {
    input: string;
    expected_output: string;
    actual_output: string;
    expected_accepted: boolean;
    actual_accepted: boolean;
    check_output: boolean;
    passed: boolean;
    path: string[];
    rejection_reason: string | null;
    description: string;
}

export type VerifierResponse =
    | { valid: true; all_passed: boolean; results: VerifierResult[] }
    | { valid: false; all_passed: false; message: string; results: [] };
