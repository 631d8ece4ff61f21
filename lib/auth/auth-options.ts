import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { clientIp } from "./client-ip";
import { checkLogin } from "./login";
import { authSecret } from "./secret";
import { createLoginThrottle, type LoginThrottle } from "./throttle";

let throttle: LoginThrottle | undefined;

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/connexion", error: "/connexion" },
  secret: authSecret(),
  providers: [
    CredentialsProvider({
      name: "Identifiant",
      credentials: {
        email: { label: "Identifiant", type: "email" },
        password: { label: "Mot de passe", type: "password" },
      },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        const prisma = getDb();
        throttle ??= createLoginThrottle(prisma);
        const result = await checkLogin(prisma, throttle, {
          email,
          password,
          ip: clientIp(req?.headers?.["x-forwarded-for"]),
        });
        // next-auth turns a thrown error's message into signIn()'s `error`.
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.familyId = user.familyId;
        token.sessionVersion = user.sessionVersion;
        token.name = user.name;
        token.email = user.email;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub as string,
        email: token.email as string,
        name: token.name as string,
        role: token.role,
        familyId: token.familyId,
        sessionVersion: token.sessionVersion,
      };
      return session;
    },
  },
};
