import type { FastifyInstance } from "fastify";
import { AccountUpdate, describeZodError, type Account } from "../../schema";
import type { Db } from "../store/db";
import { getAccount } from "../store/accounts";
import { newSecret } from "../store/ids";
import { badRequest } from "../http/errors";

async function wireAccount(db: Db, accountId: string, mode: Account["mode"]): Promise<Account> {
  const a = await getAccount(db, accountId);
  return {
    account_id: a.id,
    name: a.name,
    mode,
    callback_auth_key: a.callback_auth_key,
    default_callback_url: a.default_callback_url,
  };
}

export function registerAccountRoutes(app: FastifyInstance, db: Db): void {
  app.get("/account", async (req) => wireAccount(db, req.principal.accountId, req.principal.mode));

  app.post("/account", async (req) => {
    const parsed = AccountUpdate.safeParse(req.body);
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, req.body));
    await db
      .updateTable("accounts")
      .set({ default_callback_url: parsed.data.default_callback_url })
      .where("id", "=", req.principal.accountId)
      .execute();
    return wireAccount(db, req.principal.accountId, req.principal.mode);
  });

  app.post("/account/rotateCallbackAuthKey", async (req) => {
    await db
      .updateTable("accounts")
      .set({ callback_auth_key: newSecret("", 24) })
      .where("id", "=", req.principal.accountId)
      .execute();
    return wireAccount(db, req.principal.accountId, req.principal.mode);
  });
}
