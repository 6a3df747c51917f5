import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../config";

// The docs allow an e-mail address as callback_url ("email automation pipelines"): the message
// body is the callback's JSON. With SMTP_URL it is sent (the sender may be given as `?from=`
// on the URL); without it the message is kept as an .eml file under DATA_DIR/mail and the
// delivery shows as failed with the file's path, so nothing disappears silently.

export type MailOutcome =
  | { delivered: true }
  | { delivered: false; error: string; /** Whether another attempt could succeed. */ retry: boolean };

export function mailDir(config: Config): string {
  return path.join(config.dataDir, "mail");
}

function message(from: string, to: string, taskId: string, body: string) {
  return { from, to, subject: `Scale task ${taskId} finished`, text: JSON.stringify(JSON.parse(body), null, 2) };
}

/** A plain RFC 822 message, readable by any mail client. */
function toEml(m: ReturnType<typeof message>): string {
  return [
    `From: ${m.from}`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Date: ${new Date().toUTCString()}`,
    "Content-Type: application/json; charset=utf-8",
    "",
    m.text,
    "",
  ].join("\r\n");
}

/** SMTP_URL without its `?from=` (the sender, else `fallbackFrom`); url is null without SMTP_URL. */
export function smtpSettings(config: Config, fallbackFrom: string): { url: string | null; from: string } {
  if (!config.smtpUrl) return { url: null, from: fallbackFrom };
  const u = new URL(config.smtpUrl);
  const from = u.searchParams.get("from") ?? fallbackFrom;
  u.searchParams.delete("from");
  return { url: u.toString(), from };
}

export class CallbackMailer {
  private transport: Transporter | null = null;
  private readonly from: string;
  private readonly smtpUrl: string | null;

  constructor(private readonly config: Config) {
    const smtp = smtpSettings(config, "Scale Workbench <callbacks@localhost>");
    this.from = smtp.from;
    this.smtpUrl = smtp.url;
  }

  async send(to: string, taskId: string, jobId: number, body: string): Promise<MailOutcome> {
    const m = message(this.from, to, taskId, body);
    if (!this.smtpUrl) {
      const dir = mailDir(this.config);
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${taskId}-${jobId}.eml`);
      fs.writeFileSync(file, toEml(m));
      return { delivered: false, retry: false, error: `not sent: SMTP_URL is not set; the message is kept in ${file}` };
    }
    this.transport ??= nodemailer.createTransport(this.smtpUrl);
    try {
      await this.transport.sendMail(m);
      return { delivered: true };
    } catch (err) {
      return { delivered: false, retry: true, error: `SMTP: ${(err as Error).message}` };
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
