// Token ids → text for dumps that only keep ids (open-instruct traces and rollout shards), with the
// model's own tokenizer.json through @huggingface/tokenizers (no hand-written BPE). `--tokenizer`
// is a tokenizer.json path, a folder holding one, or a model name found in the local Hugging Face
// cache (HF_HUB_CACHE, HF_HOME/hub, ~/.cache/huggingface/hub); nothing is downloaded.
import { Tokenizer } from '@huggingface/tokenizers';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface TokenDecoder {
    /** Where the tokenizer.json was found. */
    path: string;
    decode(ids: readonly number[]): string;
}

export class TokenizerNotFoundError extends Error {}

export function hubCacheDirs(env: NodeJS.ProcessEnv = process.env): string[] {
    const dirs: string[] = [];
    if (env.HF_HUB_CACHE) dirs.push(env.HF_HUB_CACHE);
    if (env.HF_HOME) dirs.push(join(env.HF_HOME, 'hub'));
    dirs.push(join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'huggingface', 'hub'));
    return [...new Set(dirs)];
}

/** The tokenizer.json file for a path or a cached model name, or a TokenizerNotFoundError saying where it looked. */
export function resolveTokenizerFile(spec: string, env: NodeJS.ProcessEnv = process.env): string {
    if (existsSync(spec)) {
        if (statSync(spec).isDirectory()) {
            const file = join(spec, 'tokenizer.json');
            if (existsSync(file)) return file;
            throw new TokenizerNotFoundError(`no tokenizer.json in folder ${spec}`);
        }
        return spec;
    }
    const looked: string[] = [];
    for (const hub of hubCacheDirs(env)) {
        const repo = join(hub, `models--${spec.replace(/\//g, '--')}`);
        looked.push(repo);
        if (!existsSync(repo)) continue;
        const snapshots = join(repo, 'snapshots');
        const refMain = join(repo, 'refs', 'main');
        const preferred = existsSync(refMain) ? [readFileSync(refMain, 'utf8').trim()] : [];
        const all = existsSync(snapshots) ? readdirSync(snapshots) : [];
        for (const rev of [...preferred, ...all]) {
            const file = join(snapshots, rev, 'tokenizer.json');
            if (existsSync(file)) return file;
        }
    }
    // Often the model an open-instruct metadata file names, cached on the training cluster but not here.
    throw new TokenizerNotFoundError(`tokenizer '${spec}' is neither a file nor a model in the local Hugging Face cache (looked in ${looked.join(', ')}); give --tokenizer the model's tokenizer.json or a folder holding one`);
}

export function loadTokenDecoder(spec: string, env: NodeJS.ProcessEnv = process.env): TokenDecoder {
    const path = resolveTokenizerFile(spec, env);
    let json: unknown;
    try {
        json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
        throw new TokenizerNotFoundError(`${path}: not a readable tokenizer.json: ${(error as Error).message}`);
    }
    const configPath = join(path, '..', 'tokenizer_config.json');
    const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
    const tokenizer = new Tokenizer(json as object, config as object);
    // Trainers decode responses for scoring without special tokens; so do we.
    return { path, decode: (ids) => tokenizer.decode(ids as number[], { skip_special_tokens: true }) };
}
