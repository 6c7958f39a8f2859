import { opendir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha256, sha256Of, type BlobStore } from './blob-store';

export interface MigrationReport {
  /** Documents found in the folder. */
  found: number;
  /** Put into the target, then read back from it and their hash checked. */
  copied: number;
  /** Already in the target (an earlier run), read back from it and their hash checked. */
  alreadyThere: number;
  /** Dry run: what a real run would copy. */
  wouldCopy: number;
  /** Files whose bytes no longer match their name: not copied, for an operator to look at. */
  corruptInFolder: string[];
  /** Documents that could not be copied or whose copy does not read back intact. */
  failed: Array<{ sha256: string; error: string }>;
}

export interface MigrationOptions {
  dryRun?: boolean;
  /** Documents in flight at once; each costs its size in memory. */
  concurrency?: number;
  onProgress?: (report: MigrationReport) => void;
}

/**
 * Copies a folder store's documents (root/ab/cd/<sha256>) into another store and verifies each
 * one by reading it back through that store, which hashes it. It leaves the folder as it was, so
 * it can be run again: documents already in the target are only verified, and a run stopped half
 * way goes on where it stopped.
 */
export async function migrateFolderBlobs(
  root: string,
  target: BlobStore,
  options: MigrationOptions = {},
): Promise<MigrationReport> {
  const report: MigrationReport = {
    found: 0,
    copied: 0,
    alreadyThere: 0,
    wouldCopy: 0,
    corruptInFolder: [],
    failed: [],
  };
  const files = folderBlobs(root);
  const migrateOne = async (sha256: string, path: string) => {
    const content = await readFile(path);
    if (sha256Of(content) !== sha256) return void report.corruptInFolder.push(sha256);
    const there = await target.has(sha256);
    if (options.dryRun) {
      if (there) report.alreadyThere += 1;
      else report.wouldCopy += 1;
      return;
    }
    if (!there) await target.put(content);
    // Read back through the target: its get() hashes what it returns.
    await target.get(sha256);
    if (there) report.alreadyThere += 1;
    else report.copied += 1;
  };
  let done = 0;
  const worker = async () => {
    for await (const { sha256, path } of lockstep(files)) {
      report.found += 1;
      await migrateOne(sha256, path).catch((err) =>
        report.failed.push({ sha256, error: err instanceof Error ? err.message : String(err) }),
      );
      done += 1;
      if (done % 500 === 0) options.onProgress?.(report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return report;
}

/** The folder store's files, named by their hash two levels down; temporary and stray files are not documents. */
async function* folderBlobs(root: string): AsyncGenerator<{ sha256: string; path: string }> {
  for await (const first of await opendir(root)) {
    if (!first.isDirectory() || !/^[0-9a-f]{2}$/.test(first.name)) continue;
    for await (const second of await opendir(join(root, first.name))) {
      if (!second.isDirectory() || !/^[0-9a-f]{2}$/.test(second.name)) continue;
      for await (const file of await opendir(join(root, first.name, second.name))) {
        if (file.isFile() && isSha256(file.name) && file.name.startsWith(first.name + second.name)) {
          yield { sha256: file.name, path: join(root, first.name, second.name, file.name) };
        }
      }
    }
  }
}

/** Lets several workers take turns on one async generator, each next() after the previous one settled. */
function lockstep<T>(source: AsyncGenerator<T>): AsyncIterable<T> {
  let turn: Promise<unknown> = Promise.resolve();
  return {
    [Symbol.asyncIterator]: () => ({
      next: () => {
        const mine = turn.then(() => source.next());
        turn = mine.catch(() => undefined);
        return mine as Promise<IteratorResult<T>>;
      },
    }),
  };
}
