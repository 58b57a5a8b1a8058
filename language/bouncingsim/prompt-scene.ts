// Rebuilds a scene from a dataset prompt (docs/bouncingsim.md §8–8.4); rows do not carry the scene JSON.
// Parsing is lenient where the spec says earlier prompt versions differ: `≈`/`=` are optional and
// a ball without a spin clause has no angular velocity. Generated values survive the prompt's
// formatting exactly, so the rebuilt scene simulates like the original file.

import { evaluateExpression, type ExpressionKind } from './expression.js';
import type { PromptSetting } from './asserts.js';
import type { Ball, Box, Scene, TranslationPath } from './scene-types.js';

export class PromptParseError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PromptParseError';
    }
}

export interface PromptScene {
    scene: Scene;
    setting: PromptSetting;
    /** From `Prediction target times:` (list prompts only). */
    timestamps?: number[];
    /** From `Number of balls:`. */
    ballCount?: number;
    /** Clauses that were not understood; the scene is still usable. */
    warnings: string[];
}

const NUM = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;

/** Text of the prompt quoted in a message: its start only when long (an edited prompt may be megabytes). */
function excerpt(text: string, max = 160): string {
    return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
const num = (text: string): number => Number(text);

function value(text: string, kind: ExpressionKind, what: string): number {
    const t = text.trim();
    if (new RegExp(`^${NUM}$`).test(t)) return num(t);
    try {
        return evaluateExpression(t, kind);
    } catch (error) {
        throw new PromptParseError(`${what}: cannot evaluate ${JSON.stringify(excerpt(t))}: ${excerpt((error as Error).message)}`);
    }
}

/** Text inside the parentheses that follow `marker`, respecting nesting (expressions may call functions). */
function parenthesised(line: string, marker: string): string | undefined {
    const at = line.indexOf(marker);
    if (at < 0) return undefined;
    const open = line.indexOf('(', at + marker.length);
    if (open < 0 || line.slice(at + marker.length, open).trim() !== '') return undefined;
    let depth = 0;
    for (let i = open; i < line.length; i++) {
        if (line[i] === '(') depth++;
        else if (line[i] === ')' && --depth === 0) return line.slice(open + 1, i);
    }
    return undefined;
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === ',' && depth === 0) { parts.push(text.slice(start, i)); start = i + 1; }
    }
    parts.push(text.slice(start));
    return parts.map((p) => p.trim());
}

/**
 * The value between `marker` and the next `unit` on the line, without a leading `≈`/`=`:
 * `initial angular velocity ≈ 0.170 rad/s` → `0.170`. Found with string searches: the regular
 * expression this replaces backtracked cubically over a run of spaces (minutes for a few
 * thousand), and an edited prompt may hold anything.
 */
function valueBefore(text: string, marker: string, unit: string): string | undefined {
    const at = text.indexOf(marker);
    if (at < 0) return undefined;
    const end = text.indexOf(unit, at + marker.length);
    if (end < 0) return undefined;
    const inside = text.slice(at + marker.length, end).trim();
    const value = /^[≈=]/.test(inside) ? inside.slice(1).trim() : inside;
    return value === '' ? undefined : value;
}

interface ContainerInfo { box: Box; profile?: { omega_base: number; omega_amp: number } }

function parsePath(part: string): TranslationPath | undefined {
    let m = new RegExp(String.raw`sinusoidal translation along (\w+)-axis\s*\(\s*amplitude\s+(${NUM})\s*m\s*,\s*freq\s+(${NUM})\s*Hz\s*\)`).exec(part);
    if (m) return { type: 'sin1d', amplitude: num(m[2]), axis: m[1], freq: num(m[3]) };
    m = new RegExp(String.raw`Lissajous path\s*\(\s*ax=(${NUM})\s*m\s*,\s*ay=(${NUM})\s*m\s*,\s*fx=(${NUM})\s*Hz\s*,\s*fy=(${NUM})\s*Hz\s*\)`).exec(part);
    if (m) return { type: 'lissajous', ax: num(m[1]), ay: num(m[2]), fx: num(m[3]), fy: num(m[4]) };
    m = new RegExp(String.raw`piecewise linear oscillation\s*\(\s*segments=(${NUM})\s*,\s*amplitude\s+(${NUM})\s*m\s*\)`).exec(part);
    if (m) return { type: 'piecewise', segments: num(m[1]), amplitude: num(m[2]) };
    if (/custom translation path/.test(part)) return { type: 'unknown', name: 'custom' };
    return undefined;
}

