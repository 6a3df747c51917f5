// The beyond-the-docs response shapes the client uses, re-exported from src/schema so screens
// import every wire type from one place (the client) and none is ever restated.
import { z } from "zod";
export { Account, AuditList, AuditSample, AuditStats, CallbackAttempt, CallbackLog, ConsoleConfig, Stats } from "../schema";

/** Answers we only acknowledge (e.g. resendCallback); any JSON body is fine. */
export const Acknowledgement = z.unknown();
