/**
 * `npm run mutate`'s build step, run inside Stryker's sandbox (stryker-tmp/sandbox-*): Stryker
 * links a real node_modules folder into the sandbox but not ours, which is itself a link, and the
 * rule tests' compiler options name `<repo>/node_modules/@types` as their type roots (without it,
 * `@types/node` is missing and every Node.js API looks unknown). Link it here.
 */
import { existsSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";

if (!existsSync("node_modules")) {
  symlinkSync(realpathSync(path.resolve("..", "..", "node_modules")), "node_modules", "dir");
}
