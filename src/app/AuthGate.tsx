// Decides between the sign-in screen, the set-password page of an invite, and the console. The
// URL is left alone either way, so a shared link opens the right screen once the user signed in.
import { useRouterState } from "@tanstack/react-router";
import { describeError, errorStatus, useApiKey, useConsoleConfig, useMe, useUnauthorized } from "../client";
import { Loading } from "../features/tasks";
import { Welcome } from "../features/team";
import { Layout } from "./Layout";
import { SignIn } from "./SignIn";

export function AuthGate() {
  const { key } = useApiKey();
  const unauthorized = useUnauthorized();
  const config = useConsoleConfig();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const onWelcome = pathname === "/welcome";
  const me = useMe({ enabled: unauthorized === null && !onWelcome });

  if (onWelcome) return <Welcome />;
  const keySignIn = config.data?.key_sign_in ?? true;
  if (unauthorized !== null) return <SignIn reason={unauthorized || null} keySignIn={keySignIn} hadKey={Boolean(key)} />;
  // A key is the account's admin: its console needn't wait for /console-api/me to confirm.
  if (me.isPending) return key ? <Layout /> : <Loading label="Connecting…" />;
  if (me.data === null) return <SignIn reason={null} keySignIn={keySignIn} hadKey={false} />;
  if (me.isError) {
    const status = errorStatus(me.error);
    // 401: not signed in (the quiet case); 403: e.g. key sign-in turned off.
    const reason = status === 401 && !key ? null : describeError(me.error);
    return <SignIn reason={reason} keySignIn={keySignIn} hadKey={Boolean(key) && status !== 401} />;
  }
  return <Layout />;
}
