// The frame around every signed-in screen: the mode banner, the side navigation and the page.
import { Link, Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import { useApiKey, useMe } from "../client";
import { ModeBanner, ModeBadge } from "./ModeBanner";
import { navFor, pathAllowed } from "./nav";
import { useSignOut } from "./useSignOut";
import styles from "./Layout.module.css";

export function Layout() {
  const signOut = useSignOut();
  // AuthGate renders the layout once /console-api/me answered (or at once with a key: an admin).
  const { key } = useApiKey();
  const role = useMe().data?.role ?? (key ? "admin" : "labeler");
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <div className={styles.frame}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <ModeBanner />
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Main">
          <div className={styles.brand}>
            <img src="/favicon.svg" alt="" width={20} height={20} />
            <span>Scale Workbench</span>
          </div>
          <ul className={styles.navList}>
            {/* Screens not built yet stay out of the way until their route exists. */}
            {navFor(role).map((item) => (
              <li key={item.to}>
                <Link
                  // Only `ready` items get here, and each of them has a registered route.
                  to={item.to as "/"}
                  className={styles.navLink}
                  activeProps={{ className: `${styles.navLink} ${styles.active}`, "aria-current": "page" }}
                  activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          <div className={styles.navFooter}>
            <ModeBadge />
            <button type="button" className="btn btn-sm btn-ghost" onClick={signOut}>
              Sign out
            </button>
          </div>
        </nav>
        <main id="main" className={styles.main} tabIndex={-1}>
          {pathAllowed(role, pathname) ? <Outlet /> : <Navigate to={navFor(role)[0].to as "/"} replace />}
        </main>
      </div>
    </div>
  );
}
