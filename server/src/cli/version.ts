import * as fs from "node:fs";
import * as path from "node:path";

let cached: string | undefined;

/** The package version, read from our package.json (found from the bundle and from sources alike). */
export function toolVersion(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "package.json");
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string; version?: string };
      if (manifest.name === "concurrency-lint" && manifest.version) return (cached = manifest.version);
    }
    if (path.dirname(dir) === dir) return (cached = "0.0.0");
  }
}
