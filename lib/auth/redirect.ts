/**
 * Where to go after signing in: only a path on this site. next-auth may hand over an
 * absolute URL (its own callbackUrl); anything pointing elsewhere, or a
 * protocol-relative "//host", falls back to `fallback`.
 */
export function safeCallbackPath(value: string | undefined | null, fallback = "/seminars"): string {
  if (!value) return fallback;
  let candidate = value;
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      candidate = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      return fallback;
    }
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  if (candidate.startsWith("/sign-in") || candidate.startsWith("/sign-up") || candidate.startsWith("/sign-out")) return fallback;
  return candidate;
}

/** What the sign-in form says for an error code from next-auth (or our throttle). */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const throttled = /^TooManyAttempts:(\d+)$/.exec(code);
  if (throttled) {
    const seconds = Number(throttled[1]);
    const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} second${seconds === 1 ? "" : "s"}`;
    return `Too many failed sign-ins. Wait ${wait} and try again.`;
  }
  if (code === "CredentialsSignin") return "That email and password do not match an account.";
  if (code === "SessionRequired") return "Sign in to see that page.";
  return "Signing in did not work. Try again.";
}
