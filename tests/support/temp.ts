// Throwaway places for tests: a fresh directory, and a fresh database file in one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '@/store/db';

/** A new empty directory under the system's temp folder. */
export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `netlab-${prefix}-`));

/** The path of a database file that does not exist yet, in a new directory. */
export const tempDbPath = (prefix: string) => path.join(tempDir(prefix), 'netlab.sqlite');

/** A new empty database. */
export const tempDb = (prefix: string): Db => openDb(tempDbPath(prefix));
