#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import type { Language } from '@caseroom/shared';
import { isBackupCli, runBackupCli } from './backupCommand.ts';
import { type CommandOptions, defaults, EXIT, priceCommand, validateCommand } from './commands.ts';
import { say } from './messages.ts';
import { readCaseFile } from './readCaseFile.ts';
import { isSetupCli, runSetupCli } from './setupCommand.ts';

/** `caseroom validate|price <case.json>`: the shared validation and pricing from a terminal. */
export function run(argv: string[]): { output: string; exitCode: number; toStderr: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        seed: { type: 'string' },
        iterations: { type: 'string' },
        lang: { type: 'string', default: 'da' },
      },
    });
  } catch (error) {
    return { output: `${(error as Error).message}\n${say('da', 'usage')}`, exitCode: EXIT.badFile, toStderr: true };
  }
  const { values, positionals } = parsed;
  const lang: Language = values.lang === 'en' ? 'en' : 'da';
  const fail = (message: string) => ({ output: message, exitCode: EXIT.badFile, toStderr: true });
  if (values.lang !== 'da' && values.lang !== 'en')
    return fail(say('en', 'badOption', { option: 'lang', value: String(values.lang) }));
  const seed = values.seed === undefined ? defaults.seed : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0)
    return fail(say(lang, 'badOption', { option: 'seed', value: String(values.seed) }));
  const iterations = values.iterations === undefined ? defaults.iterations : Number(values.iterations);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 1_000_000) {
    return fail(say(lang, 'badOption', { option: 'iterations', value: String(values.iterations) }));
  }
  const [command, file] = positionals;
  if (command !== 'validate' && command !== 'price') {
    return fail(`${command ? say(lang, 'unknownCommand', { command }) : ''}\n${say(lang, 'usage')}`.trim());
  }
  if (!file) return fail(`${say(lang, 'missingFile')}\n${say(lang, 'usage')}`);
  const read = readCaseFile(file, lang);
  if (!read.ok) return fail(read.message);
  const options: CommandOptions = { lang, json: Boolean(values.json), seed, iterations };
  const result = command === 'validate' ? validateCommand(read.model, options) : priceCommand(read.model, options);
  return { ...result, toStderr: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  // setup, backup and restore work on a data directory; the rest on a case file.
  if (isSetupCli(argv)) {
    const result = await runSetupCli(argv, { isTerminal: Boolean(process.stdout.isTTY) });
    (result.toStderr ? process.stderr : process.stdout).write(`${result.output}\n`);
    process.exitCode = result.exitCode;
  } else if (isBackupCli(argv)) {
    const result = await runBackupCli(argv);
    (result.toStderr ? process.stderr : process.stdout).write(`${result.output}\n`);
    process.exitCode = result.exitCode;
  } else {
    const result = run(argv);
    (result.toStderr ? process.stderr : process.stdout).write(`${result.output}\n`);
    process.exitCode = result.exitCode;
  }
}
