// Turning failures into the words a user sees. The API's error body (ErrorBody) carries a
// message naming the field and the rule; we show it verbatim.
import { ErrorBody } from "../schema";

const FALLBACK: Record<number, string> = {
  400: "The request was not accepted.",
  401: "No valid API key was provided.",
  402: "This task type is not enabled for the account.",
  404: "Not found.",
  429: "Too many requests. Wait a moment and try again.",
  500: "The server had a problem. Try again later.",
};

function fallbackMessage(status: number): string {
  return FALLBACK[status] ?? `The server answered HTTP ${status}.`;
}

export async function readErrorMessage(response: Response): Promise<string> {
  let text = "";
  try {
    text = await response.text();
  } catch {
    return fallbackMessage(response.status);
  }
  try {
    const body = ErrorBody.safeParse(JSON.parse(text));
    if (body.success && body.data.error) return body.data.error;
  } catch {
    // Not JSON (e.g. a proxy's HTML page): fall through to the generic message.
  }
  return fallbackMessage(response.status);
}

/** A one-line description of any thrown value, for error states. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export function errorStatus(error: unknown): number | undefined {
  if (error && typeof error === "object" && "status" in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
