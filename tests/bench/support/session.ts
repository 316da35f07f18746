/** A signed-in session: cookies as a Cookie header and as Playwright wants them. */
export type Session = { cookieHeader: string; cookies: { name: string; value: string }[] };

function collect(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

/**
 * fetch, tried once more when the server closed a kept-alive connection just as it was
 * reused (undici's "other side closed"): after a quiet spell, such as filling the
 * database, the pooled socket may be one the server is closing.
 */
async function fetchOnFreshSocket(url: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/**
 * Signs in through next-auth's Credentials provider as a browser's form does: the CSRF
 * token first (its cookie is part of the check), then the callback with the form.
 * Throws when no session cookie comes back.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const csrf = await fetchOnFreshSocket(`${baseUrl}/api/auth/csrf`);
  collect(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetchOnFreshSocket(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  collect(callback, jar);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} failed (${callback.status}): ${await callback.text()}`);
  }
  return { cookieHeader: header(jar), cookies: [...jar].map(([name, value]) => ({ name, value })) };
}
