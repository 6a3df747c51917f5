// Decides between the sign-in screen and the console. The URL is left alone either way, so a
// shared link opens the right screen once the user has signed in.
import { useApiKey, useConsoleConfig, useUnauthorized } from "../client";
import { Loading } from "../features/tasks";
import { Layout } from "./Layout";
import { SignIn } from "./SignIn";

export function AuthGate() {
  const { key } = useApiKey();
  const unauthorized = useUnauthorized();
  const config = useConsoleConfig();

  if (config.isPending && !key) return <Loading label="Connecting…" />;
  // If the config endpoint fails we can't know about a server key; ask for one.
  const serverKey = config.data?.server_key ?? false;

  if (unauthorized !== null || (!key && !serverKey)) {
    return <SignIn reason={unauthorized || null} serverKey={serverKey} hadKey={Boolean(key)} />;
  }
  return <Layout />;
}
