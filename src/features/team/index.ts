// Public surface of the team feature: sign-in's set-password page, members (admins), my account.
export { Welcome } from "./Welcome";
export { MembersPage } from "./MembersPage";
export { AccountPage } from "./AccountPage";
export { ROLE_LABELS, ROLE_SUMMARY } from "./roles";
