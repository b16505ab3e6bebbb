import type { ReactNode } from 'react';

// Stub (issue 15): passes its children through until the real gate lands.
export function LockGate({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
