import nodemailer from "nodemailer";
import type { Config } from "../config";
import { smtpSettings } from "../callbacks/email";

// Invite and reset links go out through the same SMTP_URL as e-mail callbacks. Without it the
// caller shows the link to the admin to pass on, so nothing depends on mail being set up.

export type InviteMail = { sent: true } | { sent: false; error: string | null };

export async function mailInviteLink(config: Config, to: { name: string; email: string }, link: string, reset: boolean): Promise<InviteMail> {
  const smtp = smtpSettings(config, "Scale Workbench <members@localhost>");
  if (!smtp.url) return { sent: false, error: null };
  const transport = nodemailer.createTransport(smtp.url);
  try {
    await transport.sendMail({
      from: smtp.from,
      to: `${to.name} <${to.email}>`,
      subject: reset ? "Set a new password for Scale Workbench" : "You are invited to Scale Workbench",
      text: [
        `Hello ${to.name},`,
        "",
        reset ? "An admin reset your password. Choose a new one here:" : "You have been invited to the Scale Workbench console. Choose your password here:",
        link,
        "",
        "The link works once and expires in 7 days.",
      ].join("\n"),
    });
    return { sent: true };
  } catch (err) {
    return { sent: false, error: `SMTP: ${(err as Error).message}` };
  } finally {
    transport.close();
  }
}
