// The backtracking engine: sre's matching rules (capture marks and when they are restored, repeat
// contexts, zero-width protection, atomic commits) over the engine graph.
import { isWord } from '../unicode/index.js';
import { isWordAscii } from './ascii-classes.js';
import { type CharTest } from './char-tests.js';
import { type EngineNode, SUCCESS, type UntilNode } from './engine-graph.js';
import { PythonRegexRuntimeError } from './errors.js';
import { MAXREPEAT } from './sre-constants.js';

interface RepeatContext {
    count: number;
    readonly prev: RepeatContext | null;
    /** Where the latest iteration started (-1: none); an iteration that ends there was empty. */
    lastPtr: number;
}

type RepeatOneNode = Extract<EngineNode, { k: 'repeatOne' }>;
type Resume = { ptr: number; top: boolean };
type MarkState = { saved: number; marks: number[] | null };

/** A pending choice or cleanup, popped when the match fails from here on (sre's context stack). */
type Frame =
    | ({ k: 'branch'; alts: EngineNode[]; index: number } & Resume & MarkState)
    | ({ k: 'greedyOne' | 'lazyOne'; node: RepeatOneNode; count: number } & Resume & MarkState)
    | { k: 'repeatExit' | 'tailExit'; context: RepeatContext }
    | { k: 'countUndo'; context: RepeatContext; count: number }
    | ({ k: 'greedyIteration'; node: UntilNode; context: RepeatContext; count: number; previousStart: number } & Resume & MarkState)
    | ({ k: 'lazyTail'; node: UntilNode; context: RepeatContext; count: number; outer: RepeatContext | null } & Resume & MarkState)
    | { k: 'lazyIteration'; context: RepeatContext; count: number; previousStart: number }
    | Barrier;

/** A sub-match (atomic group, assertion, possessive iteration): its first success commits. */
type Barrier = { k: 'barrier'; node: EngineNode; repeat: RepeatContext | null } & Resume &
    (
        | { kind: 'atomic' | 'assert' }
        | ({ kind: 'assertNot' } & MarkState)
        | ({ kind: 'possessive'; count: number; previous: number; more: boolean } & MarkState)
    );

/**
 * One fullmatch attempt, following sre's rules. Captures live in `marks` (start and end of group g at
 * 2(g-1) and 2(g-1)+1) with `lastmark` the highest valid index; backtracking restores them only where sre
 * does, which decides what backreferences and conditionals see. Choice points live on an explicit stack,
 * so long texts cannot exhaust the JS call stack.
 */
export class Matcher {
    private readonly marks: number[] = [];
    private lastmark = -1;
    private repeat: RepeatContext | null = null;
    private readonly stack: Frame[] = [];
    private node: EngineNode = SUCCESS;
    private ptr = 0;
    /** Whether a success here ends the whole match (false inside sub-matches). */
    private top = true;

    constructor(private readonly text: readonly number[]) {}

    fullmatch(start: EngineNode): boolean {
        this.node = start;
        for (;;) {
            if (this.forward()) break;
            if (!this.backtrack()) return false;
        }
        this.checkSpans();
        return true;
    }

    /** What CPython checks while building the match object. */
    private checkSpans(): void {
        for (let j = 0; j + 1 <= this.lastmark; j += 2) {
            const start = this.marks[j] ?? -1;
            const stop = this.marks[j + 1] ?? -1;
            if (start >= 0 && stop >= 0 && start > stop) {
                throw new PythonRegexRuntimeError('The span of capturing group is wrong, please report a bug for the re module.');
            }
        }
    }

