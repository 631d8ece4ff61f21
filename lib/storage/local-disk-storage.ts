import type { FileStorage } from "./file-storage";
import { deleteLocalFile, newStorageKey, readLocalFile, storageRoot, writeLocalFile } from "./local-disk";

/** The default storage: private files under STORAGE_DIR (outside public/). */
export function localDiskStorage(root = storageRoot()): FileStorage {
  return {
    kind: "LOCAL",
    async put({ prefix, bytes }) {
      const key = newStorageKey(prefix);
      await writeLocalFile(key, bytes, root);
      return { kind: "LOCAL", key };
    },
    async read(key) {
      return readLocalFile(key, root);
    },
    async remove(key) {
      await deleteLocalFile(key, root);
    },
  };
}