function parseContainer(line: string, warnings: string[]): ContainerInfo {
    // Split, then trim: a split on /\s*;\s*/ took seconds over a long run of spaces.
    const [head, ...clauses] = line.split(';').map((part) => part.trim());
    const m = new RegExp(String.raw`Container\s+(\d+):\s*regular polygon with\s+(\d+)\s+sides,\s*radius\s+(${NUM})\s*m\s*,\s*center at\s*\(\s*(${NUM})\s*,\s*(${NUM})\s*\)`).exec(head);
    if (!m) throw new PromptParseError(`unrecognised container line: ${excerpt(line)}`);
    const box: Box = {
        center: [num(m[4]), num(m[5])], diameter: 2 * num(m[3]), sides: num(m[2]),
        rotation: 0, rotation_speed: 0, friction: 0, restitution: 1,
    };
    const info: ContainerInfo = { box };
    for (const clause of clauses) {
        let c: RegExpExecArray | null;
        let speed: string | undefined;
        if ((c = new RegExp(String.raw`^initial orientation\s+(${NUM})\s*rad`).exec(clause))) {
            box.rotation = (num(c[1]) * 180) / Math.PI;
        } else if ((c = new RegExp(String.raw`time-varying angular velocity\s*ω\(t\)\s*=\s*(${NUM})\s*([+-])\s*(${NUM})\s*·\s*sin\(t\)`).exec(clause))) {
            const amp = (c[2] === '-' ? -1 : 1) * num(c[3]);
            info.profile = { omega_base: num(c[1]), omega_amp: amp };
            box.rotation_speed = num(c[1]);
        } else if (clause.startsWith('constant angular velocity') && (speed = valueBefore(clause, 'constant angular velocity', 'rad/s')) !== undefined) {
            box.rotation_speed = value(speed, 'box', `container ${m[1]} angular velocity`);
        } else if ((c = new RegExp(String.raw`^angular velocity\s*(?:[≈=]\s*)?(${NUM})\s*rad\/s`).exec(clause))) {
            // Printed for a profile whose amplitude is ~0.
            info.profile = { omega_base: num(c[1]), omega_amp: 0 };
            box.rotation_speed = num(c[1]);
        } else if (/^no rotation/.test(clause)) {
            box.rotation_speed = 0;
        } else {
            const path = parsePath(clause);
            if (path) box.translation_path = path;
            else warnings.push(`container ${m[1]}: ignored clause "${excerpt(clause)}"`);
        }
    }
    return info;
}

function parseBall(line: string): Ball {
    const head = /Ball\s+(\d+):\s*(circle|regular polygon\s*\(\s*(\d+)\s*sides\s*\))/.exec(line);
    if (!head) throw new PromptParseError(`unrecognised ball line: ${excerpt(line)}`);
    const label = `ball ${head[1]}`;
    const radius = new RegExp(String.raw`radius\s+(${NUM})\s*m\b`).exec(line);
    const position = new RegExp(String.raw`initial position\s*\(\s*(${NUM})\s*,\s*(${NUM})\s*\)`).exec(line);
    const velocityText = parenthesised(line, 'initial velocity');
    if (!radius || !position || velocityText === undefined) {
        throw new PromptParseError(`${label}: expected "radius …m, initial position (x, y), initial velocity (vx, vy)" in: ${excerpt(line)}`);
    }
    const v = splitTopLevel(velocityText);
    if (v.length !== 2) throw new PromptParseError(`${label}: initial velocity must have two components: (${excerpt(velocityText)})`);
    // A ball rotates freely iff the prompt gives it a non-zero angular velocity (§8.4).
    // `angular velocity: {value} rad/s` is what the prompt writer prints for a value its own
    // evaluator rejects but the ball's accepts (`round(2.567, 2)`): the ball spins all the same.
    const spin = valueBefore(line, 'initial angular velocity', 'rad/s') ?? valueBefore(line, 'angular velocity:', 'rad/s');
    const angular = spin !== undefined ? value(spin, 'ball', `${label} angular velocity`) : 0;
    return {
        position: [num(position[1]), num(position[2])],
        velocity: [value(v[0], 'ball', `${label} velocity x`), value(v[1], 'ball', `${label} velocity y`)],
        radius: num(radius[1]),
        sides: head[3] !== undefined ? num(head[3]) : 0,
        angular_velocity: angular,
        density: 1, restitution: 1,
        rotation_affected: angular !== 0,
        color: [255, 0, 0],
    };
}

