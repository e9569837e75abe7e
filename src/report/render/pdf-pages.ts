import { getDocumentProxy } from "unpdf";

/**
 * The page (1-based) each named destination of a PDF lands on. Chromium writes one named
 * destination per element id that a link points at, so after a printing this says where each
 * linked heading landed: what the contents' page column prints.
 * @example const pages = await anchorPages(pdf); pages.get("objective-scs-2011-14-priority-3") // 5
 */
export async function anchorPages(pdf: Uint8Array): Promise<Map<string, number>> {
  // pdf.js takes ownership of (detaches) the buffer it reads: give it a copy.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const pages = new Map<string, number>();
    const destinations = (await document.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, destination] of Object.entries(destinations)) {
      const ref = destination?.[0];
      if (ref && typeof ref === "object") pages.set(name, (await document.getPageIndex(ref as never)) + 1);
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
