import type { ReactNode } from 'react';

// Stub (issue 15): passes its children through until the real gate lands.
export function ProfileGate({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
