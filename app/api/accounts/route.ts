// POST /api/accounts – sign up: create an account (then sign in through next-auth)
import { signUpInput } from "@/lib/auth/schema";
import { signUp } from "@/lib/auth/service";
import { route } from "@/lib/http/route";

export const POST = route(async ({ db, body }) => ({ user: await signUp(db, await body(signUpInput)) }), { status: 201 });
