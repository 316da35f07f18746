import { z } from "zod";

/** An email address as stored: trimmed and lower-cased. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }));

/** Passwords: long enough to resist guessing, short enough to bound scrypt's input. */
export const passwordField = z
  .string()
  .min(8, { message: "Use at least 8 characters." })
  .max(200, { message: "Use at most 200 characters." });

/** POST /api/accounts: create an account. */
export const signUpInput = z
  .object({
    email: emailField,
    name: z.string().trim().min(1, { message: "Enter your name." }).max(80),
    password: passwordField,
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpInput>;

/** What the Credentials provider receives from the sign-in form. */
export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof signInInput>;
