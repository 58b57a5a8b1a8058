// The Python interpreter that can run scripts/bench/fastapi_server.py: Debian's python3-fastapi,
// -uvicorn and -httptools live in the system interpreter, which may not be the `python3` first on
// PATH (pyenv). Undefined when neither has them (apt-get install python3-fastapi python3-uvicorn
// python3-httptools).
import { spawnSync } from 'node:child_process';

export const FASTAPI_PACKAGES = 'python3-fastapi python3-uvicorn python3-httptools';

export function fastapiPython() {
    return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import fastapi, pydantic, uvicorn, httptools'], { stdio: 'ignore' }).status === 0);
}
