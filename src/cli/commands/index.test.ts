import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandNamed } from '../main.js';
import { commandTable, loadAllCommands } from './index.js';

describe('the command table', () => {
  it("lists every command with its module's own name and description", async () => {
    const program = buildProgram(await loadAllCommands());
    const registered = program.commands.map((c: Command) => [c.name(), c.description()]);
    expect(registered).toEqual(commandTable.map((e) => [e.name, e.summary]));
  });

  it('finds the command an argument list names, past global options and their values', () => {
    expect(commandNamed(['serve'])).toBe('serve');
    expect(commandNamed(['--port', '8080', '--data', 'x', 'fsck', 'demo'])).toBe('fsck');
    expect(commandNamed(['--database-url', 'postgres://h/db', 'backup', 'f'])).toBe('backup');
    expect(commandNamed(['--port=8080', 'count', 'a.blt'])).toBe('count');
    expect(commandNamed(['help', 'count'])).toBe('count');
    expect(commandNamed(['--help'])).toBeUndefined();
    expect(commandNamed(['help'])).toBeUndefined();
    expect(commandNamed([])).toBeUndefined();
  });
});
