import type { ReactNode } from "react";
import { ariaKeysOf, keyCapOf, titleOf } from "../../../commands";
import type { AuditCommand, AuditContext } from "../commands";

/** A button that runs a registry command: its label, key hint and enabled state come from there. */
export function CommandButton({
  command,
  context,
  className = "btn",
  children,
  type = "button",
}: {
  command: AuditCommand;
  context: AuditContext;
  className?: string;
  /** Visible text when it should be shorter than the command's label. */
  children?: ReactNode;
  type?: "button" | "submit";
}) {
  const cap = keyCapOf(command);
  return (
    <button
      type={type}
      className={className}
      disabled={!command.canRun(context)}
      title={titleOf(command)}
      aria-keyshortcuts={ariaKeysOf(command)}
      // A submit button lets its form run the command (the form validates the feedback first).
      onClick={type === "submit" ? undefined : () => command.run(context)}
    >
      {children ?? command.label} <kbd aria-hidden>{cap}</kbd>
    </button>
  );
}
