// Constants of sre (Python 3.11, 64-bit build): flags and limits.

export const F_TEMPLATE = 1;
export const F_IGNORECASE = 2;
export const F_LOCALE = 4;
export const F_MULTILINE = 8;
export const F_DOTALL = 16;
export const F_UNICODE = 32;
export const F_VERBOSE = 64;
export const F_ASCII = 256;
export const TYPE_FLAGS = F_ASCII | F_LOCALE | F_UNICODE;
export const GLOBAL_FLAGS = F_TEMPLATE;
export const FLAG_LETTERS: Readonly<Record<string, number>> = { i: F_IGNORECASE, L: F_LOCALE, m: F_MULTILINE, s: F_DOTALL, x: F_VERBOSE, a: F_ASCII, t: F_TEMPLATE, u: F_UNICODE };

export const MAXREPEAT = 4294967295;
export const MAXGROUPS = 1073741823;
export const MAXCODE = 4294967295;
export const MAXWIDTH = 2 ** 64;
