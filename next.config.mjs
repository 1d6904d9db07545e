/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Server-only packages that must not be bundled (native addons, the Docker client).
  serverExternalPackages: ['dockerode', 'better-sqlite3'],
};

export default nextConfig;
