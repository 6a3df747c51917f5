// Toolbar icons as inline SVG (currentColor), so they follow the theme and need no asset pipeline.
const common = { width: 16, height: 16, viewBox: "0 0 16 16", fill: "none", stroke: "currentColor", strokeWidth: 1.5, "aria-hidden": true } as const;

export function FullscreenIcon({ exit }: { exit: boolean }) {
  return exit ? (
    <svg {...common}>
      <path d="M6 2v4H2M10 2v4h4M6 14v-4H2M10 14v-4h4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  ) : (
    <svg {...common}>
      <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function PanelIcon() {
  return (
    <svg {...common}>
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
      <path d="M10 2.75v10.5" />
      <path d="M11.6 5.5h1.2M11.6 7.5h1.2M11.6 9.5h1.2" strokeLinecap="round" />
    </svg>
  );
}
