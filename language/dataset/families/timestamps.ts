// `created_at`/`updated_at` as Python's naive `datetime.now().isoformat()` writes them (§9.1):
// local time, no zone, microseconds — and no fraction at all when the microseconds are zero.

/** Microseconds since the Unix epoch. */
export type Micros = number;

export function nowMicros(): Micros {
    return Date.now() * 1000;
}

export function pyIsoformat(us: Micros): string {
    const ms = Math.floor(us / 1000);
    const d = new Date(ms);
    const micro = us - Math.floor(us / 1e6) * 1e6;
    const two = (n: number) => String(n).padStart(2, '0');
    const base = `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
    return micro === 0 ? base : `${base}.${String(micro).padStart(6, '0')}`;
}

/** Parses `YYYY-MM-DDTHH:MM:SS[.ffffff]` as local time (the inverse of pyIsoformat). */
export function parsePyIsoformat(text: string): Micros | undefined {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(text);
    if (!m) return undefined;
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    const date = new Date(y, mo - 1, d, h, mi, s);
    if (Number.isNaN(date.getTime()) || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
    return date.getTime() * 1000 + Number((m[7] ?? '').padEnd(6, '0'));
}
