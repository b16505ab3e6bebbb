// Profiles on a shared machine: PINs stored only as scrypt hashes, the wait after wrong PINs, the
// owner-only calls refused to staff in the core (through a caller and through the real transport),
// and the fields the owner marks private coming back null to staff.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPin, verifyPin } from '../../src-main/core/privacy/pin';
import { PIN_TRIES, PIN_WAIT_MS } from '../../src-main/core/privacy/profiles';
import { patronRouter } from '../../src-main/core/router';
import { toErrorShape } from '../../src-main/core/trpc';
import { portClientFor } from '../transport/port-client';
import { freshCores } from './temp-core';

const fresh = freshCores();
afterEach(() => vi.useRealTimers());

type Err = { code?: string; data?: { app?: { code: string; params?: Record<string, unknown> } } };
// Over the transport the code is in data.app; from an in-process caller, the shape the transport would send.
const codeOf = (e: unknown) => (e as Err).data?.app?.code ?? toErrorShape(e).code;
const caught = <T>(p: Promise<T>) => p.then(() => 'no error', (e: unknown) => codeOf(e));

async function shop() {
  const env = fresh();
  const { core } = env;
  const owner = patronRouter.createCaller({ core });
  const boss = await owner.profiles.create({ name: 'Chen Jing', role: 'staff', pin: '2468' });
  const staff = await owner.profiles.create({ name: 'Li Lei', role: 'staff', pin: '1357' });
  const asStaff = patronRouter.createCaller({ core, session: { profileId: staff.id } });
  const asOwner = patronRouter.createCaller({ core, session: { profileId: boss.id } });
  return { ...env, owner, boss, staff, asStaff, asOwner };
}

describe('PINs', () => {
  it('are stored as scrypt with a random salt, checked in constant time', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(verifyPin('1234', a)).toBe(true);
    expect(verifyPin('1235', a)).toBe(false);
    expect(verifyPin('1234', null)).toBe(false);
    expect(verifyPin('1234', 'scrypt$bad')).toBe(false);
  });

  it('are never stored in clear, and the first profile is the owner', async () => {
    const { core, boss, staff } = await shop();
    expect(boss.role).toBe('owner');
    expect(staff.role).toBe('staff');
    const rows = core.sqlite.prepare('SELECT pin_hash FROM profiles').pluck().all() as string[];
    expect(rows.every((h) => h.startsWith('scrypt$') && !h.includes('2468') && !h.includes('1357'))).toBe(true);
  });

  it('refuse a bad PIN at creation and a taken name', async () => {
    const { owner } = await shop();
    expect(await caught(owner.profiles.create({ name: 'Wang', role: 'staff', pin: '12a4' }))).toBe('invalid_input');
    expect(await caught(owner.profiles.create({ name: 'li lei', role: 'staff', pin: '1234' }))).toBe('profile_name_taken');
  });
});

describe('signing in', () => {
  it('needs the right PIN, and names the profile while signed in', async () => {
    const { core, staff } = await shop();
    const session = { profileId: null as number | null };
    const api = patronRouter.createCaller({ core, session });
    expect(await api.profiles.current()).toMatchObject({ profile: null, needsSignIn: true, role: 'staff' });
    expect((await api.profiles.list()).map((p) => p.name)).toEqual(['Chen Jing', 'Li Lei']);
    expect(await caught(api.profiles.signIn({ profileId: staff.id, pin: '0000' }))).toBe('wrong_pin');
    expect(session.profileId).toBeNull();
    await api.profiles.signIn({ profileId: staff.id, pin: '1357' });
    expect(session.profileId).toBe(staff.id);
    expect(await api.profiles.current()).toMatchObject({ profile: { id: staff.id, name: 'Li Lei', role: 'staff' }, needsSignIn: false, role: 'staff' });
    await api.profiles.signOut();
    expect(await api.profiles.current()).toMatchObject({ profile: null, needsSignIn: true });
  });

  it(`waits ${PIN_WAIT_MS / 1000} s after ${PIN_TRIES} wrong PINs in a row, even for the right one`, async () => {
    const { core, staff } = await shop();
    const api = patronRouter.createCaller({ core, session: { profileId: null } });
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < PIN_TRIES; i++) expect(await caught(api.profiles.signIn({ profileId: staff.id, pin: '9999' }))).toBe('wrong_pin');
    expect(await caught(api.profiles.signIn({ profileId: staff.id, pin: '1357' }))).toBe('pin_wait');
    vi.setSystemTime(Date.now() + PIN_WAIT_MS + 1);
    expect(await api.profiles.signIn({ profileId: staff.id, pin: '1357' })).toMatchObject({ id: staff.id });
  });

  it('without profiles, everyone is the owner and nothing asks to sign in', async () => {
    const { core } = fresh();
    const api = patronRouter.createCaller({ core, session: { profileId: null } });
    expect(await api.profiles.current()).toEqual({ profile: null, role: 'owner', needsSignIn: false });
    await api.drafting.setFacts({ name: 'Corner shop', returns: '', delivery: '', hours: '', contacts: '', offers: '', other: '' });
  });

  it('the first profile signs its window in as the owner', async () => {
    const { core } = fresh();
    const session = { profileId: null as number | null };
    const api = patronRouter.createCaller({ core, session });
    const first = await api.profiles.create({ name: 'Owner', role: 'staff', pin: '1111' });
    expect(first.role).toBe('owner');
    expect(session.profileId).toBe(first.id);
    expect(await api.profiles.current()).toMatchObject({ needsSignIn: false, role: 'owner' });
  });
});

