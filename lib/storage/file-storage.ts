// The one interface every stored file goes through (supporting documents, service documents):
// private local disk by default, UploadThing when UPLOADTHING_TOKEN is set. Keys are generated
// by the storage, never from the user's file name; files are only ever served through an
// authorised route handler, never by a public URL.
import type { StorageKind } from "@/lib/db/generated/client";

export type StoredFile = { kind: StorageKind; key: string };

export type PutFileInput = {
  /** Used only to group keys (e.g. "documents"). */
  prefix: string;
  bytes: Uint8Array;
  /** The type detected from the bytes. */
  mimeType: string;
  /** A server-made name with the detected extension (the original name is database metadata). */
  fileName: string;
};

export interface FileStorage {
  readonly kind: StorageKind;
  put(input: PutFileInput): Promise<StoredFile>;
  read(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}
