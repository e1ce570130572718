// Writes connection files with awsconn's own writer, for generate_file_writes.py: reads
// [{ id, filename, existing, connection }] on stdin, puts each connection into its file with the
// BUILT @awsconn/source-file (`fromFile(...).put`, run `npm run build` first) in a fresh directory,
// and prints [{ id, written }] or [{ id, refused }] as JSON.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../packages/", import.meta.url);
const { createConnection } = await import(new URL("core/dist/esm/index.js", root).href);
const { fromFile } = await import(new URL("source-file/dist/esm/index.js", root).href);

const cases = JSON.parse(readFileSync(0, "utf8"));
const out = [];
for (const c of cases) {
  const dir = mkdtempSync(join(tmpdir(), "awsconn-writes-"));
  const path = join(dir, c.filename);
  if (c.existing !== null) writeFileSync(path, c.existing, { mode: 0o600 });
  try {
    await fromFile({ path, logger: { warn: () => {} } }).put(createConnection(c.connection));
    out.push({ id: c.id, written: readFileSync(path, "utf8") });
  } catch (error) {
    out.push({ id: c.id, refused: `${error.name}: ${error.reason ?? error.message}` });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(JSON.stringify(out));
