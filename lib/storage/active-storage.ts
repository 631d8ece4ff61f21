import "server-only";
import type { StorageKind } from "@/lib/db/generated/client";
import type { FileStorage } from "./file-storage";
import { localDiskStorage } from "./local-disk-storage";
import { uploadThingStorage } from "./uploadthing-storage";

type Env = Record<string, string | undefined>;

/** Where new files go: UploadThing when UPLOADTHING_TOKEN is set, the private local disk otherwise. */
export function activeStorage(env: Env = process.env): FileStorage {
  return env.UPLOADTHING_TOKEN ? uploadThingStorage({ token: env.UPLOADTHING_TOKEN }) : localDiskStorage();
}

/** The storage that holds an existing file (a town may switch; old files stay readable). */
export function storageFor(kind: StorageKind, env: Env = process.env): FileStorage {
  if (kind === "LOCAL") return localDiskStorage();
  if (!env.UPLOADTHING_TOKEN) throw new Error("UPLOADTHING_TOKEN is not set: cannot reach a file stored on UploadThing");
  return uploadThingStorage({ token: env.UPLOADTHING_TOKEN });
}
