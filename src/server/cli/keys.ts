import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { openDatabase } from "../store/db";
import { addKey, createAccount, generateKey, revokeKey } from "../store/accounts";
import { describeZodError, MemberInvite } from "../../schema";
import { findMemberByEmail, listMembers, lockOutMember } from "../store/members";
import { inviteMember, issueLink } from "../accounts/invites";

// `npm run keys -- <command>`: manage accounts and API keys in DATA_DIR without reading the DB.

const USAGE = `usage: npm run keys -- <command> [options]
  accounts                               list accounts and their keys (prefixes only)
  create-account <name>                  create an account with a test and a live key
  issue [--account ID] [--mode test|live]  issue a key (default: first account, live)
  revoke <key>                           revoke a key
  members [--account ID]                 list members (name, e-mail, role, status)
  invite --email E --name N --role R [--account ID]
                                         add a member (admin|manager|reviewer|labeler); prints the set-password link
  reset-password --email E               end the member's sessions and password; prints a new link
Reads DATA_DIR (default ./.data), or the PostgreSQL database at DATABASE_URL when set; links use PUBLIC_URL, else http://localhost:PORT.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      account: { type: "string" },
      mode: { type: "string", default: "live" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [command, arg] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  const firstAccount = async () => {
    const row = await db.selectFrom("accounts").select("id").orderBy("created_at").limit(1).executeTakeFirst();
    if (!row) throw new Error("no account yet: start the server once, or run create-account");
    return row.id;
  };
  try {
    switch (command) {
      case "accounts": {
        const accounts = await db.selectFrom("accounts").selectAll().orderBy("created_at").execute();
        for (const a of accounts) {
          console.log(`${a.id}  ${a.name}`);
          const keys = await db.selectFrom("api_keys").selectAll().where("account_id", "=", a.id).execute();
          for (const k of keys) {
            console.log(`    ${k.key_prefix}…  ${k.mode}  ${k.revoked_at ? "revoked" : "active"}`);
          }
        }
        if (accounts.length === 0) console.log("no accounts yet: start the server once, or run create-account");
        return 0;
      }
      case "create-account": {
        if (!arg) throw new Error("create-account needs a name");
        const id = await createAccount(db, arg);
        const test = generateKey("test");
        const live = generateKey("live");
        await addKey(db, id, test);
        await addKey(db, id, live);
        console.log(`account ${id} (${arg})\n  test key: ${test}\n  live key: ${live}\nThe keys are shown once; store them now.`);
        return 0;
      }
      case "issue": {
        const mode = values.mode;
        if (mode !== "test" && mode !== "live") throw new Error("--mode must be test or live");
        const account =
          values.account ??
          (await db.selectFrom("accounts").select("id").orderBy("created_at").limit(1).executeTakeFirst())?.id;
        if (!account) throw new Error("no account yet: start the server once, or run create-account");
        const exists = await db.selectFrom("accounts").select("id").where("id", "=", account).executeTakeFirst();
        if (!exists) throw new Error(`no account ${account}`);
        const key = generateKey(mode);
        await addKey(db, account, key);
        console.log(`${key}\n(${mode} key for account ${account}; shown once, store it now)`);
        return 0;
      }
      case "revoke": {
        if (!arg) throw new Error("revoke needs the key");
        if (!(await revokeKey(db, arg))) throw new Error("no active key matches");
        console.log("revoked");
        return 0;
      }
      case "members": {
        const account = values.account ?? (await firstAccount());
        for (const m of await listMembers(db, account)) {
          console.log(`${m.id}  ${m.role.padEnd(8)}  ${m.has_password ? "active " : "invited"}  ${m.name} <${m.email}>`);
        }
        return 0;
      }
      case "invite": {
        const parsed = MemberInvite.safeParse({ email: values.email, name: values.name, role: values.role });
        if (!parsed.success) throw new Error(describeZodError(parsed.error, values));
        const { member, issued } = await inviteMember(db, config, base, values.account ?? (await firstAccount()), parsed.data);
        console.log(`${member.name} <${member.email}> invited as ${member.role}\nset-password link (once, until ${new Date(issued.expiresAt).toISOString()}):\n${issued.link}`);
        return 0;
      }
      case "reset-password": {
        if (!values.email) throw new Error("reset-password needs --email");
        const m = await findMemberByEmail(db, values.email);
        if (!m) throw new Error(`no member with e-mail ${values.email}`);
        await lockOutMember(db, m.id, { clearPassword: true });
        const issued = await issueLink(db, config, base, m, true);
        console.log(`${m.name} <${m.email}>: sessions ended, password cleared\nset-password link (once, until ${new Date(issued.expiresAt).toISOString()}):\n${issued.link}`);
        return 0;
      }
      default:
        console.error(`unknown command "${command}"\n${USAGE}`);
        return 1;
    }
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
