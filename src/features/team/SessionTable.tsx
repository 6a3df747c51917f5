import type { Session } from "../../client";
import { Timestamp } from "../tasks";

/** Browser and address of each session, with a revoke button. */
export function SessionTable({ sessions, onRevoke, busy }: { sessions: Session[]; onRevoke: (id: string) => void; busy: boolean }) {
  if (sessions.length === 0) return <p className="muted">No active sessions.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Browser</th>
          <th>Address</th>
          <th>Signed in</th>
          <th>Last seen</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td title={s.user_agent}>
              {describeAgent(s.user_agent)} {s.current ? <span className="badge badge-accent">this browser</span> : null}
            </td>
            <td className="mono">{s.ip}</td>
            <td>
              <Timestamp value={s.created_at} />
            </td>
            <td>
              <Timestamp value={s.last_seen_at} />
            </td>
            <td>
              <button type="button" className="btn btn-sm" disabled={busy} onClick={() => onRevoke(s.id)}>
                {s.current ? "Sign out here" : "Revoke"}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describeAgent(ua: string): string {
  if (!ua) return "Unknown client";
  const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : ua.split(" ")[0];
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}
