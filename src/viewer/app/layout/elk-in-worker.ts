/// <reference types="vite/client" />
import ElkApi from "elkjs/lib/elk-api.js";
import type { ELK } from "elkjs/lib/elk-api.js";
// ELK (compiled from Java, 1.6 MB) runs in a Web Worker: the page's own JavaScript stays small
// and the main thread stays free while the layout is computed.
import workerUrl from "elkjs/lib/elk-worker.min.js?url";

/** The browser's ELK: the small API on this thread, the layout engine in a worker started on first use. */
export function createWorkerElk(): ELK {
  const loaded = ElkApi as unknown as
    | (new (options: { workerUrl: string }) => ELK)
    | {
        default: new (options: { workerUrl: string }) => ELK;
      };
  const Constructor = typeof loaded === "function" ? loaded : loaded.default;
  return new Constructor({ workerUrl });
}
