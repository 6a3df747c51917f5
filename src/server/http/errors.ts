import type { FastifyReply } from "fastify";

/** An answer with one of the docs' error codes and a message that names the field and the rule. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra fields beside status_code and error, e.g. the task_id a unique_id already names. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiError(400, message);
export const notFound = (message: string) => new ApiError(404, message);

export function sendError(reply: FastifyReply, statusCode: number, message: string, extra: Record<string, unknown> = {}) {
  return reply.code(statusCode).type("application/json").send({ status_code: statusCode, error: message, ...extra });
}
