// JSON text the way the reference writes its files: Python's json.dumps(obj, ensure_ascii=False),
// i.e. ", " and ": " separators and non-ASCII left as is. Strings use JSON.stringify, whose escapes
// (\" \\ \b \f \n \r \t, \u00xx for other controls) are the ones Python emits.

export function pyJsonDumps(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') {
        if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
        return Number.isInteger(value) ? value.toFixed(0) : String(value);
    }
    if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(', ')}]`;
    if (typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pyJsonDumps(v)}`).join(', ')}}`;
    }
    throw new TypeError(`cannot serialise ${typeof value}`);
}
