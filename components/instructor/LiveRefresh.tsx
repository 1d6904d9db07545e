'use client';
// Re-renders the page from the server every few seconds while it is visible, so a class view follows its
// learners as they work.
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

export function LiveRefresh({ everyMs = 4000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
