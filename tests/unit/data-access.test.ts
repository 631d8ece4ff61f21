import fs from "node:fs";
import path from "node:path";

// Who holds the database (STYLE.md "The shape of a feature"): entry points — pages, server
// actions, route handlers, scripts — call getDb() and pass the database down; every lib
// function takes it as its first parameter; components never load data, and nothing under
// app/ or components/ talks to the generated Prisma client itself.

const ROOT = path.resolve(__dirname, "../..");

/** The lib files allowed to call getDb(): each is the entry point of requests it does not receive from a page. */
const GET_DB_IN_LIB = [
  "lib/db/client.ts", // defines it
  "lib/auth/action.ts", // the server-action builders: an action's entry point
  "lib/auth/session.ts", // currentViewer: every page and action starts here, before it holds a database
  "lib/auth/auth-options.ts", // next-auth's callbacks, run per request by its route handler
  "lib/documents/uploadthing-router.ts", // UploadThing's callbacks, run per request by its route handler
];

/** A query written in place: `db.user.findMany(`, `getDb().$queryRaw`, `tx.child.update(`… */
const DIRECT_QUERY =
  /\b(?:db|getDb\(\)|tx|prisma)\.(?:\$(?:queryRaw|executeRaw|transaction)\w*|\w+\.(?:find\w*|count|create\w*|update\w*|delete\w*|upsert|aggregate|groupBy)\()/;

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, directory), { withFileTypes: true })) {
      const relative = path.posix.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (relative !== "lib/db/generated") walk(relative);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push(relative);
      }
    }
  };
  walk(folder);
  return found;
}

/** The code of a line, its comment left out (a comment may name getDb() to say why it is not called). */
const code = (line: string) => (/^\s*(\/\/|\/?\*)/.test(line) ? "" : line.replace(/\s\/\/\s.*$/, ""));

/** `file:line` for each line of these files whose code matches. */
function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, index) => (pattern.test(code(line)) ? [`${file}:${index + 1}`] : [])),
  );
}

describe("the data-access rule", () => {
  it("finds the files it checks", () => {
    expect(sourceFiles("components").length).toBeGreaterThan(20);
    expect(sourceFiles("lib")).toEqual(expect.arrayContaining(GET_DB_IN_LIB));
  });

  it("no component imports getDb: the page loads the data and passes it as props", () => {
    expect(linesMatching(sourceFiles("components"), /\bgetDb\b|@\/lib\/db\/client/)).toEqual([]);
  });

  it("no lib function calls getDb() but the entry-point helpers: it takes db (or tx) as its first parameter", () => {
    const calls = linesMatching(sourceFiles("lib"), /\bgetDb\(\)/).filter(
      (place) => !GET_DB_IN_LIB.includes(place.split(":")[0]),
    );
    expect(calls).toEqual([]);
  });

  it("nothing under app/ or components/ imports a value from the generated Prisma client (types aside)", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components")];
    const valueImport = /^\s*import\s+(?!type\b)[^;]*from\s+["'][^"']*generated\/client["']/;
    const requireCall = /require\(\s*["'][^"']*generated\/client["']\s*\)/;
    expect(linesMatching(files, valueImport)).toEqual([]);
    expect(linesMatching(files, requireCall)).toEqual([]);
  });

  it("no page, action, route handler or component queries the database itself: lib/ does", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("components")];
    expect(linesMatching(files, DIRECT_QUERY)).toEqual([]);
  });

  it("recognises what it forbids, and reads code, not comments", () => {
    expect(DIRECT_QUERY.test("    getDb().establishment.findMany({ where: { active: true } }),")).toBe(true);
    expect(DIRECT_QUERY.test("    const user = await db.user.findUniqueOrThrow({")).toBe(true);
    expect(DIRECT_QUERY.test("    await getDb().$queryRaw`SELECT 1`;")).toBe(true);
    expect(DIRECT_QUERY.test("  const list = await listReservations(db, viewer, {}, 1);")).toBe(false);
    expect(code("  const db = getDb();")).toBe("  const db = getDb();");
    expect(code("  // the builder calls getDb() once")).toBe("");
    expect(code(" * opened by getDb()")).toBe("");
    expect(code('import { getDb } from "@/lib/db/client"; // entry point')).toBe('import { getDb } from "@/lib/db/client";');
    const valueImport = /^\s*import\s+(?!type\b)[^;]*from\s+["'][^"']*generated\/client["']/;
    expect(valueImport.test('import { PrismaClient } from "@/lib/db/generated/client";')).toBe(true);
    expect(valueImport.test('import { Prisma, type Role } from "@/lib/db/generated/client";')).toBe(true);
    expect(valueImport.test('import type { Role } from "@/lib/db/generated/client";')).toBe(false);
  });
});
