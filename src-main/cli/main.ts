// `npm run cli -- <command>`: Patron without its window. Each command drives the same core as the
// app (startCore, the same jobs and domain functions the UI calls) on a data folder, prints a
// short summary, and ends with ONE JSON line on stdout: its result, or {"error": {code, ...}}.
// Exit codes: 0 done; 1 failed (nothing changed); 2 called wrongly; 130 cancelled (Ctrl+C).
import { AUDIT_USAGE, auditCommand } from './audit-command';
import { BACKUP_USAGE, backupCommand, RESTORE_USAGE, restoreCommand } from './backup-command';
import { CAMPAIGN_USAGE, campaignCommand } from './campaign-command';
import { DECRYPT_USAGE, decryptCommand, ENCRYPT_USAGE, encryptCommand, REKEY_USAGE, rekeyCommand } from './encryption-command';
import { EXPORT_USAGE, exportCommand } from './export-command';
import { toFailure } from './failure';
import { IMPORT_USAGE, importCommand } from './import-command';
import { INBOX_USAGE, inboxCommand } from './inbox-command';
import { JOBS_USAGE, jobsCommand } from './jobs-command';
import { failure, result, say } from './output';
import { SAMPLE_USAGE, sampleCommand } from './sample-command';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<object> }> = {
  import: { usage: IMPORT_USAGE, run: importCommand },
  export: { usage: EXPORT_USAGE, run: exportCommand },
  sample: { usage: SAMPLE_USAGE, run: sampleCommand },
  jobs: { usage: JOBS_USAGE, run: jobsCommand },
  inbox: { usage: INBOX_USAGE, run: inboxCommand },
  campaign: { usage: CAMPAIGN_USAGE, run: campaignCommand },
  backup: { usage: BACKUP_USAGE, run: backupCommand },
  restore: { usage: RESTORE_USAGE, run: restoreCommand },
  audit: { usage: AUDIT_USAGE, run: auditCommand },
  encrypt: { usage: ENCRYPT_USAGE, run: encryptCommand },
  decrypt: { usage: DECRYPT_USAGE, run: decryptCommand },
  rekey: { usage: REKEY_USAGE, run: rekeyCommand },
};

const USAGE = `npm run cli -- <command> [options]

  import FILE --as customers|orders|interactions|feedback   import a CSV, TSV or XLSX file
  export LIST --to FILE.csv|FILE.xlsx                         export a list
  sample [--seed N] [--customers N]                           load the sample shop
  jobs [--limit N]                                            list the recent jobs
  campaign create|list|show|approve|export|resume             win-back and campaign messages
  inbox [--limit N] [--json]                                  the most urgent open messages
  backup FILE [--backup-passphrase-env NAME]                  back up the database to FILE
  restore FILE [--backup-passphrase-env NAME]                 check a backup, then restore it
  audit [--limit N] [--customer ID] [--action A] [--json]     the newest audit-log entries
  encrypt | decrypt | rekey                                   turn encryption on or off, change the passphrase

Every command takes --data-dir DIR (default: the app's data folder) and --help.`;

const wantsHelp = (argv: string[]) => argv.includes('--help') || argv.includes('-h');

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || wantsHelp([name])) {
    say(USAGE);
    result({ commands: Object.keys(COMMANDS) });
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n\n`);
    failure({ code: 'invalid_input', message: `There is no command "${name}". The commands are: ${Object.keys(COMMANDS).join(', ')}.`, field: 'command' });
    return 2;
  }
  if (wantsHelp(rest)) {
    say(command.usage);
    result({ usage: name });
    return 0;
  }
  try {
    result(await command.run(rest));
    return 0;
  } catch (err) {
    const f = toFailure(err);
    if (f.exitCode === 2) process.stderr.write(`${command.usage}\n\n`);
    failure(f.shape);
    return f.exitCode;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    failure(toFailure(err).shape);
    process.exitCode = 1;
  },
);
