// Privacy and safety across the boundary: lock state, profiles, the audit log, backups. Pure: the
// renderer imports it.

/** Whether the database is encrypted and whether the app is locked (its database closed). */
export interface LockState {
  encrypted: boolean;
  locked: boolean;
  /** Minutes without input before the app locks itself (null: never); known only while unlocked. */
  idleMinutes?: number | null;
}

export const PROFILE_ROLES = ['owner', 'staff'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];

export interface ProfileSummary {
  id: number;
  name: string;
  role: ProfileRole;
  hasPin: boolean;
}

/** What only the owner may do (privacy/permissions.ts): one name per guarded kind of call. */
export const OWNER_ONLY_ACTIONS = ['export', 'erase', 'settings', 'privacy', 'audit_export', 'backup', 'restore'] as const;
export type OwnerOnlyAction = (typeof OWNER_ONLY_ACTIONS)[number];

/** Customer fields the owner can mark private: staff see them blanked. */
export const PRIVATE_FIELD_CHOICES = ['email', 'phone', 'city', 'country', 'notes'] as const;
export type PrivateField = (typeof PRIVATE_FIELD_CHOICES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'merge', 'import', 'export', 'erase', 'restore', 'backup', 'encrypt', 'decrypt', 'rekey', 'profile'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit entry as the audit page shows it. `changes` is null for an erased customer's entries. */
export interface AuditEntry {
  id: number;
  at: number;
  profileId: number | null;
  profileName: string | null;
  action: AuditAction;
  recordType: string;
  recordId: number | null;
  customerId: number | null;
  changes: Record<string, [unknown, unknown]> | null;
  detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  action?: AuditAction;
  recordType?: string;
  profileId?: number;
  customerId?: number;
  from?: number;
  to?: number;
}