/**
 * The two components of `constant gravity vector (gx, gy) m/s^2`, split at the first comma (a
 * regular expression with a lazy group between optional spaces took minutes over a run of spaces).
 */
function gravityComponents(block: string): [string, string] | undefined {
    const m = /constant gravity vector\s*\(([^()]*)\)\s*m\/s\^?2/.exec(block);
    if (!m) return undefined;
    const comma = m[1].indexOf(',');
    if (comma < 0) return undefined;
    const gx = m[1].slice(0, comma).trim();
    const gy = m[1].slice(comma + 1).trim();
    return gx && gy ? [gx, gy] : undefined;
}

/** Lines starting with `- <prefix>` inside the scene block. */
function bullets(block: string, prefix: RegExp): string[] {
    return block.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('- ') && prefix.test(l.slice(2))).map((l) => l.slice(2));
}

export function sceneFromPrompt(prompt: string): PromptScene {
    const start = prompt.indexOf('### Scene description');
    if (start < 0) throw new PromptParseError('no "### Scene description" section in the prompt');
    const endMatch = /\n### (Conventions|Task)\b/.exec(prompt.slice(start));
    const block = endMatch ? prompt.slice(start, start + endMatch.index) : prompt.slice(start);
    const warnings: string[] = [];

    const containers = bullets(block, /^Container\s+\d+:/).map((l) => parseContainer(l, warnings));
    const balls = bullets(block, /^Ball\s+\d+:/).map(parseBall);
    if (containers.length === 0 && !/No containers\./.test(block)) warnings.push('no container lines found');
    if (balls.length === 0 && !/No dynamic objects\./.test(block)) warnings.push('no ball lines found');

    const scene: Scene = {
        physics: { gravity_enabled: false, gravity_x: 0, gravity_y: 0 },
        boxes: containers.map((c) => c.box),
        balls,
        has_gravity_profile: /Gravity varies over time\./.test(block),
        meta: {},
    };
    const gravity = gravityComponents(block);
    if (gravity) {
        scene.physics = { gravity_enabled: true, gravity_x: value(gravity[0], 'box', 'gravity x'), gravity_y: value(gravity[1], 'box', 'gravity y') };
    } else if (!/no effective gravity/.test(block)) {
        warnings.push('no gravity line found; assuming no gravity');
    }
    const variation = new RegExp(String.raw`vertical component oscillates with amplitude\s+(${NUM})\s+and frequency\s+(${NUM})\s*Hz`).exec(block);
    if (variation) {
        scene.gravity_time_variation = { amp: num(variation[1]), freq: num(variation[2]) };
        scene.has_gravity_profile = true;
    }
    const profile = containers.find((c) => c.profile)?.profile;
    if (profile) scene.outer_rotation_profile = profile;
    else if (/Outer container rotation varies with time\./.test(block)) warnings.push('the rotation profile is announced but no container states ω(t)');

    const meta: Record<string, unknown> = {};
    if (scene.outer_rotation_profile) meta.outer_rotation_profile = { ...scene.outer_rotation_profile };
    if (scene.has_gravity_profile) meta.gravity_profile = scene.gravity_time_variation ? { time_variation: { ...scene.gravity_time_variation } } : {};
    scene.meta = meta;

    const result: PromptScene = { scene, setting: 'function', warnings };
    const times = /Prediction target times:\s*([^\n(]*)/.exec(prompt);
    if (times) {
        result.setting = 'list';
        result.timestamps = times[1].split(',').map((s) => s.trim().replace(/s$/, '')).filter(Boolean).map(Number);
    } else if (/predict_position\(\)/.test(prompt)) {
        result.setting = 'list';
    }
    const count = /Number of balls:\s*(\d+)/.exec(prompt);
    if (count) {
        result.ballCount = Number(count[1]);
        if (result.ballCount !== balls.length) warnings.push(`prompt says ${result.ballCount} balls but describes ${balls.length}`);
    }
    return result;
}
