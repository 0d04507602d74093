import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { blockingApiOf, catalogueTable, metadataCallNames } from "../../server/src/engine/catalogues/blockingApis";
import { AWAITED_CALLBACK_SLOT_MEMBERS, awaitedCallbackSlotOf } from "../../server/src/engine/catalogues/awaitedCallbackSlots";

const ref = (module: string | undefined, qualifiedName: string, isDefaultLib = false) => ({ module, qualifiedName, isDefaultLib, fileName: "x.d.ts" });

describe("the blocking-API catalogue", () => {
  it("gives an fs call its promise namesake and fix, with or without node:", () => {
    const expected = {
      name: "readFileSync",
      cost: "work",
      activity: "waits for the file system",
      replacement: "`await readFile(...)` from `node:fs/promises`",
      fix: { kind: "fs", member: "readFile", pathOrDescriptor: true, singleArgument: false },
    };
    assert.deepEqual(blockingApiOf(ref("fs", "readFileSync")), expected);
    assert.deepEqual(blockingApiOf(ref("node:fs", "readFileSync")), expected);
  });

  it("reports metadata calls as metadata, the rest as work", () => {
    assert.equal(blockingApiOf(ref("fs", "statSync"))?.cost, "metadata");
    assert.deepEqual(blockingApiOf(ref("fs", "statSync"))?.fix, { kind: "fs", member: "stat", pathOrDescriptor: false, singleArgument: true });
    assert.equal(blockingApiOf(ref("fs", "unlinkSync"))?.cost, "work");
    assert.deepEqual(metadataCallNames(), ["existsSync", "accessSync", "statSync", "lstatSync", "fstatSync", "statfsSync", "readlinkSync", "realpathSync", "realpathSync.native"]);
  });

  it("matches the patterns only where no record names the call, and fills in the name", () => {
    assert.equal(blockingApiOf(ref("fs", "globSync"))?.replacement, "the asynchronous `glob` from `node:fs/promises`");
    assert.equal(blockingApiOf(ref("fs", "Dir.readSync"))?.replacement, "`await dir.read()`");
    assert.equal(blockingApiOf(ref("fs", "readSync"))?.replacement, "a `FileHandle` from `await open(...)` in `node:fs/promises`");
    assert.deepEqual(blockingApiOf(ref("zlib", "zstdCompressSync")), {
      name: "zstdCompressSync",
      cost: "work",
      activity: "compresses or decompresses the whole buffer on the main thread",
      replacement: "`await promisify(zstdCompress)(...)` (it runs on the libuv thread pool)",
      fix: undefined,
    });
    assert.equal(blockingApiOf(ref("fs", "readFile")), undefined);
    assert.equal(blockingApiOf(ref("child_process", "forkSync")), undefined);
  });

  it("gives fixes only where the replacement keeps the result's type", () => {
    assert.deepEqual(blockingApiOf(ref("crypto", "pbkdf2Sync"))?.fix, { kind: "promisify", module: "crypto", member: "pbkdf2", execOptions: false });
    assert.equal(blockingApiOf(ref("crypto", "scryptSync"))?.fix, undefined);
    assert.equal(blockingApiOf(ref("child_process", "execFileSync"))?.fix, undefined);
    assert.deepEqual(blockingApiOf(ref("child_process", "execSync"))?.fix, { kind: "promisify", module: "child_process", member: "exec", execOptions: true });
  });

  it("knows Atomics.wait from the default lib only, never from a package named lib", () => {
    assert.equal(blockingApiOf(ref(undefined, "Atomics.wait", true))?.name, "Atomics.wait");
    assert.equal(blockingApiOf(ref("lib", "Atomics.wait")), undefined);
    assert.equal(blockingApiOf(ref(undefined, "Atomics.notify", true)), undefined);
    assert.equal(blockingApiOf(ref(undefined, "readFileSync")), undefined);
  });

  it("renders one docs row per group, from the records", () => {
    const table = catalogueTable();
    assert.equal(table.length, 2 + 8);
    assert.equal(
      table[5],
      "| `crypto` | `pbkdf2Sync`, `scryptSync`, `generateKeyPairSync`, `generateKeySync`, `generatePrimeSync`, `checkPrimeSync`, `randomFillSync` | runs a CPU-heavy computation on the main thread | the callback form, which runs on the libuv thread pool: `await promisify(pbkdf2)(...)`, … |",
    );
  });
});

describe("the awaited callback slots catalogue", () => {
  it("matches a slot by its module and owner.member only", () => {
    assert.equal(awaitedCallbackSlotOf(ref("pg", "PoolConfig.onConnect"))?.member, "onConnect");
    assert.equal(awaitedCallbackSlotOf(ref(undefined, "PoolConfig.onConnect")), undefined, "a project's own PoolConfig");
    assert.equal(awaitedCallbackSlotOf(ref("mysql-lite", "PoolConfig.onConnect")), undefined, "another package");
    assert.equal(awaitedCallbackSlotOf(ref("pg", "PoolConfig.log")), undefined, "another member of the same owner");
    assert.equal(awaitedCallbackSlotOf(ref("pg", "ClientConfig.onConnect")), undefined, "another owner in the same package");
    assert.equal(awaitedCallbackSlotOf(ref("pg", "legacy.PoolConfig.onConnect")), undefined, "a namespace's PoolConfig");
    assert.deepEqual([...AWAITED_CALLBACK_SLOT_MEMBERS], ["onConnect"]);
  });
});
