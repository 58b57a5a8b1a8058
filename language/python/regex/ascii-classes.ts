// Character classes and case rules of ASCII (`(?a)`) patterns; the Unicode ones are Python 3.11's, from
// ../unicode (see docs/python-compat.md).
export const isWordAscii = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f;
export const isDigitAscii = (cp: number): boolean => cp >= 0x30 && cp <= 0x39;
export const isSpaceAscii = (cp: number): boolean => (cp >= 9 && cp <= 13) || cp === 32;
export const asciiLower = (cp: number): number => (cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
export const asciiIsCased = (cp: number): boolean => (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
