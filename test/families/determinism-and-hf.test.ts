// Determinism for a seed, §9.1 key order, and the §9.2 HF conversion against hf_rows_sample.jsonl.
import { describe, expect, it } from 'vitest';
import { promptVariant, toHfRow } from '../../language/dataset/families/hf-row.js';
import { promptFor } from '../../language/dataset/families/prompt-template.js';
import { FAMILY_NAMES, generateRows } from '../../language/dataset/families/registry.js';
import { criteriaFromPrompt } from '../../language/dataset/problems/criteria.js';
import { pyJsonDumps } from '../../language/python/json-dumps.js';
import { HF_ROW_KEYS, PROBLEM_ROW_KEYS, TASK_TAIL_PREFIX } from '../../language/dataset/problems/rows.js';
import { fixtureLines, sampleHfRows, sampleProblems } from './fixtures.js';

const opts = { level: 'medium', colorMode: 'two_color', count: 5, createdAt: 1.75e15 } as const;

describe('determinism', () => {
    it.each(FAMILY_NAMES)('%s: the same seed gives byte-identical rows; another seed changes them', (family) => {
        const dump = (seed: string | number) => [...generateRows({ ...opts, family, seed })].map(pyJsonDumps).join('\n');
        expect(dump(11)).toBe(dump(11));
        expect(dump(11)).not.toBe(dump(12));
    });
    it('a row does not depend on how many rows were requested', () => {
        const few = [...generateRows({ ...opts, family: 'ends_with', seed: 3, count: 2 })];
        const many = [...generateRows({ ...opts, family: 'ends_with', seed: 3, count: 9 })];
        expect(many[1].test_cases).toEqual(few[1].test_cases);
        expect(many[1].id).toBe(few[1].id);
    });
    it('random order is a seeded shuffle of the same parameters', () => {
        const a = [...generateRows({ ...opts, family: 'regex_same_num', seed: 'x', count: 100, order: 'random' })].map((r) => r.index);
        const b = [...generateRows({ ...opts, family: 'regex_same_num', seed: 'x', count: 100, order: 'random' })].map((r) => r.index);
        expect(a).toEqual(b);
        expect(a).not.toEqual([...a].sort((p, q) => p - q));
        expect([...a].sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    });
    it('ids are unique and timestamps increase row by row', () => {
        const rows = [...generateRows({ ...opts, family: 'starts_with', seed: 1, count: 126 })];
        expect(new Set(rows.map((r) => r.id)).size).toBe(126);
        for (let i = 1; i < rows.length; i++) expect(rows[i].created_at > rows[i - 1].created_at).toBe(true);
    });
});

describe('key order', () => {
    it.each(FAMILY_NAMES)('%s rows and cases keep the §9.1 / §6.1 order', (family) => {
        for (const row of generateRows({ ...opts, family, seed: 2, count: 2 })) {
            expect(Object.keys(row)).toEqual([...PROBLEM_ROW_KEYS]);
            for (const c of row.test_cases) expect(Object.keys(c)).toEqual(['input', 'expected_output', 'expected_accepted', 'check_output', 'description']);
            const hf = toHfRow(row);
            expect(Object.keys(hf)).toEqual([...HF_ROW_KEYS]);
            expect(Object.keys(hf.messages[0])).toEqual(['content', 'role']);
        }
    });
});

describe('HF conversion of the sample', () => {
    const problems = sampleProblems();
    const hf = sampleHfRows();
    const hfLines = fixtureLines('hf_rows_sample.jsonl');

    it.each(problems.map((p, i) => [p.name, i] as const))('%s', (_name, i) => {
        const ours = toHfRow(problems[i]);
        const theirs = hf[i];
        // Every column but the (elided) prompt body is byte-identical.
        const { messages: ourMessages, ...ourRest } = ours;
        const { messages: theirMessages, ...theirRest } = theirs;
        expect(ourRest).toEqual(theirRest);
        expect(ourMessages).toHaveLength(1);
        expect(ourMessages[0].role).toBe('user');
        expect(criteriaFromPrompt(ourMessages[0].content)).toBe(criteriaFromPrompt(theirMessages[0].content));
        expect(ourMessages[0].content.endsWith(TASK_TAIL_PREFIX + problems[i].criteria)).toBe(true);
        // With the fixture's placeholder prompt swapped in, the serialised line is identical.
        expect(pyJsonDumps({ ...ours, messages: theirMessages })).toBe(hfLines[i]);
    });

    it('picks the output-check variant exactly for rows with a check_output case', () => {
        for (const p of problems) {
            const variant = promptVariant(p);
            expect(variant).toBe(p.test_cases[0].check_output ? 'output_check' : 'simple');
            const content = toHfRow(p).messages[0].content;
            expect(content.includes('### Objective (output check)')).toBe(variant === 'output_check');
        }
    });
});

describe('prompt template', () => {
    const HEADINGS = ['# Manufactoria Solution DSL', '## Overview', '## Game Mechanics', '### Robots and Tape', '### Operations', '### Objective',
        '## DSL Syntax', '### Program Structure', '### Node Types', '## Syntax Rules', '## Example', '# Task '];

    it.each(['simple', 'output_check'] as const)('%s: headings in order, manufactoria fences, exact tail', (variant) => {
        const text = promptFor('CRITERIA', variant);
        let at = -1;
        for (const h of HEADINGS) {
            const next = text.indexOf(`\n${h}`, at + 1);
            const found = h === HEADINGS[0] ? (text.startsWith(h) ? 0 : -1) : next;
            expect(found, h).toBeGreaterThan(at);
            at = found;
        }
        expect(text.endsWith('# Task \nYour task is to design a factory with code with following functionality:\n\nCRITERIA')).toBe(true);
        const fences = text.match(/```\w*/g) ?? [];
        expect(fences.filter((f) => f !== '```').every((f) => f === '```manufactoria')).toBe(true);
    });

    it('the variants differ in the objective heading, its bullets and rule 5 only', () => {
        const a = promptFor('C', 'simple').split('\n');
        const b = promptFor('C', 'output_check').split('\n');
        expect(a).toHaveLength(b.length);
        const diff = a.map((line, i) => [line, b[i]]).filter(([x, y]) => x !== y);
        expect(diff.map(([, y]) => y.slice(0, 16))).toEqual(['### Objective (o', '- **Accepted**: ', '- **Rejected**: ', '5. `END end` tak']);
        expect(diff[3][1]).toBe(diff[3][0].replace(/\.$/, ' if they meet the puzzle criteria, otherwise rejected.'));
    });
});
