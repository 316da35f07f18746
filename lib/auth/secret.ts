import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type SecretSource = { env?: Record<string, string | undefined>; dir?: string };

let cached: string | undefined;

/**
 * The key that signs and encrypts session tokens: `AUTH_SECRET` (or next-auth's own
 * `NEXTAUTH_SECRET`) when set; otherwise one generated on first start and kept in
 * `data/auth-secret`, so sessions survive restarts without any setup.
 */
export function authSecret(source: SecretSource = {}): string {
  const useCache = source.env === undefined && source.dir === undefined;
  if (useCache && cached) return cached;
  const env = source.env ?? process.env;
  const secret = env.AUTH_SECRET || env.NEXTAUTH_SECRET || storedSecret(source.dir ?? path.resolve("data"));
  if (useCache) cached = secret;
  return secret;
}

function storedSecret(dir: string): string {
  const file = path.join(dir, "auth-secret");
  fs.mkdirSync(dir, { recursive: true });
  try {
    // "wx" fails when the file exists: two processes starting at once both end up
    // reading the one secret that won, instead of overwriting each other's.
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to generate a new one.`);
  return secret;
}
