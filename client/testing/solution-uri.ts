// Which documents get Test Explorer items: solution files on disk, and Manufactoria rollouts opened
// as read-only solutions (not their canonical copies shown in a diff). No `vscode` import.
import { ROLLOUT_SCHEME } from '../rollouts/document-text.js';

const SOLUTION_FILE = /\.(manufactoria|mfy)$/i;

/** The parts of a URI this looks at (a vscode.Uri has them). */
export interface UriParts {
    scheme: string;
    path: string;
    query: string;
}

export function isSolutionLocation(uri: UriParts): boolean {
    if (!SOLUTION_FILE.test(uri.path)) return false;
    if (uri.scheme === 'file') return true;
    return uri.scheme === ROLLOUT_SCHEME && new URLSearchParams(uri.query).get('canonical') !== '1';
}
