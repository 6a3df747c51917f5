// The frame around every signed-in screen: the mode banner, the side navigation and the page.
// On a narrow screen the navigation is a drawer behind a Menu button: Esc, the backdrop or a
// link close it, focus moves into it on open and back to the button on close, and the page
// behind it is inert while it is open.
import { Link, Navigate, Outlet, useRouterState } from "@tanstack/react-router";
import { useApiKey, useMe } from "../client";
import { useEffect, useId, useRef, useState } from "react";
import { useNarrowScreen } from "../features/tasks";
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
  const narrow = useNarrowScreen();
  const [menuOpen, setMenuOpen] = useState(false);
  const open = narrow && menuOpen;
  const menuButton = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const navId = useId();

  const close = (restoreFocus: boolean) => {
    setMenuOpen(false);
    if (restoreFocus) menuButton.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    nav.current?.querySelector<HTMLElement>("a[href]")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      e.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className={styles.frame}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <ModeBanner />
      <header className={styles.topBar}>
        <button
          ref={menuButton}
          type="button"
          className={`btn btn-ghost ${styles.menuButton}`}
          aria-expanded={open}
          aria-controls={navId}
          onClick={() => setMenuOpen((o) => !o)}
        >
          <MenuIcon />
          Menu
        </button>
        <div className={styles.brand}>
          <img src="/favicon.svg" alt="" width={20} height={20} />
          <span>Scale Workbench</span>
        </div>
      </header>
      <div className={styles.body}>
        {open ? <div className={styles.backdrop} onClick={() => close(true)} aria-hidden="true" /> : null}
        <nav
          ref={nav}
          id={navId}
          className={`${styles.nav} ${open ? styles.navOpen : ""}`}
          aria-label="Main"
          // Closed on a narrow screen: off-canvas and out of the tab order.
          inert={narrow && !open}
        >
          <div className={styles.brand}>
            <img src="/favicon.svg" alt="" width={20} height={20} />
            <span>Scale Workbench</span>
            {narrow ? (
              <button type="button" className={`btn btn-ghost ${styles.closeButton}`} onClick={() => close(true)} aria-label="Close menu">
                <CloseIcon />
              </button>
            ) : null}
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
                  onClick={() => close(false)}
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
        <main id="main" className={styles.main} tabIndex={-1} inert={open}>
          {pathAllowed(role, pathname) ? <Outlet /> : <Navigate to={navFor(role)[0].to as "/"} replace />}
        </main>
      </div>
    </div>
  );
}

function CloseIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function MenuIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}
