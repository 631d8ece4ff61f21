// What the production build (.next) holds, read by the browser tests: its server actions, with
// the ids Next gave them, and its app-router pages.
import fs from "node:fs";
import path from "node:path";

type ManifestEntry = { filename?: string; exportedName?: string };

export function serverActions(): { id: string; file: string; name: string }[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../.next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename ?? "", name: entry.exportedName ?? "" }));
}

/** The id Next.js gave a server action, from the build's manifest. */
export function serverActionId(file: string, exportedName: string): string {
  const action = serverActions().find((entry) => entry.file.endsWith(file) && entry.name === exportedName);
  if (!action) throw new Error(`server action ${exportedName} of ${file} not found in the build manifest`);
  return action.id;
}

/**
 * The app-router pages of the build (.next/server/app-paths-manifest.json) as routes, route
 * groups left out: "/admin/familles/[id]".
 */
export function builtPages(): string[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.resolve(__dirname, "../../.next/server/app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.keys(manifest)
    .filter((entry) => entry.endsWith("/page"))
    .map((entry) => entry.slice(0, -"/page".length).replace(/\/\([^/]+\)/g, "") || "/")
    .sort();
}
