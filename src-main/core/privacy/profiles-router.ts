// Who uses the app on a shared machine (profiles.ts), the fields hidden from staff
// (private-fields.ts) and privacy mode (privacy-mode.ts). list and signIn work before signing in;
// managing profiles and private fields is the owner's.
import { z } from 'zod';
import { PRIVATE_FIELD_CHOICES, PROFILE_ROLES, type ProfileSummary } from '../../shared/privacy';
import { procedure, router } from '../trpc';
import { currentActor } from './actor';
import { ownerProcedure } from './permissions';
import { privacyModeOn, setPrivacyMode } from './privacy-mode';
import { privateFields, setPrivateFields } from './private-fields';
import { checkProfilePin, createProfile, getProfile, hasProfiles, listProfiles, removeProfile, updateProfile } from './profiles';

const id = z.number().int().positive();
const name = z.string().trim().min(1).max(60);
const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits');

export const profilesRouter = router({
  /** Every profile (for the sign-in screen); empty on a machine used by one person. */
  list: procedure.query(({ ctx }): ProfileSummary[] => listProfiles(ctx.core.sqlite)),
  /** The profile signed in on this connection, and whether it must sign in before seeing anything. */
  current: procedure.query(({ ctx }) => {
    const sqlite = ctx.core.sqlite;
    const profile = ctx.session?.profileId != null ? getProfile(sqlite, ctx.session.profileId) : null;
    return { profile, role: currentActor().role, needsSignIn: Boolean(ctx.session) && profile === null && hasProfiles(sqlite) };
  }),
  signIn: procedure.input(z.object({ profileId: id, pin: z.string().max(64) })).mutation(({ ctx, input }) => {
    const profile = checkProfilePin(ctx.core.sqlite, input.profileId, input.pin);
    if (ctx.session) ctx.session.profileId = profile.id;
    return profile;
  }),
  signOut: procedure.mutation(({ ctx }) => {
    if (ctx.session) ctx.session.profileId = null;
    return null;
  }),
  create: ownerProcedure('privacy')
    .input(z.object({ name, role: z.enum(PROFILE_ROLES).default('staff'), pin }))
    .mutation(({ ctx, input }) => {
      const first = !hasProfiles(ctx.core.sqlite);
      const profile = createProfile(ctx.core.sqlite, input);
      // The first profile is the owner setting profiles up: this window stays theirs.
      if (first && ctx.session) ctx.session.profileId = profile.id;
      return profile;
    }),
  update: ownerProcedure('privacy')
    .input(z.object({ id, name: name.optional(), role: z.enum(PROFILE_ROLES).optional(), pin: pin.optional() }))
    .mutation(({ ctx, input }) => updateProfile(ctx.core.sqlite, input.id, input)),
  /** Removing the last profile stops using profiles: the app is one person, the owner, again. */
  remove: ownerProcedure('privacy')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => {
      removeProfile(ctx.core.sqlite, input.id);
      if (ctx.session?.profileId === input.id) ctx.session.profileId = null;
      return null;
    }),
  privateFields: procedure.query(({ ctx }) => privateFields(ctx.core.sqlite)),
  setPrivateFields: ownerProcedure('privacy')
    .input(z.object({ fields: z.array(z.enum(PRIVATE_FIELD_CHOICES)).max(PRIVATE_FIELD_CHOICES.length) }))
    .mutation(({ ctx, input }) => setPrivateFields(ctx.core.sqlite, input.fields)),
  /** Privacy mode is for showing the screen to someone: anyone at the keyboard may switch it. */
  privacyMode: procedure.query(({ ctx }) => privacyModeOn(ctx.core.sqlite)),
  setPrivacyMode: procedure.input(z.object({ on: z.boolean() })).mutation(({ ctx, input }) => setPrivacyMode(ctx.core.sqlite, input.on)),
});
