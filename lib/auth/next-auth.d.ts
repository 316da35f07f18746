import "next-auth";

declare module "next-auth" {
  /** The session as Parallax fills it (see the `session` callback in options.ts). */
  interface Session {
    user: { id: string; name: string; email: string };
  }
}
