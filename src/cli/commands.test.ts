import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.js';

describe('COMMANDS', () => {
  it('lists a one-line summary for every command and loads each by its name', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      expect(entry.summary, name).toMatch(/^[a-z].{10,}$/);
      expect(entry.summary, name).not.toContain('\n');
      const command = await entry.load();
      expect(command.usage.startsWith(`sitrep ${name}`), name).toBe(true);
    }
  });

  it('say which stages the JSONL commands run', async () => {
    expect((await COMMANDS.quotes!.load()).stages).toBe('tokenize → entities → quotes');
    expect((await COMMANDS.events!.load()).stages).toBe('tokenize → entities → time → events');
    for (const name of ['timex', 'tag', 'extract-html']) expect((await COMMANDS[name]!.load()).stages).toBeTruthy();
  });
});
