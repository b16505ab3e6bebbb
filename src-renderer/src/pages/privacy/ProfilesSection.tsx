// Stub (issue 15): one section of the Privacy page.
export function ProfilesSection() {
  return null;
}
