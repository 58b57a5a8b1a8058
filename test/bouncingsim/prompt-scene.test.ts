// Rebuilding scenes from prompts (spec §8.4, §11.3 item 5).
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../../language/bouncingsim/expression.js';
import { PromptParseError, sceneFromPrompt } from '../../language/bouncingsim/prompt-scene.js';
import { fixtureRows, loadScene, physicsFields } from './fixtures.js';

const rows = fixtureRows();

describe('sceneFromPrompt on the fixture rows', () => {
    it('covers all 36 rows', () => expect(rows).toHaveLength(36));

    it.each(rows.map((r) => [r.row.id, r] as const))('%s: rebuilt scene equals the scene file in every physics field', (_id, { row, scenePath }) => {
        const rebuilt = sceneFromPrompt(row.prompt);
        expect(rebuilt.warnings).toEqual([]);
        expect(physicsFields(rebuilt.scene)).toEqual(physicsFields(loadScene(scenePath)));
        expect(rebuilt.setting).toBe(row.prompt_setting);
        expect(rebuilt.ballCount).toBe(rebuilt.scene.balls.length);
        if (row.prompt_setting === 'list') expect(rebuilt.timestamps).toEqual(row.timestamps);
    });
});

const PAPER_STYLE = `### Scene description
#### Containers
- Container 1: regular polygon with 6 sides, radius 200.00m, center at (750, 750); initial orientation 0.000 rad; constant angular velocity 0.170 rad/s; 2D Lissajous path (ax=80m, ay=70m, fx=0.6Hz, fy=0.9Hz)
- Container 2: regular polygon with 3 sides, radius 100.00m, center at (500, 500); initial orientation 1.571 rad; constant angular velocity = tau / 8 rad/s; piecewise linear oscillation (segments=6, amplitude 12.5m)
- Container 3: regular polygon with 3 sides, radius 100.00m, center at (500, 500); no rotation; 1D sinusoidal translation along y-axis (amplitude 5m, freq 0.3Hz); mystery clause

#### Objects
- Ball 1: circle, radius 20.0m, initial position (700, 720), initial velocity (300 * cos(pi / 3), -1.5) m/s
- Ball 2: regular polygon (5 sides), radius 20.0m, initial position (800, 720), initial velocity (pow(2, 3), 4) m/s, initial angular velocity = sqrt(4) rad/s

### Physics
- constant gravity vector (0.00, -9.80) m/s^2; vertical component oscillates with amplitude 2.50 and frequency 0.50Hz.

### Dynamics
- A container executes a prescribed translation path.
- Gravity varies over time.

### Task
- Number of balls: 2`;

