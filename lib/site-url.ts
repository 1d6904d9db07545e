// This site's address as the browser reached it, for links to share (a class's join link).
import { headers } from 'next/headers';

export async function siteUrl(): Promise<string> {
  const h = await headers();
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'}`;
}
