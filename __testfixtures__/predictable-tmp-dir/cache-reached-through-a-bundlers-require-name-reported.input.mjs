// esbuild's and rolldown's output calls require through `__require` (here an ES module's own).
import { createRequire } from "node:module";
var __require = createRequire(import.meta.url);
const fs = __require("node:fs");
const childProcess = __require("node:child_process");

export function loadBinding(version) {
	const baseDir = `/tmp/toolkit-${version}`;
	const entry = `${baseDir}/node_modules/binding/index.cjs`;
	if (!fs.existsSync(entry)) {
		fs.mkdirSync(baseDir, { recursive: true });
		childProcess.execFileSync("npm", ["install", "binding"], { cwd: baseDir, stdio: "inherit" });
	}
	return __require(entry);
}
