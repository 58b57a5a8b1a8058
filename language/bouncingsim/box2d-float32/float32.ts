// Box2D 2.3's constants (b2Settings) as float32, and float32 sin/cos (see index.ts).

export const f = Math.fround;
export const PI32 = f(3.14159265359);
export const LINEAR_SLOP = f(0.005);
export const BAUMGARTE = f(0.2);
export const TOI_BAUMGARTE = f(0.75);
export const MAX_LINEAR_CORRECTION = f(0.2);
export const VELOCITY_THRESHOLD = f(1.0);
export const MAX_TRANSLATION = f(2.0);
export const MAX_TRANSLATION_SQ = f(MAX_TRANSLATION * MAX_TRANSLATION);
export const MAX_ROTATION = f(0.5 * PI32);
export const MAX_ROTATION_SQ = f(MAX_ROTATION * MAX_ROTATION);
export const FLT_EPSILON = 1.1920928955078125e-7;
export const EPS_SQ = f(FLT_EPSILON * FLT_EPSILON);
export const TWO_PI = f(2 * PI32);
export const POS_OK = f(-3 * LINEAR_SLOP);
export const POS_OK_TOI = f(-1.5 * LINEAR_SLOP);
export const K_MAX_COND = 1000;
export const MAX_SUB_STEPS = 8;
const LIN_SLEEP_TOL = f(0.01);
const ANG_SLEEP_TOL = f(f(2 / 180) * PI32);
export const LIN_TOL_SQ = f(LIN_SLEEP_TOL * LIN_SLEEP_TOL);
export const ANG_TOL_SQ = f(ANG_SLEEP_TOL * ANG_SLEEP_TOL);
export const TIME_TO_SLEEP = f(0.5);

export const sinf = (a: number) => f(Math.sin(a));
export const cosf = (a: number) => f(Math.cos(a));