describe('lenient parsing', () => {
    it('accepts the paper wording, expressions, every path kind and a missing spin clause', () => {
        const { scene, warnings, setting } = sceneFromPrompt(PAPER_STYLE);
        expect(setting).toBe('function');
        expect(warnings).toEqual(['container 3: ignored clause "mystery clause"']);
        const [b0, b1, b2] = scene.boxes;
        expect(b0.rotation_speed).toBe(0.17);
        expect(b0.translation_path).toEqual({ type: 'lissajous', ax: 80, ay: 70, fx: 0.6, fy: 0.9 });
        expect(b1.rotation).toBeCloseTo(90.0, 1);
        expect(b1.rotation_speed).toBeCloseTo(Math.PI / 4, 14);
        expect(b1.translation_path).toEqual({ type: 'piecewise', segments: 6, amplitude: 12.5 });
        expect(b2.translation_path).toEqual({ type: 'sin1d', amplitude: 5, axis: 'y', freq: 0.3 });
        const [ball1, ball2] = scene.balls;
        expect(ball1.sides).toBe(0);
        expect(ball1.velocity[0]).toBeCloseTo(150, 12);
        expect(ball1.rotation_affected).toBe(false);
        expect(ball2.velocity).toEqual([8, 4]);
        expect(ball2.angular_velocity).toBe(2);
        expect(ball2.rotation_affected).toBe(true);
        expect(scene.physics).toEqual({ gravity_enabled: true, gravity_x: 0, gravity_y: -9.8 });
        expect(scene.gravity_time_variation).toEqual({ amp: 2.5, freq: 0.5 });
        expect(scene.has_gravity_profile).toBe(true);
    });

    it('reads a rotation profile, including a negative amplitude and the ≈-only form', () => {
        const line = (rot: string) => `### Scene description\n#### Containers\n- Container 1: regular polygon with 7 sides, radius 180.00m, center at (750, 750); initial orientation 0.000 rad; ${rot}\n\n#### Objects\n- No dynamic objects.\n\n### Physics\n- no effective gravity (treated as zero).\n`;
        expect(sceneFromPrompt(line('time-varying angular velocity ω(t)= 1.000 + -0.400·sin(t) rad/s')).scene.outer_rotation_profile).toEqual({ omega_base: 1, omega_amp: -0.4 });
        expect(sceneFromPrompt(line('angular velocity ≈ 2.500 rad/s')).scene.outer_rotation_profile).toEqual({ omega_base: 2.5, omega_amp: 0 });
    });

    it('fails clearly without a scene section or with a broken line', () => {
        expect(() => sceneFromPrompt('hello')).toThrow(PromptParseError);
        expect(() => sceneFromPrompt('### Scene description\n- Ball 1: circle, radius 2m\n')).toThrow(/ball 1: expected "radius/);
        expect(() => sceneFromPrompt('### Scene description\n- Container 1: a blob\n')).toThrow(/unrecognised container line/);
    });
});

describe('edited and hostile prompts', () => {
    const scene = (containers: string, ball: string, physics = '- no effective gravity (treated as zero).') =>
        `### Scene description\n#### Containers\n${containers}\n\n#### Objects\n${ball}\n\n### Physics\n${physics}\n`;
    const box = '- Container 1: regular polygon with 4 sides, radius 200.00m, center at (750, 750); initial orientation 0.000 rad';
    const ball = '- Ball 1: circle, radius 20.0m, initial position (750, 750), initial velocity (10.0, 0.0) m/s';
    const spaces = ' '.repeat(20_000);

    it('reads values with spaces around them and the = form of expressions', () => {
        const r = sceneFromPrompt(scene(`${box}; constant angular velocity =   pi / 4   rad/s`, `${ball}, initial angular velocity ≈  2*pi  rad/s`, '- constant gravity vector (  1.50 ,  -2.00  ) m/s^2.'));
        expect(r.warnings).toEqual([]);
        expect(r.scene.boxes[0].rotation_speed).toBeCloseTo(Math.PI / 4, 14);
        expect(r.scene.balls[0].angular_velocity).toBeCloseTo(2 * Math.PI, 14);
        expect(r.scene.physics).toEqual({ gravity_enabled: true, gravity_x: 1.5, gravity_y: -2 });
    });

    it('reads the spin the prompt writer prints as "angular velocity: …" (a value only the ball\'s evaluator takes)', () => {
        // What scene_to_prompt writes for a ball whose angular_velocity is "round(2.567, 2)".
        const { scene: s, warnings } = sceneFromPrompt(scene(box, `${ball}, angular velocity: round(2.567, 2) rad/s`));
        expect(warnings).toEqual([]);
        expect(s.balls[0]).toMatchObject({ angular_velocity: 2.57, rotation_affected: true });
    });

    // Each of these made a regular expression backtrack over the run of spaces for minutes (the
    // test's time limit is what fails without the fix); now each reads in one pass.
    it('a long run of spaces where a value should be ends at once, with a warning or an error', () => {
        expect(sceneFromPrompt(scene(box, ball, `- constant gravity vector (${spaces}x`)).warnings).toEqual(['no gravity line found; assuming no gravity']);
        expect(sceneFromPrompt(scene(box, `${ball}, initial angular velocity${spaces}x`)).scene.balls[0].rotation_affected).toBe(false);
        expect(sceneFromPrompt(scene(`${box}; constant angular velocity${spaces}x`, ball)).warnings[0]).toMatch(/^container 1: ignored clause "constant angular velocity {100,}… \(20026 characters\)"$/);
        expect(sceneFromPrompt(scene(`${box}${spaces}x`, ball)).scene.boxes[0].diameter).toBe(400);
        expect(sceneFromPrompt(scene(box, `${ball}, ${'initial angular velocity '.repeat(20_000)}`)).scene.balls[0].angular_velocity).toBe(0);
    });

    it('deep nesting is refused where Python refuses it, with its reason, not a JS stack overflow', () => {
        // ast.parse takes 200 nested brackets and 2,989 unary minuses; beyond, SyntaxError / parser overflow.
        expect(evaluateExpression(`${'('.repeat(200)}1${')'.repeat(200)}`, 'ball')).toBe(1);
        expect(() => evaluateExpression(`${'abs('.repeat(201)}1${')'.repeat(201)}`, 'ball')).toThrow(/^too many nested parentheses$/);
        expect(evaluateExpression(`${'-'.repeat(2989)}1`, 'ball')).toBe(-1);
        expect(() => evaluateExpression(`${'-'.repeat(2990)}1`, 'ball')).toThrow(/nested too deeply/);
        expect(() => evaluateExpression(`${'2**'.repeat(100_000)}1`, 'box')).toThrow(/nested too deeply/);
        expect(() => sceneFromPrompt(scene(box, ball.replace('(10.0, 0.0)', `(${'('.repeat(100_000)}1${')'.repeat(100_000)}, 0.0)`))))
            .toThrow(/^ball 1 velocity x: cannot evaluate "\(+… \(200001 characters\)": too many nested parentheses$/);
    });

    it('quotes only the start of a long bad value', () => {
        const name = 'v'.repeat(1_000_000);
        let message = '';
        try {
            sceneFromPrompt(scene(box, ball.replace('(10.0, 0.0)', `(${name}, 0.0)`)));
        } catch (error) {
            message = (error as Error).message;
        }
        expect(message).toMatch(/^ball 1 velocity x: cannot evaluate "v{160}… \(1000000 characters\)": name 'v+… \(\d+ characters\)$/);
        expect(message.length).toBeLessThan(500);
    });
});
