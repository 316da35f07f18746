// Accounts and sign-in: scrypt hashes, the auth secret, sign-up through its route,
// the Credentials provider's check with its slow-down, and sessions read from a real
// next-auth JWT cookie.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import * as accountsRoute from "@/app/api/accounts/route";
import * as meRoute from "@/app/api/me/route";
import { buildAuthOptions, clientAddress } from "@/lib/auth/options";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authSecret } from "@/lib/auth/secret";
import { authenticate } from "@/lib/auth/service";
import { actorFromCookies, parseCookieHeader } from "@/lib/auth/session";
import { BASE_LOCK_MS, FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS, lockDuration, MAX_LOCK_MS } from "@/lib/auth/throttle";
import { call, createWorld, FIXTURE_PASSWORD, type World } from "./annotations-support";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  await world.close();
});

describe("passwords", () => {
  it("are hashed with scrypt and a fresh salt, and verified in constant time", async () => {
    const a = await hashPassword("parallax-demo");
    const b = await hashPassword("parallax-demo");
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("parallax-demo", a)).toBe(true);
    expect(await verifyPassword("parallax-dem0", a)).toBe(false);
    for (const broken of ["", "plain", "scrypt$1$2$3", "md5$1$1$1$abc$def", a.replace(/\$[^$]+$/, "$")]) {
      expect(await verifyPassword("parallax-demo", broken)).toBe(false);
    }
  });
});

