// Stub (issue 15): the audit log page.
export function AuditPage() {
  return null;
}
