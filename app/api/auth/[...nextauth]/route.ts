// GET/POST /api/auth/* – next-auth 4: CSRF token, credentials sign-in, session, sign-out
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options (and the secret file behind them) are built on the first request,
// not when `next build` loads this module.
function handler(req: Request, context: Context) {
  return NextAuth(authOptions())(req, context);
}

export { handler as GET, handler as POST };
