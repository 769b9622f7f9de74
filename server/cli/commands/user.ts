// `slawatch user add|list|passwd|unlock`: accounts from the command line, on the configured
// store (SPEC §6). `user add --role admin` makes the first admin, after which `serve` may listen
// beyond loopback. Without --password the password is prompted for (or read from stdin).
import { parseArgs } from 'node:util';
import { changePassword, createAccount, publicUser } from '../../security/accounts.ts';
import { unlock, accountKey, addressKey } from '../../security/lockout.ts';
import type { SecurityDeps } from '../../security/security-deps.ts';
import { configPath, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';
import { readSecret } from '../read-secret.ts';

export const userUsage =
  'user add --username U --role admin|editor|viewer [--password P] | user list | ' +
  'user passwd --username U [--password P] | user unlock (--username U | --address IP) [--config FILE]';

const cliActor = { name: 'cli', address: 'local' };

export async function runUser(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      address: { type: 'string' },
      config: { type: 'string' },
    },
  });
  if (!action || !['add', 'list', 'passwd', 'unlock'].includes(action))
    throw new UsageError(`usage: slawatch ${userUsage}`);
  const config = await loadConfigOrFail(configPath(values.config, io), io);
  const nowMs = io.nowMs ?? Date.now;
  const store = await openConfiguredStore(config, io, nowMs());
  const deps: SecurityDeps = { store, settings: () => config.security, nowMs };
  try {
    if (action === 'list') {
      for (const u of await store.security.listUsers()) writeLine(io.stdout, JSON.stringify(publicUser(u)));
      return 0;
    }
    if (action === 'unlock') {
      const key = values.username ? accountKey(values.username) : values.address ? addressKey(values.address) : null;
      if (!key) throw new UsageError('user unlock: give --username or --address');
      await unlock(deps, key, cliActor);
      writeLine(io.stdout, `unlocked ${key}`);
      return 0;
    }
    if (!values.username) throw new UsageError(`user ${action}: --username is required`);
    const password = values.password ?? (await readSecret(io, 'Password: '));
    if (action === 'add') {
      const created = await createAccount(
        deps,
        { username: values.username, role: values.role ?? '', password },
        cliActor,
      );
      if (!created.ok) throw new UsageError(`user add:\n${created.errors.map((e) => `  ${e}`).join('\n')}`);
      writeLine(io.stdout, `created ${created.value.role} ${created.value.username}`);
      return 0;
    }
    const user = await store.security.getUserByName(values.username);
    if (!user) throw new UsageError(`user passwd: no user "${values.username}"`);
    const changed = await changePassword(deps, user, password, cliActor);
    if (!changed.ok) throw new UsageError(`user passwd:\n${changed.errors.map((e) => `  ${e}`).join('\n')}`);
    writeLine(io.stdout, `password changed for ${user.username}`);
    return 0;
  } finally {
    await store.close();
  }
}
