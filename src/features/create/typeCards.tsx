// The /create cards: what each task type is for, in one line, and an example drawn over one of
// the sample photos in public/sample-images (SVG overlays, so the example shows the geometry).
import type { ReactNode } from "react";
import type { TaskType } from "../../schema";

export interface TypeCard {
  line: string;
  image: string;
  /** The overlay, in a 300×200 viewBox over the image. */
  overlay: ReactNode;
}

const S = "/sample-images/";
const stroke = { fill: "none", stroke: "#ffd43b", strokeWidth: 3 } as const;

export const TYPE_CARDS: Record<TaskType, TypeCard> = {
  annotation: {
    line: "Draw a box around each object of the kinds you list.",
    image: `${S}chelsea.png`,
    overlay: <rect x="95" y="20" width="130" height="160" {...stroke} />,
  },
  pointannotation: {
    line: "Put a point on each object (eyes, headlights, stars).",
    image: `${S}chelsea.png`,
    overlay: (
      <g fill="#ffd43b" stroke="#1b2129" strokeWidth="1.5">
        <circle cx="138" cy="78" r="6" />
        <circle cx="186" cy="78" r="6" />
        <circle cx="162" cy="108" r="6" />
      </g>
    ),
  },
  lineannotation: {
    line: "Trace lines or splines along edges, lanes, wires.",
    image: `${S}rocket.jpg`,
    overlay: <polyline points="40,190 110,120 170,105 260,40" {...stroke} />,
  },
  cuboidannotation: {
    line: "Draw perspective cuboids around 3D objects.",
    image: `${S}coffee.png`,
    overlay: (
      <g {...stroke}>
        <rect x="80" y="60" width="110" height="100" />
        <polyline points="190,60 230,40 230,135 190,160" />
      </g>
    ),
  },
  polygonannotation: {
    line: "Outline each object with a polygon.",
    image: `${S}horse.png`,
    overlay: <polygon points="70,60 150,40 230,70 250,150 170,185 90,160" {...stroke} />,
  },
  segmentannotation: {
    line: "Label every pixel: semantic and per-instance masks.",
    image: `${S}astronaut.png`,
    overlay: (
      <g opacity="0.45">
        <rect x="0" y="0" width="300" height="200" fill="#4c6ef5" />
        <ellipse cx="150" cy="120" rx="80" ry="90" fill="#fa5252" />
      </g>
    ),
  },
  categorization: {
    line: "Sort an image, text, video or page into your categories.",
    image: `${S}coffee.png`,
    overlay: (
      <g>
        <rect x="10" y="10" width="120" height="30" rx="6" fill="#3b5bdb" />
        <text x="22" y="31" fill="#fff" fontSize="16" fontFamily="sans-serif">
          ✓ beverage
        </text>
      </g>
    ),
  },
  comparison: {
    line: "Compare two or more attachments and pick or describe.",
    image: `${S}horse.png`,
    overlay: (
      <g>
        <rect x="0" y="0" width="150" height="200" fill="none" stroke="#fff" strokeWidth="4" />
        <text x="60" y="110" fill="#fff" fontSize="28" fontFamily="sans-serif" stroke="#1b2129" strokeWidth="1">
          A | B
        </text>
      </g>
    ),
  },
  transcription: {
    line: "Transcribe fields and repeated rows from images, PDFs and pages.",
    image: `${S}camera.png`,
    overlay: (
      <g fill="#ffffff" opacity="0.9">
        <rect x="20" y="20" width="150" height="14" rx="3" />
        <rect x="20" y="44" width="110" height="14" rx="3" />
        <rect x="20" y="68" width="130" height="14" rx="3" />
      </g>
    ),
  },
  audiotranscription: {
    line: "Transcribe speech from an audio file, verbatim or clean.",
    image: `${S}hubble_deep_field.jpg`,
    overlay: (
      <polyline
        points="10,100 30,80 45,125 60,60 80,140 100,90 120,110 140,50 160,150 180,85 200,115 220,70 240,130 260,95 290,100"
        fill="none"
        stroke="#74c0fc"
        strokeWidth="4"
      />
    ),
  },
  datacollection: {
    line: "Collect the fields you name from a website.",
    image: `${S}rocket.jpg`,
    overlay: (
      <g>
        <rect x="10" y="10" width="280" height="24" fill="#f1f3f6" />
        <circle cx="24" cy="22" r="5" fill="#fa5252" />
        <circle cx="40" cy="22" r="5" fill="#fab005" />
        <circle cx="56" cy="22" r="5" fill="#40c057" />
      </g>
    ),
  },
};