describe('owner-only calls', () => {
  it('are refused to staff through the contract directly, and work for the owner', async () => {
    const { asStaff, asOwner, staff } = await shop();
    const refused: [string, () => Promise<unknown>][] = [
      ['export.start', () => asStaff.export.start({ list: { kind: 'customers' }, format: 'csv' })],
      ['export.delete', () => asStaff.export.delete({ fileName: 'x.csv' })],
      ['campaigns.export', () => asStaff.campaigns.export({ id: 1 })],
      ['money.setShopCurrency', () => asStaff.money.setShopCurrency({ currency: 'EUR' })],
      ['money.setRate', () => asStaff.money.setRate({ currency: 'EUR', rate: 7.8 })],
      ['drafting.setFacts', () => asStaff.drafting.setFacts({ name: 'x', returns: '', delivery: '', hours: '', contacts: '', offers: '', other: '' })],
      ['models.activate', () => asStaff.models.activate({ file: 'm.gguf' })],
      ['models.download', () => asStaff.models.download({ id: 'qwen' })],
      ['sample.load', () => asStaff.sample.load({})],
      ['sample.remove', () => asStaff.sample.remove()],
      ['profiles.create', () => asStaff.profiles.create({ name: 'Me too', role: 'owner', pin: '1234' })],
      ['profiles.update', () => asStaff.profiles.update({ id: staff.id, role: 'owner' })],
      ['profiles.remove', () => asStaff.profiles.remove({ id: staff.id })],
      ['profiles.setPrivateFields', () => asStaff.profiles.setPrivateFields({ fields: [] })],
    ];
    for (const [path, call] of refused) expect([path, await caught(call())]).toEqual([path, 'owner_only']);
    // What staff may do: their own language, privacy mode, customers.
    await asStaff.app.setPreferences({ language: 'zh' });
    await asStaff.profiles.setPrivacyMode({ on: false });
    await asStaff.customers.create({ name: 'Walk-in' });
    // The owner's calls go through.
    await asOwner.drafting.setFacts({ name: 'Corner shop', returns: '', delivery: '', hours: '', contacts: '', offers: '', other: '' });
    expect(await asOwner.export.start({ list: { kind: 'customers' }, format: 'csv' })).toMatchObject({ jobId: expect.any(Number) });
    expect((await asOwner.profiles.update({ id: staff.id, name: 'Li Lei (weekends)' })).name).toBe('Li Lei (weekends)');
  });

  it('are refused over the real transport after signing in as staff; the owner’s succeed', async () => {
    const { core, staff, boss } = await shop();
    const staffClient = portClientFor(core);
    const ownerClient = portClientFor(core);
    try {
      // Not signed in on a machine with profiles: nothing owner-only either.
      expect(await caught(staffClient.api.money.setShopCurrency.mutate({ currency: 'EUR' }))).toBe('owner_only');
      await staffClient.api.profiles.signIn.mutate({ profileId: staff.id, pin: '1357' });
      expect(await caught(staffClient.api.export.start.mutate({ list: { kind: 'customers' }, format: 'csv' }))).toBe('owner_only');
      expect(await caught(staffClient.api.money.setShopCurrency.mutate({ currency: 'EUR' }))).toBe('owner_only');
      expect(await caught(staffClient.api.profiles.remove.mutate({ id: boss.id }))).toBe('owner_only');
      // A wrong PIN for the owner leaves the connection as it was.
      expect(await caught(staffClient.api.profiles.signIn.mutate({ profileId: boss.id, pin: '0000' }))).toBe('wrong_pin');
      expect(await staffClient.api.profiles.current.query()).toMatchObject({ profile: { id: staff.id }, role: 'staff' });

      await ownerClient.api.profiles.signIn.mutate({ profileId: boss.id, pin: '2468' });
      await ownerClient.api.drafting.setFacts.mutate({ name: 'Corner shop', returns: '', delivery: '', hours: '', contacts: '', offers: '', other: '' });
      expect(await ownerClient.api.export.start.mutate({ list: { kind: 'customers' }, format: 'csv' })).toMatchObject({ jobId: expect.any(Number) });
      // Sessions are per connection: the owner's sign-in did not lift the staff window.
      expect(await caught(staffClient.api.money.setShopCurrency.mutate({ currency: 'USD' }))).toBe('owner_only');
    } finally {
      staffClient.close();
      ownerClient.close();
    }
  });
});

