// `encrypt`, `decrypt`, `rekey` and every other command on an encrypted database: the passphrase
// from PATRON_PASSPHRASE; a wrong one exits non-zero with wrong_passphrase and changes nothing;
// without one and without a terminal, passphrase_required.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isEncryptedFile } from '../../src-main/core/db/cipher';
import { openCore, tempDir } from '../core/temp-core';
import { runCli } from './run-cli';

const dir = tempDir('patron-enc-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'patron.sqlite');
const sha = () => createHash('sha256').update(readFileSync(file)).digest('hex');
const env = (current?: string, next?: string) => ({ PATRON_PASSPHRASE: current ?? '', PATRON_NEW_PASSPHRASE: next ?? '' });

describe('encryption on the command line', () => {
  it('encrypts, refuses a wrong passphrase without changing the file, rekeys and decrypts', async () => {
    const core = openCore(dir, { noResume: true });
    core.sqlite.prepare(`INSERT INTO customers (name, email, email_norm) VALUES ('Ada Quill', 'ada@example.com', 'ada@example.com')`).run();
    await core.close();

    const enc = await runCli(['encrypt', '--data-dir', dir], { env: env(undefined, 'cli passphrase 1') });
    expect(enc.code, enc.stderr).toBe(0);
    expect(enc.json).toMatchObject({ kind: 'encrypt', encrypted: true });
    expect(isEncryptedFile(file)).toBe(true);
    expect(enc.stdout + enc.stderr).not.toContain('cli passphrase 1');

    const before = sha();
    const wrong = await runCli(['jobs', '--data-dir', dir], { env: env('not it at all') });
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ error: { code: 'wrong_passphrase' } });
    const wrongRekey = await runCli(['rekey', '--data-dir', dir], { env: env('not it at all', 'cli passphrase 2') });
    expect(wrongRekey.code).toBe(1);
    expect(wrongRekey.stdout).toContain('wrong_passphrase');
    const none = await runCli(['jobs', '--data-dir', dir], { env: env() });
    expect(none.code).toBe(1);
    expect(none.json).toMatchObject({ error: { code: 'passphrase_required' } });
    expect(sha()).toBe(before);

    const jobs = await runCli(['jobs', '--data-dir', dir], { env: env('cli passphrase 1') });
    expect(jobs.code, jobs.stderr).toBe(0);
    const rekey = await runCli(['rekey', '--data-dir', dir], { env: env('cli passphrase 1', 'cli passphrase 2') });
    expect(rekey.json).toMatchObject({ kind: 'rekey' });
    const short = await runCli(['rekey', '--data-dir', dir], { env: env('cli passphrase 2', 'short') });
    expect(short.json).toMatchObject({ error: { code: 'invalid_input' } });
    const dec = await runCli(['decrypt', '--data-dir', dir], { env: env('cli passphrase 2') });
    expect(dec.json).toMatchObject({ kind: 'decrypt', encrypted: false });
    expect(isEncryptedFile(file)).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('ada@example.com'))).toBe(true);
  }, 120_000);
});
