// Python's bytes.decode('utf-8'): TextDecoder drops a leading U+FEFF unless told not to, while Python
// keeps it as text (only the 'utf-8-sig' codec drops it). Every decode that stands for Python's uses these.

/** bytes.decode('utf-8'): throws (a TypeError) where Python raises UnicodeDecodeError. */
export const pyUtf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** bytes.decode('utf-8', 'replace'): U+FFFD for bad bytes. */
export const pyUtf8Replace = new TextDecoder('utf-8', { ignoreBOM: true });