describe('managing profiles', () => {
  it('keeps an owner while other profiles remain; removing the last profile stops using profiles', async () => {
    const { core, owner, boss, staff } = await shop();
    expect(await caught(owner.profiles.remove({ id: boss.id }))).toBe('last_owner');
    expect(await caught(owner.profiles.update({ id: boss.id, role: 'staff' }))).toBe('last_owner');
    await owner.profiles.update({ id: staff.id, pin: '8642' });
    const api = patronRouter.createCaller({ core, session: { profileId: null } });
    expect(await caught(api.profiles.signIn({ profileId: staff.id, pin: '1357' }))).toBe('wrong_pin');
    await api.profiles.signIn({ profileId: staff.id, pin: '8642' });
    await owner.profiles.remove({ id: staff.id });
    await owner.profiles.remove({ id: boss.id });
    expect(await owner.profiles.list()).toEqual([]);
    expect(await patronRouter.createCaller({ core, session: { profileId: boss.id } }).profiles.current()).toMatchObject({ needsSignIn: false, role: 'owner' });
  });

  it('goes through the write path: each change is one settings change event', async () => {
    const { core, owner, staff } = await shop();
    const events: string[] = [];
    const { changeBus } = await import('../../src-main/core/changes/bus');
    const off = changeBus(core.sqlite).on((e) => events.push(...e.changes.map((c) => `${c.type}:${c.op}`)));
    await owner.profiles.update({ id: staff.id, name: 'Li' });
    await owner.profiles.remove({ id: staff.id });
    off();
    expect(events).toEqual(['settings:update', 'settings:update']);
  });
});

describe('private fields', () => {
  it('come back null to staff from customers, search and the timeline; the owner sees them', async () => {
    const { owner, asStaff, asOwner } = await shop();
    const c = await owner.customers.create({ name: 'Zhang Wei', email: 'zhang.wei@example.com', phone: '+86 138 0013 8000', city: 'Shanghai', country: 'CN' });
    await owner.notes.add({ customerId: c.id, body: 'Prefers calls after six' });
    await owner.profiles.setPrivateFields({ fields: ['email', 'phone', 'notes'] });
    expect(await asStaff.profiles.privateFields()).toEqual(['email', 'phone', 'notes']);

    const seen = await asStaff.customers.get({ id: c.id });
    expect(seen).toMatchObject({ name: 'Zhang Wei', email: null, phone: null, city: 'Shanghai', country: 'CN' });
    const row = (await asStaff.customers.list({})).rows.find((r) => r.id === c.id);
    expect(row).toMatchObject({ name: 'Zhang Wei', email: null, phone: null, city: 'Shanghai' });
    const hits = await asStaff.search.all({ q: 'Zhang' });
    expect(hits.customers[0]).toMatchObject({ id: c.id, email: null, phone: null });
    const note = (await asStaff.timeline.forCustomer({ customerId: c.id })).items.find((i) => i.type === 'note');
    expect(note).toMatchObject({ type: 'note', body: null });

    expect(await asOwner.customers.get({ id: c.id })).toMatchObject({ email: 'zhang.wei@example.com', phone: '+86 138 0013 8000' });
    const ownerNote = (await asOwner.timeline.forCustomer({ customerId: c.id })).items.find((i) => i.type === 'note');
    expect(ownerNote).toMatchObject({ body: 'Prefers calls after six' });

    await owner.profiles.setPrivateFields({ fields: ['city'] });
    expect(await asStaff.customers.get({ id: c.id })).toMatchObject({ email: 'zhang.wei@example.com', city: null });
  });
});
