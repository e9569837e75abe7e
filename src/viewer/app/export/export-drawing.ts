import { h } from "../dom.ts";
import type { LaidOutDiagram } from "../layout/layout-diagram.ts";
import { diagramSvg } from "../render/diagram-svg.ts";

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: fileName, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "governance-barnet-2017-07-21.svg" */
function exportName(partnershipId: string | null, asOf: string, extension: string): string {
  const slug = (partnershipId ?? "diagram").replace(/^partnership:/, "").replace(/[^a-z0-9-]+/gi, "-");
  return `governance-${slug}-${asOf}.${extension}`;
}

export interface ExportSource {
  drawing: LaidOutDiagram | null;
  partnership: { id: string; name: string } | null;
  asOf: string;
  png: () => Promise<Blob>;
}

function drawn(source: ExportSource): LaidOutDiagram {
  if (!source.drawing) throw new Error("Nothing to export yet: the diagram has not loaded.");
  return source.drawing;
}

/** Downloads the diagram as a standalone SVG (text stays text, with a title and the legend). */
export function exportSvg(source: ExportSource): void {
  const svg = diagramSvg(
    drawn(source),
    source.partnership?.name ?? "Governance diagram",
    `Governance structure as of ${source.asOf}`,
  );
  download(
    new Blob([svg], { type: "image/svg+xml" }),
    exportName(source.partnership?.id ?? null, source.asOf, "svg"),
  );
}

/** Downloads the diagram as a PNG at twice its own resolution. */
export async function exportPng(source: ExportSource): Promise<void> {
  drawn(source);
  download(await source.png(), exportName(source.partnership?.id ?? null, source.asOf, "png"));
}
