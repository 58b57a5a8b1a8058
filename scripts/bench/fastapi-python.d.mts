/** Debian's packages that scripts/bench/fastapi_server.py needs. */
export const FASTAPI_PACKAGES: string;
/** The interpreter that has FastAPI, pydantic, uvicorn and httptools, or undefined. */
export function fastapiPython(): string | undefined;
