import type { Role } from "@/lib/db/generated/client";

declare module "next-auth" {
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    familyId: string | null;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; familyId: string | null; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role: Role;
    familyId: string | null;
    sessionVersion: number;
  }
}
