// Scene model (docs/bouncingsim.md §2). Two layers: `SceneJson` mirrors the file as written (everything optional,
// expressions allowed); `Scene` is the resolved form the simulator consumes (defaults applied,
// expressions evaluated, `radius` alias folded into `diameter`). Keys keep the JSON's snake_case so
// a field path in an error message is the same word the user sees in the file.

export type Vec2Tuple = [number, number];

/** A number or a string expression (docs/bouncingsim.md §2). */
export type NumberOrExpr = number | string;

export interface Sin1dPathJson { type: 'sin1d'; amplitude?: number; axis?: string; freq?: number }
export interface LissajousPathJson { type: 'lissajous'; ax?: number; ay?: number; fx?: number; fy?: number }
export interface PiecewisePathJson { type: 'piecewise'; segments?: number; amplitude?: number }
export type TranslationPathJson = Sin1dPathJson | LissajousPathJson | PiecewisePathJson | { type: string; [key: string]: unknown };

export interface PhysicsJson { gravity_enabled?: boolean; gravity_x?: number; gravity_y?: number }

export interface BoxJson {
    center: Vec2Tuple;
    diameter?: number;
    /** Alias accepted by the prompt writer: diameter = 2·radius. */
    radius?: number;
    sides: number;
    rotation?: number;
    rotation_speed?: NumberOrExpr;
    friction?: number;
    restitution?: number;
    translation_path?: TranslationPathJson;
}

export interface BallJson {
    position?: Vec2Tuple;
    velocity?: [NumberOrExpr, NumberOrExpr];
    radius?: number;
    sides?: number;
    angular_velocity?: NumberOrExpr;
    density?: number;
    restitution?: number;
    rotation_affected?: boolean;
    color?: [number, number, number];
    [key: string]: unknown;
}

export interface MetaJson {
    outer_rotation_profile?: { omega_base?: number; omega_amp?: number };
    gravity_profile?: { time_variation?: { amp?: number; freq?: number }; [key: string]: unknown };
    [key: string]: unknown;
}

export interface SceneTestJson { time: number; position: Vec2Tuple[] }

export interface SceneJson {
    physics?: PhysicsJson;
    boxes: BoxJson[];
    balls: BallJson[];
    meta?: MetaJson;
    tests?: SceneTestJson[];
}

// ---- resolved form ----

export type TranslationPath =
    | { type: 'sin1d'; amplitude: number; axis: string; freq: number }
    | { type: 'lissajous'; ax: number; ay: number; fx: number; fy: number }
    | { type: 'piecewise'; segments: number; amplitude: number }
    /** Unknown type: the reference leaves the box at its origin. */
    | { type: 'unknown'; name: string };

export interface Physics { gravity_enabled: boolean; gravity_x: number; gravity_y: number }

export interface Box {
    center: Vec2Tuple;
    diameter: number;
    sides: number;
    /** Degrees (the only angle in the schema that is not in radians). */
    rotation: number;
    /** rad/s */
    rotation_speed: number;
    friction: number;
    restitution: number;
    translation_path?: TranslationPath;
}

export interface Ball {
    position: Vec2Tuple;
    velocity: Vec2Tuple;
    radius: number;
    /** ≤ 2 means circle. */
    sides: number;
    angular_velocity: number;
    density: number;
    restitution: number;
    /** false ⇒ fixed rotation (the generator's default for every non-A ball). */
    rotation_affected: boolean;
    color: [number, number, number];
}

export interface OuterRotationProfile { omega_base?: number; omega_amp: number }
export interface GravityTimeVariation { amp: number; freq: number }

export interface Scene {
    physics: Physics;
    boxes: Box[];
    balls: Ball[];
    /** Scene-wide drivers taken from `meta` (docs/bouncingsim.md §2); the rest of meta has no physical effect. */
    outer_rotation_profile?: OuterRotationProfile;
    gravity_time_variation?: GravityTimeVariation;
    /** `meta.gravity_profile` exists (even without time variation): only changes the prompt text. */
    has_gravity_profile: boolean;
    tests?: { time: number; position: Vec2Tuple[] }[];
    /** The original meta object, kept for display; never read by the physics. */
    meta: Record<string, unknown>;
}
