import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { InboxBadge } from "@/app/inbox/inbox-badge";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "An annotated reader for seminars that read several texts together.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="min-h-screen bg-grey-0 text-color-text antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          Skip to content
        </a>
        <header className="border-b border-grey-3 bg-white">
          <div className="mx-auto flex max-w-[92rem] items-center gap-6 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight text-grey-9 no-underline">
              Parallax
            </Link>
            <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm">
              <Link href="/" className="text-grey-7 hover:text-grey-9">
                Library
              </Link>
              {user && (
                <Link href="/seminars" className="text-grey-7 hover:text-grey-9">
                  Seminars
                </Link>
              )}
              <span className="ml-auto flex items-center gap-4">
                {user ? (
                  <>
                    <InboxBadge />
                    <span className="hidden text-grey-7 sm:inline">{user.name}</span>
                    <Link href="/sign-out" className="text-grey-7 hover:text-grey-9">
                      Sign out
                    </Link>
                  </>
                ) : (
                  <>
                    <Link href="/sign-in" className="text-grey-7 hover:text-grey-9">
                      Sign in
                    </Link>
                    <Link href="/sign-up" className="rounded bg-brand px-3 py-1.5 text-white hover:bg-brand-dark">
                      Sign up
                    </Link>
                  </>
                )}
              </span>
            </nav>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
