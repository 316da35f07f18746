/** @type {import('next').NextConfig} */
const nextConfig = {
  // The reader is server-rendered; a smaller client bundle matters more than dev niceties.
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3"],
};

module.exports = nextConfig;
