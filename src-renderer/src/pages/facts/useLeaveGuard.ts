// Asking before unsaved work is lost: closing or reloading the window gets the browser's own
// prompt; an in-app link (the navbar, a result) is held back and handed to `onBlocked`, which asks
// in the app's words. wouter cannot block navigation, so links are caught in the capture phase,
// before its click handler runs.
import { useEffect, useRef } from 'react';

export function useLeaveGuard(dirty: boolean, onBlocked: (href: string) => void) {
  const blocked = useRef(onBlocked);
  blocked.current = onBlocked;
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]');
      const href = a?.getAttribute('href');
      if (!a || !href || a.getAttribute('target') === '_blank' || !href.includes('#/')) return;
      e.preventDefault();
      e.stopPropagation();
      // "?list=3#/customers" (lib/hash-location.ts) → "/customers?list=3", as navigate() takes it.
      const hash = href.indexOf('#');
      const query = href.startsWith('?') ? href.slice(0, hash) : '';
      blocked.current(href.slice(hash + 1) + query);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
}
