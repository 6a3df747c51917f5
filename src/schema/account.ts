import { z } from "zod";
import { CallbackUrl } from "./common";

/** `GET /v1/account` (beyond the docs): what the console's Settings page shows the key's owner. */
export const Account = z.object({
  account_id: z.string(),
  name: z.string(),
  mode: z.enum(["test", "live"]),
  /** Sent as the scale-callback-auth header on every callback. */
  callback_auth_key: z.string(),
  /** Used for tasks created without a callback_url. */
  default_callback_url: z.string().nullable(),
});
export type Account = z.infer<typeof Account>;

/** `POST /v1/account`: `null` or "" clears the default callback URL. */
export const AccountUpdate = z.object({
  default_callback_url: z.preprocess((v) => (v === "" ? null : v), CallbackUrl.nullable()),
});
export type AccountUpdate = z.infer<typeof AccountUpdate>;

/** `GET /console-api/config`: which API the proxy talks to; never the server's key itself. */
export const ConsoleConfig = z.object({
  api: z.string(),
  /** Members signed into this console use the server's key upstream (proxy mode). */
  server_key: z.boolean(),
  /** Whether the console accepts an API key as the account's admin (CONSOLE_KEY_SIGN_IN). */
  key_sign_in: z.boolean(),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;
