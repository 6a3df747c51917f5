// Teams: who the console is signed in as, sign-in and out, invites, members, sessions, and a
// task's activity. The session itself is an HTTP-only cookie the browser keeps; this module only
// remembers the CSRF token /console-api/me hands out (see http.ts).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ActivityList, InviteInfo, InviteOutcome, Me, Member, MemberList, SessionList, type Role } from "../schema";
import { ApiError, request, setCsrfToken } from "./http";
import { getApiKey } from "./auth";
import { queryKeys } from "./keys";

const Ok = z.object({ ok: z.literal(true) });
const enc = encodeURIComponent;

/** Who the console is signed in as; null when nobody is (no key, no live session). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await request("/console-api/me", Me, { signal });
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    // Not being signed in is the sign-in screen's normal case, not an error to report.
    if (error instanceof ApiError && error.status === 401 && !getApiKey()) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function signInWithPassword(email: string, password: string) {
  return request("/console-api/sign-in", Ok, { method: "POST", body: { email, password }, auth: false });
}

export async function signOutMember() {
  await request("/console-api/sign-out", Ok, { method: "POST" });
  setCsrfToken(null);
}

export function lookupInvite(token: string) {
  return request("/console-api/invites/lookup", InviteInfo, { method: "POST", body: { token }, auth: false });
}

export function acceptInvite(token: string, password: string) {
  return request("/console-api/invites/accept", Ok, { method: "POST", body: { token, password }, auth: false });
}

export function useMe(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: queryKeys.me(), queryFn: ({ signal }) => getMe(signal), enabled: options.enabled ?? true, staleTime: 60_000 });
}

export function useSwitchMode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: "test" | "live") => request("/console-api/me/mode", Me, { method: "POST", body: { mode } }),
    // Everything fetched belongs to the other mode now.
    onSuccess: () => qc.invalidateQueries(),
  });
}

export function useMySessions() {
  return useQuery({ queryKey: queryKeys.mySessions(), queryFn: ({ signal }) => request("/console-api/me/sessions", SessionList, { signal }) });
}

export function useRevokeMySession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request(`/console-api/me/sessions/${enc(id)}/revoke`, Ok, { method: "POST" }),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.mySessions() }),
  });
}

export function useMembers() {
  return useQuery({ queryKey: queryKeys.members.list(), queryFn: ({ signal }) => request("/console-api/members", MemberList, { signal }) });
}

export function useMemberSessions(memberId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.members.sessions(memberId),
    queryFn: ({ signal }) => request(`/console-api/members/${enc(memberId)}/sessions`, SessionList, { signal }),
    enabled,
  });
}

function useMemberMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.members.all() }) });
}

export function useInviteMember() {
  return useMemberMutation((input: { name: string; email: string; role: Role }) =>
    request("/console-api/members", InviteOutcome, { method: "POST", body: input }),
  );
}

export function useChangeRole() {
  return useMemberMutation(({ id, role }: { id: string; role: Role }) =>
    request(`/console-api/members/${enc(id)}`, Member, { method: "POST", body: { role } }),
  );
}

export function useResetPassword() {
  return useMemberMutation((id: string) => request(`/console-api/members/${enc(id)}/reset-password`, InviteOutcome, { method: "POST" }));
}

export function useRemoveMember() {
  return useMemberMutation((id: string) => request(`/console-api/members/${enc(id)}/remove`, Ok, { method: "POST" }));
}

export function useRevokeMemberSession() {
  return useMemberMutation(({ memberId, sessionId }: { memberId: string; sessionId: string }) =>
    request(`/console-api/members/${enc(memberId)}/sessions/${enc(sessionId)}/revoke`, Ok, { method: "POST" }),
  );
}

export function useTaskActivity(taskId: string) {
  return useQuery({
    queryKey: queryKeys.tasks.activity(taskId),
    queryFn: ({ signal }) => request(`/v1/task/${enc(taskId)}/activity`, ActivityList, { signal }),
  });
}
