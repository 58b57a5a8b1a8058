// What sre_parse tracks while parsing: flags, groups, their names and widths.
import { PythonPatternError } from './errors.js';
import { MAXGROUPS, MAXREPEAT, MAXWIDTH } from './sre-constants.js';
import { type Op, type Seq, type Width } from './tree.js';

export class ParseState {
    flags = 0;
    readonly groupNames = new Map<string, number>();
    /** Index = group number; null while the group is open. Entry 0 stands for the whole match. */
    readonly groupWidths: (Width | null)[] = [null];
    lookbehindGroups: number | null = null;
    readonly forwardRefs = new Set<number>();
    private readonly widthCache = new WeakMap<Seq, Width>();

    get groups(): number {
        return this.groupWidths.length;
    }

    openGroup(name: string | null): number {
        const gid = this.groups;
        this.groupWidths.push(null);
        if (this.groups > MAXGROUPS) throw new PythonPatternError('too many groups');
        if (name !== null) {
            const previous = this.groupNames.get(name);
            if (previous !== undefined) throw new PythonPatternError(`redefinition of group name '${name}' as group ${gid}; was group ${previous}`);
            this.groupNames.set(name, gid);
        }
        return gid;
    }

    closeGroup(gid: number, body: Seq): void {
        this.groupWidths[gid] = this.width(body);
    }

    isClosed(gid: number): boolean {
        return gid < this.groups && this.groupWidths[gid] !== null;
    }

    /** sre_parse's getwidth: (min, max) characters a sequence can match, capped at MAXWIDTH. */
    width(seq: Seq): Width {
        const cached = this.widthCache.get(seq);
        if (cached) return cached;
        let lo = 0;
        let hi = 0;
        for (const item of seq) {
            const [i, j] = this.itemWidth(item);
            lo += i;
            hi = j === MAXWIDTH ? MAXWIDTH : hi + j;
        }
        const result = [Math.min(lo, MAXWIDTH), Math.min(hi, MAXWIDTH)] as const;
        this.widthCache.set(seq, result);
        return result;
    }

    private itemWidth(item: Op): Width {
        switch (item.op) {
            case 'BRANCH': {
                const widths = item.alts.map((alt) => this.width(alt));
                return [Math.min(...widths.map((w) => w[0])), Math.max(...widths.map((w) => w[1]))];
            }
            case 'ATOMIC':
            case 'SUBPATTERN':
                return this.width(item.body);
            case 'REPEAT': {
                const [i, j] = this.width(item.body);
                return [i * item.min, item.max === MAXREPEAT && j ? MAXWIDTH : j * item.max];
            }
            case 'LITERAL':
            case 'NOT_LITERAL':
            case 'ANY':
            case 'IN':
                return [1, 1];
            case 'GROUPREF':
                return this.groupWidths[item.group] ?? [0, 0];
            case 'GROUPREF_EXISTS': {
                const [i, j] = this.width(item.yes);
                if (item.no === null) return [0, j];
                const [l, h] = this.width(item.no);
                return [Math.min(i, l), Math.max(j, h)];
            }
            case 'AT':
            case 'ASSERT':
                return [0, 0];
        }
    }
}
