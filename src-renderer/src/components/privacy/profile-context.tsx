// Who is signed in on this window (ProfileGate provides it): screens hide what staff may not do,
// and the core refuses it anyway (privacy/permissions.ts).
import { createContext, useContext } from 'react';
import type { ProfileRole, ProfileSummary } from '../../../../src-main/shared/privacy';

export interface ProfileState {
  profile: ProfileSummary | null;
  role: ProfileRole;
  isOwner: boolean;
  /** Profiles are in use here (a "Switch profile" item makes sense). */
  hasProfiles: boolean;
  signOut(): void;
}

export const ProfileContext = createContext<ProfileState>({ profile: null, role: 'owner', isOwner: true, hasProfiles: false, signOut: () => {} });

export function useProfile(): ProfileState {
  return useContext(ProfileContext);
}