describe("auth secret", () => {
  it("comes from AUTH_SECRET when set, else is generated once into data/auth-secret and reused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-secret-"));
    expect(authSecret({ env: { AUTH_SECRET: "from-the-environment" }, dir })).toBe("from-the-environment");
    expect(fs.existsSync(path.join(dir, "auth-secret"))).toBe(false);
    const first = authSecret({ env: {}, dir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect((fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toString(8)).toBe("600");
    expect(authSecret({ env: {}, dir })).toBe(first);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("sign-up (POST /api/accounts)", () => {
  it("creates an account with a normalised email; the same email again → 409", async () => {
    const created = await call(world, accountsRoute.POST, { json: { email: "  New.Person@Example.TEST ", name: "New Person", password: "a long password" } });
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({ email: "new.person@example.test", name: "New Person" });
    expect(JSON.stringify(created.json)).not.toContain("scrypt");
    const again = await call(world, accountsRoute.POST, { json: { email: "new.person@example.test", name: "X", password: "another password" } });
    expect(again.status).toBe(409);
    expect(await authenticate(world.db, { email: "new.person@example.test", password: "a long password" }, null)).toMatchObject({ name: "New Person" });
  });
});

describe("sign-in and its slow-down", () => {
  const t0 = new Date("2030-01-01T00:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("accepts the right password, refuses a wrong one or an unknown email with the same answer", async () => {
    const email = world.actors.author.email;
    expect(await authenticate(world.db, { email, password: FIXTURE_PASSWORD }, "10.0.0.1", t0)).toMatchObject({ id: world.actors.author.id });
    expect(await authenticate(world.db, { email, password: "wrong" }, "10.0.0.1", t0)).toBeNull();
    expect(await authenticate(world.db, { email: "nobody@example.test", password: "wrong" }, "10.0.0.1", t0)).toBeNull();
  });

  it("locks an account after its free failures, doubling each time, even for the right password", async () => {
    const email = world.actors.otherStudent.email;
    let now = 0;
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) {
      expect(await authenticate(world.db, { email, password: "guess" }, `10.1.0.${i}`, at(now))).toBeNull();
    }
    expect(await authenticate(world.db, { email, password: "guess" }, "10.1.1.1", at(now))).toBeNull(); // sets the first lock
    await expect(authenticate(world.db, { email, password: FIXTURE_PASSWORD }, "10.1.1.2", at(now + 1000))).rejects.toMatchObject({
      code: "too_many_requests",
      details: { retryAfterSeconds: 1 },
    });
    now += BASE_LOCK_MS;
    expect(await authenticate(world.db, { email, password: "guess" }, "10.1.1.3", at(now))).toBeNull(); // second lock: twice as long
    await expect(authenticate(world.db, { email, password: FIXTURE_PASSWORD }, "10.1.1.4", at(now + BASE_LOCK_MS))).rejects.toMatchObject({
      code: "too_many_requests",
    });
    now += 2 * BASE_LOCK_MS;
    expect(await authenticate(world.db, { email, password: FIXTURE_PASSWORD }, "10.1.1.5", at(now))).not.toBeNull();
    // Success clears the account's record: the next mistake is free again.
    expect(await authenticate(world.db, { email, password: "guess" }, "10.1.1.6", at(now))).toBeNull();
    expect(await authenticate(world.db, { email, password: FIXTURE_PASSWORD }, "10.1.1.7", at(now))).not.toBeNull();
  });

  it("locks an address that fails across many accounts, and only that address", async () => {
    const ip = "192.0.2.50";
    for (let i = 0; i <= FREE_FAILURES_PER_ADDRESS; i++) {
      expect(await authenticate(world.db, { email: `spray${i}@example.test`, password: "guess" }, ip, t0)).toBeNull();
    }
    await expect(authenticate(world.db, { email: world.actors.instructor.email, password: FIXTURE_PASSWORD }, ip, t0)).rejects.toMatchObject({
      code: "too_many_requests",
    });
    expect(await authenticate(world.db, { email: world.actors.instructor.email, password: FIXTURE_PASSWORD }, "192.0.2.51", t0)).not.toBeNull();
  });

  it("lock durations grow exponentially up to a ceiling", () => {
    expect([5, 6, 7, 8].map((n) => lockDuration(n, 5))).toEqual([0, BASE_LOCK_MS, 2 * BASE_LOCK_MS, 4 * BASE_LOCK_MS]);
    expect(lockDuration(100, 5)).toBe(MAX_LOCK_MS);
  });

  it("the Credentials provider signs in, says nothing on a wrong password, and reports a lock to the form", async () => {
    const options = buildAuthOptions(world.db, "test-secret-test-secret-test-secret");
    const authorize = (options.providers[0] as unknown as { options: { authorize: Function } }).options.authorize;
    const req = (ip: string) => ({ headers: { "x-forwarded-for": `${ip}, 10.9.9.9` } });
    expect(await authorize({ email: "Author@Example.test", password: FIXTURE_PASSWORD }, req("198.51.100.1"))).toMatchObject({ id: world.actors.author.id });
    expect(await authorize({ email: "author@example.test", password: "nope" }, req("198.51.100.1"))).toBeNull();
    expect(await authorize({ email: "not an email", password: "x" }, req("198.51.100.1"))).toBeNull();
    const email = world.actors.nonMember.email;
    for (let i = 0; i <= FREE_FAILURES_PER_ACCOUNT; i++) await authorize({ email, password: "nope" }, req("198.51.100.2"));
    await expect(authorize({ email, password: FIXTURE_PASSWORD }, req("198.51.100.3"))).rejects.toThrow(/^TooManyAttempts:\d+$/);
    expect(clientAddress({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.1" })).toBe("203.0.113.9");
    expect(clientAddress({})).toBeNull();
  });
});

describe("sessions", () => {
  const secret = "a-test-secret-that-is-long-enough-1234";
  const tokenFor = (user: { id: string; name: string; email: string }) => encode({ token: { sub: user.id, name: user.name, email: user.email }, secret });
  const resolveActor = (req: Request, db: World["db"]) => actorFromCookies(parseCookieHeader(req.headers.get("cookie")), db, secret);
  const me = async (cookie?: string) => {
    const req = new Request("http://parallax.test/api/me", { headers: cookie ? { cookie } : {} });
    const res = await meRoute.GET(req, { params: Promise.resolve({}), deps: { db: world.db, resolveActor } });
    return { status: res.status, json: await res.json() };
  };

  it("reads the person from next-auth's session cookie (plain or __Secure-), with their seminars", async () => {
    const token = await tokenFor(world.actors.author);
    const plain = await me(`other=1; next-auth.session-token=${token}`);
    expect(plain.json.user).toEqual(world.actors.author);
    expect(plain.json.seminars.map((s: { name: string; role: string }) => [s.name, s.role])).toEqual([["Seminar S", "student"]]);
    expect((await me(`__Secure-next-auth.session-token=${token}`)).json.user.id).toBe(world.actors.author.id);
  });

  it("treats no cookie, a forged or foreign-secret token, and a deleted account as anonymous", async () => {
    expect((await me()).json).toEqual({ user: null, seminars: [] });
    expect((await me("next-auth.session-token=not-a-jwt")).json.user).toBeNull();
    const foreign = await encode({ token: { sub: world.actors.author.id }, secret: "some-other-secret-entirely-000000" });
    expect((await me(`next-auth.session-token=${foreign}`)).json.user).toBeNull();
    const gone = await world.db.user.create({ data: { email: "gone@example.test", name: "Gone", passwordHash: "x" } });
    const token = await tokenFor(gone);
    expect((await me(`next-auth.session-token=${token}`)).json.user?.id).toBe(gone.id);
    await world.db.user.delete({ where: { id: gone.id } });
    expect((await me(`next-auth.session-token=${token}`)).json.user).toBeNull();
  });

  it("the jwt and session callbacks carry id, name and email", async () => {
    const options = buildAuthOptions(world.db, secret);
    const token = await options.callbacks!.jwt!({ token: {}, user: { id: "u1", name: "N", email: "e@x.test" } } as never);
    expect(token).toMatchObject({ sub: "u1", name: "N", email: "e@x.test" });
    const session = await options.callbacks!.session!({ session: { expires: "" }, token } as never);
    expect(session.user).toEqual({ id: "u1", name: "N", email: "e@x.test" });
  });
});
