import type { Role } from "@/lib/db/generated/client";

declare module "next-auth/jwt" {
  interface JWT {
    /** The UserSession row this cookie stands for. */
    sid: string;
    role: Role;
    familyId: string | null;
    sessionVersion: number;
  }
}
