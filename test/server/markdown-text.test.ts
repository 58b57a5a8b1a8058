// Problem-file text shown in Markdown (server/markdown-text.ts): escaped to render as itself.
import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../server/markdown-text.js';

describe('markdownText', () => {
    it('escapes what would make an image, a link, emphasis, HTML or code', () => {
        expect(markdownText('![a](https://x/y.png) [b](c) *d* _e_ <b> `f` # g | h ~ \\')).toBe('\\!\\[a\\]\\(https://x/y.png\\) \\[b\\]\\(c\\) \\*d\\* \\_e\\_ \\<b\\> \\`f\\` \\# g \\| h \\~ \\\\');
    });
    it('leaves plain sentences alone', () => {
        expect(markdownText('Accept if the tape starts with BB; reject otherwise.')).toBe('Accept if the tape starts with BB; reject otherwise.');
    });
});

describe('markdownCode', () => {
    it('fences with one backtick more than the longest run inside', () => {
        expect(markdownCode('abc')).toBe('`abc`');
        expect(markdownCode('a`b')).toBe('``a`b``');
        expect(markdownCode('a``b`')).toBe('``` a``b` ```');
    });
});
