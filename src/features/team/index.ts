// Public surface of the team feature: sign-in's set-password page, members (admins), my account,
// and the work-queue placeholder labelers see until the workbench lands.
export { Welcome } from "./Welcome";
export { MembersPage } from "./MembersPage";
export { AccountPage } from "./AccountPage";
export { WorkQueuePage } from "./WorkQueuePage";
export { ROLE_LABELS, ROLE_SUMMARY } from "./roles";