    /** Runs forward until the whole match succeeds (true) or something fails (false). */
    private forward(): boolean {
        const text = this.text;
        const end = text.length;
        for (;;) {
            const node = this.node;
            switch (node.k) {
                case 'char':
                    if (this.ptr >= end || !node.test(text[this.ptr])) return false;
                    this.ptr++;
                    this.node = node.next;
                    continue;
                case 'at':
                    if (!this.at(node, this.ptr)) return false;
                    this.node = node.next;
                    continue;
                case 'mark':
                    this.setMark(node.index, this.ptr);
                    this.node = node.next;
                    continue;
                case 'ref': {
                    const after = this.backreference(node.group, node.fold, this.ptr);
                    if (after < 0) return false;
                    this.ptr = after;
                    this.node = node.next;
                    continue;
                }
                case 'exists':
                    this.node = this.groupSpan(node.group) ? node.yes : node.no;
                    continue;
                case 'success':
                    // fullmatch: only the outermost success must reach the end of the text.
                    if (this.top) return this.ptr === end;
                    if (!this.subMatchSucceeded()) return false;
                    continue;
                case 'branch':
                    this.stack.push({ k: 'branch', alts: node.alts, index: 1, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
                    this.node = node.alts[0];
                    continue;
                case 'repeatOne':
                    if (!this.repeatOne(node)) return false;
                    continue;
                case 'repeat': {
                    const context: RepeatContext = { count: -1, prev: this.repeat, lastPtr: -1 };
                    this.stack.push({ k: 'repeatExit', context });
                    this.repeat = context;
                    this.node = node.until;
                    continue;
                }
                case 'until':
                    if (node.lazy) this.lazyUntil(node);
                    else this.greedyUntil(node);
                    continue;
                case 'possessive':
                    this.possessiveStep({ k: 'barrier', kind: 'possessive', node, ptr: this.ptr, top: this.top, repeat: this.repeat, count: 0, previous: -1, more: false, saved: -1, marks: null });
                    continue;
                case 'atomic':
                    this.enterSubMatch({ k: 'barrier', kind: 'atomic', node, ptr: this.ptr, top: this.top, repeat: this.repeat }, node.body, this.ptr);
                    continue;
                case 'assert':
                    if (this.ptr < node.back) {
                        if (!node.negate) return false;
                        this.node = node.next;
                        continue;
                    }
                    if (node.negate) {
                        this.enterSubMatch({ k: 'barrier', kind: 'assertNot', node, ptr: this.ptr, top: this.top, repeat: this.repeat, ...this.markState(!!this.repeat) }, node.body, this.ptr - node.back);
                    } else {
                        this.enterSubMatch({ k: 'barrier', kind: 'assert', node, ptr: this.ptr, top: this.top, repeat: this.repeat }, node.body, this.ptr - node.back);
                    }
                    continue;
            }
        }
    }

    /** Pops frames until one offers another way forward (true) or none is left (false). */
    private backtrack(): boolean {
        const stack = this.stack;
        while (stack.length) {
            const frame = stack[stack.length - 1];
            switch (frame.k) {
                case 'branch':
                    this.restoreMarks(frame);
                    if (frame.index < frame.alts.length) return this.resume(frame.alts[frame.index++], frame);
                    break;
                case 'greedyOne':
                    this.restoreMarks(frame);
                    frame.count--;
                    frame.ptr--;
                    if (frame.count >= frame.node.min) return this.resume(frame.node.next, frame);
                    break;
                case 'lazyOne': {
                    this.restoreMarks(frame);
                    const { node } = frame;
                    if (frame.ptr >= this.text.length || !node.test(this.text[frame.ptr])) break;
                    frame.ptr++;
                    frame.count++;
                    if (node.max === MAXREPEAT || frame.count <= node.max) return this.resume(node.next, frame);
                    break;
                }
                case 'repeatExit':
                    this.repeat = frame.context.prev;
                    break;
                case 'tailExit':
                    this.repeat = frame.context;
                    break;
                case 'countUndo':
                    frame.context.count = frame.count - 1;
                    break;
                case 'greedyIteration':
                    // No further iteration from here: restore, then try what follows the loop.
                    stack.pop();
                    frame.context.lastPtr = frame.previousStart;
                    this.restoreMarks(frame);
                    frame.context.count = frame.count - 1;
                    this.ptr = frame.ptr;
                    this.top = frame.top;
                    this.enterTail(frame.node, frame.context);
                    return true;
                case 'lazyTail':
                    stack.pop();
                    if (this.lazyIteration(frame)) return true;
                    continue;
                case 'lazyIteration':
                    frame.context.lastPtr = frame.previousStart;
                    frame.context.count = frame.count - 1;
                    break;
                case 'barrier':
                    stack.pop();
                    if (this.subMatchFailed(frame)) return true;
                    continue;
            }
            stack.pop();
        }
        return false;
    }

    private resume(node: EngineNode, at: Resume): true {
        this.node = node;
        this.ptr = at.ptr;
        this.top = at.top;
        return true;
    }

    private markState(withMarks: boolean): MarkState {
        return { saved: this.lastmark, marks: withMarks ? this.snapshot() : null };
    }

    private restoreMarks(state: MarkState): void {
        if (state.marks) for (let i = 0; i < state.marks.length; i++) this.marks[i] = state.marks[i];
        this.lastmark = state.saved;
    }

    private setMark(index: number, ptr: number): void {
        if (index > this.lastmark) {
            for (let j = this.lastmark + 1; j < index; j++) this.marks[j] = -1;
            this.lastmark = index;
        }
        this.marks[index] = ptr;
    }

    private snapshot(): number[] | null {
        return this.lastmark >= 0 ? this.marks.slice(0, this.lastmark + 1) : null;
    }

    /** [start, end) of a group that sre considers set, or null. */
    private groupSpan(group: number): [number, number] | null {
        const index = (group - 1) * 2;
        if (index >= this.lastmark) return null;
        const start = this.marks[index] ?? -1;
        const stop = this.marks[index + 1] ?? -1;
        return start < 0 || stop < 0 || stop < start ? null : [start, stop];
    }

    private backreference(group: number, fold: ((cp: number) => number) | null, ptr: number): number {
        const span = this.groupSpan(group);
        if (!span) return -1;
        const text = this.text;
        for (let p = span[0]; p < span[1]; p++, ptr++) {
            if (ptr >= text.length) return -1;
            const same = fold ? fold(text[ptr]) === fold(text[p]) : text[ptr] === text[p];
            if (!same) return -1;
        }
        return ptr;
    }

    private at(node: Extract<EngineNode, { k: 'at' }>, ptr: number): boolean {
        const text = this.text;
        const end = text.length;
        switch (node.at) {
            case 'BEGINNING':
                return ptr === 0 || (node.multiline && text[ptr - 1] === 0x0a);
            case 'BEGINNING_STRING':
                return ptr === 0;
            case 'END':
                return node.multiline ? ptr === end || text[ptr] === 0x0a : ptr === end || (ptr === end - 1 && text[ptr] === 0x0a);
            case 'END_STRING':
                return ptr === end;
            case 'BOUNDARY':
            case 'NON_BOUNDARY': {
                // sre: neither holds in an empty text.
                if (end === 0) return false;
                const word = node.unicode ? isWord : isWordAscii;
                const before = ptr > 0 && word(text[ptr - 1]);
                const after = ptr < end && word(text[ptr]);
                return (before !== after) === (node.at === 'BOUNDARY');
            }
        }
    }

    private countOne(test: CharTest, ptr: number, max: number): number {
        const limit = max === MAXREPEAT ? this.text.length : Math.min(this.text.length, ptr + max);
        let p = ptr;
        while (p < limit && test(this.text[p])) p++;
        return p - ptr;
    }

    /** A loop over one character: greedy tries the longest run first, lazy the shortest; possessive keeps the longest. */
    private repeatOne(node: RepeatOneNode): boolean {
        const ptr = this.ptr;
        if (node.min > this.text.length - ptr) return false;
        const count = this.countOne(node.test, ptr, node.kind === 'MIN' ? node.min : node.max);
        if (count < node.min) return false;
        this.ptr = ptr + count;
        this.node = node.next;
        if (node.kind !== 'POSSESSIVE') {
            // Inside a repeat, sre also restores the marks themselves when it backtracks here.
            this.stack.push({ k: node.kind === 'MAX' ? 'greedyOne' : 'lazyOne', node, count, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
        }
        return true;
    }

    /** Reached after each iteration of a greedy loop (and once before the first). */
    private greedyUntil(node: UntilNode): void {
        const context = this.repeat!;
        const count = context.count + 1;
        if (count < node.min) return this.iterate(node, context, count);
        // Another iteration, unless the maximum is reached or the last iteration matched nothing.
        if ((count < node.max || node.max === MAXREPEAT) && this.ptr !== context.lastPtr) {
            context.count = count;
            this.stack.push({ k: 'greedyIteration', node, context, count, previousStart: context.lastPtr, ptr: this.ptr, top: this.top, ...this.markState(true) });
            context.lastPtr = this.ptr;
            this.node = node.body;
            return;
        }
        this.enterTail(node, context);
    }

    /** Reached after each iteration of a lazy loop: the tail first, then (on failure) one more iteration. */
    private lazyUntil(node: UntilNode): void {
        const context = this.repeat!;
        const count = context.count + 1;
        if (count < node.min) return this.iterate(node, context, count);
        this.repeat = context.prev;
        this.stack.push({ k: 'lazyTail', node, context, count, outer: this.repeat, ptr: this.ptr, top: this.top, ...this.markState(!!this.repeat) });
        this.node = node.next;
    }

    private lazyIteration(frame: Extract<Frame, { k: 'lazyTail' }>): boolean {
        const { node, context, count } = frame;
        this.repeat = context;
        if (frame.outer) this.restoreMarks(frame);
        else this.lastmark = frame.saved;
        if ((count >= node.max && node.max !== MAXREPEAT) || frame.ptr === context.lastPtr) return false;
        context.count = count;
        this.stack.push({ k: 'lazyIteration', context, count, previousStart: context.lastPtr });
        context.lastPtr = frame.ptr;
        return this.resume(node.body, frame);
    }

    /** A mandatory iteration (count below the minimum). */
    private iterate(node: UntilNode, context: RepeatContext, count: number): void {
        context.count = count;
        this.stack.push({ k: 'countUndo', context, count });
        this.node = node.body;
    }

    private enterTail(node: UntilNode, context: RepeatContext): void {
        this.stack.push({ k: 'tailExit', context });
        this.repeat = context.prev;
        this.node = node.next;
    }

    private enterSubMatch(barrier: Barrier, body: EngineNode, ptr: number): void {
        this.stack.push(barrier);
        this.node = body;
        this.ptr = ptr;
        this.top = false;
    }

    /** A possessive loop: each iteration is a sub-match that commits, and iterations are never given back. */
    private possessiveStep(frame: Extract<Barrier, { kind: 'possessive' }>): void {
        const node = frame.node as Extract<EngineNode, { k: 'possessive' }>;
        if (frame.count < node.min) {
            frame.more = false;
            return this.enterSubMatch(frame, node.body, frame.ptr);
        }
        if ((frame.count < node.max || node.max === MAXREPEAT) && frame.ptr !== frame.previous) {
            Object.assign(frame, this.markState(true), { previous: frame.ptr, more: true });
            return this.enterSubMatch(frame, node.body, frame.ptr);
        }
        this.resume(node.next, frame);
    }

    /** The body of the innermost sub-match reached its end: drop its choices and continue after it. */
    private subMatchSucceeded(): boolean {
        const end = this.ptr;
        let frame = this.stack.pop()!;
        while (frame.k !== 'barrier') frame = this.stack.pop()!;
        this.repeat = frame.repeat;
        const node = frame.node as Extract<EngineNode, { k: 'atomic' | 'assert' | 'possessive' }>;
        switch (frame.kind) {
            case 'atomic':
                return this.resume(node.next, { ptr: end, top: frame.top });
            case 'assert':
                return this.resume(node.next, frame);
            case 'assertNot':
                return false;
            case 'possessive':
                frame.ptr = end;
                frame.count++;
                this.possessiveStep(frame);
                return true;
        }
    }

    /** The body of a sub-match failed: true when that lets the match go on. */
    private subMatchFailed(frame: Barrier): boolean {
        const node = frame.node as Extract<EngineNode, { k: 'assert' | 'possessive' }>;
        switch (frame.kind) {
            case 'atomic':
            case 'assert':
                return false;
            case 'assertNot':
                this.restoreMarks(frame);
                return this.resume(node.next, frame);
            case 'possessive':
                if (!frame.more) return false;
                this.restoreMarks(frame);
                return this.resume(node.next, { ptr: frame.previous, top: frame.top });
        }
    }
}
