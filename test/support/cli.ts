// Running the command line in-process: main()'s exit status, what it wrote
// to stdout, and what went to stderr (captured while a test runs).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

let stderr: string[] = [];

/** Capture stderr around every test of the calling file. */
export function captureStderr(): void {
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      stderr.push(String(s));
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());
}

export async function runCli(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  stderr = [];
  const status = await main(argv, (s) => (stdout += s));
  return { status, stdout, stderr: stderr.join('') };
}

/** A temporary directory removed after the calling file's tests; file(name, bytes) writes into it. */
export function tempFiles(prefix: string): { dir: string; file: (name: string, bytes: Uint8Array) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
