// Gutter badges with a node's visit count. Gutter icons must be image files, so each distinct
// count becomes one small SVG (see gutter-icons.ts); this is the pure part: name and content.

/** What the badge says: the count, `99+` beyond two digits (a gutter is ~16 px wide). */
export function badgeLabel(count: number): string {
    return count > 99 ? '99+' : String(Math.max(0, Math.floor(count)));
}

export function badgeFileName(count: number): string {
    return `visits-${badgeLabel(count).replace('+', 'plus')}.svg`;
}

/**
 * A rounded badge, white text on blue: readable on light and dark themes alike (an image cannot
 * follow the theme's colours).
 */
export function badgeSvg(count: number): string {
    const label = badgeLabel(count);
    const fontSize = label.length >= 3 ? 7 : label.length === 2 ? 9 : 11;
    return [
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">',
        '<rect x="0.5" y="1.5" width="15" height="13" rx="4" fill="#1a73c8"/>',
        `<text x="8" y="8" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="${fontSize}" font-weight="bold" fill="#ffffff">${label}</text>`,
        '</svg>',
        '',
    ].join('\n');
}
