// Runs the TypeScript sources directly (no build step): swc transpiles each .ts file on load with
// the settings of .swcrc — legacy decorators and decorator metadata for TypeORM — the same as jest.
// Type checking is `npm run typecheck`.
//
// Memory: every platform process used to carry the whole TypeScript compiler (@swc-node/register
// loads it, ~48 MB) and swc's native binary (~32 MB). Here TypeScript is never loaded, and the
// transpiled files are kept on disk by content hash, so a process whose files were all seen
// before (every start after the first) never loads swc either.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { addHook } = require('pirates');

const swcrcText = readFileSync(join(__dirname, '..', '.swcrc'), 'utf8');
const swcrc = JSON.parse(swcrcText);
delete swcrc.$schema;
const swcVersion = require('@swc/core/package.json').version;
const cacheDir = process.env.TRANSPILE_CACHE_DIR || join(__dirname, '..', 'node_modules', '.cache', 'onestop-swc');
let swc;
/** Transpiled file of each loaded source, for stack traces (read only when a trace is formatted). */
const outputs = new Map();

function transpile(code, filename) {
  const key = createHash('sha1').update(`${swcVersion}\0${swcrcText}\0${filename}\0`).update(code).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    const output = readFileSync(cached, 'utf8');
    outputs.set(filename, cached);
    return output;
  } catch {
    // not transpiled yet
  }
  swc ??= require('@swc/core');
  const output = swc.transformSync(code, { ...swcrc, swcrc: false, configFile: false, filename }).code;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, output);
    renameSync(tmp, cached); // atomic: a concurrent process reads the whole file or none
    outputs.set(filename, cached);
  } catch {
    // a read-only tree: transpile every time
  }
  return output;
}

// Stack traces point into the .ts sources. The inline source map is read from the transpiled file
// only when a trace is formatted (Node's own --enable-source-maps parses every module's map at load:
// seconds of start and megabytes kept per process).
const INLINE_MAP = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,(\S+)\s*$/;
require('source-map-support').install({
  environment: 'node',
  handleUncaughtExceptions: false,
  retrieveSourceMap(source) {
    const file = outputs.get(source);
    const match = file && INLINE_MAP.exec(readFileSync(file, 'utf8'));
    return match ? { url: source, map: Buffer.from(match[1], 'base64').toString('utf8') } : null;
  },
});
addHook(transpile, { exts: ['.ts'], ignoreNodeModules: true });
