// The test plan of each label (dataset/scoring/score.ts labelPlan: the label decoded when it is a
// JSON string, validated as the verifier validates it), kept per label: every rollout of a problem
// carries the same label, and its validation cost about as much as running the program's tests.
// Unlike the verdict memo (verdict-memo.ts) this never skips a run: each program is still run on
// every test. Lists are kept by identity, so a label must not be changed once scored (rows parsed
// by the readers are never changed; readers/row-parse.ts hands out one value per label text).
import { labelPlan, type LabelPlan } from '../dataset/scoring/score.js';

/** Bound on the JSON-string labels kept (UTF-16 bytes of their texts); when full they are forgotten. */
const MAX_STRING_BYTES = 16 * 1024 * 1024;

export class LabelPlans {
    private objects = new WeakMap<object, LabelPlan>();
    private strings = new Map<string, LabelPlan>();
    private stringBytes = 0;

    get(label: unknown): LabelPlan {
        if (typeof label === 'object' && label !== null) {
            let plan = this.objects.get(label);
            if (!plan) this.objects.set(label, (plan = labelPlan(label)));
            return plan;
        }
        if (typeof label !== 'string') return labelPlan(label);
        let plan = this.strings.get(label);
        if (!plan) {
            plan = labelPlan(label);
            if (this.stringBytes + 2 * label.length > MAX_STRING_BYTES) {
                this.strings.clear();
                this.stringBytes = 0;
            }
            this.strings.set(label, plan);
            this.stringBytes += 2 * label.length + 64;
        }
        return plan;
    }
}
