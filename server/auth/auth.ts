import "server-only";
import NextAuth from "next-auth";
import { getAppConfig } from "../config/app-config";
import { getDb } from "../db";
import { buildAuthConfig } from "./auth-config";

export const { handlers, auth, signIn, signOut } = NextAuth(async () => buildAuthConfig(getAppConfig(), await getDb()));
