// Equal tiles filling the area, paged when there are more than fit (the layout of LiveKit's
// GridLayout, with the page controls in Portuguese and labelled).
import { TrackLoop, useGridLayout, usePagination, useSwipe, type TrackReferenceOrPlaceholder } from "@livekit/components-react";
import { useRef } from "react";

import { RoomTile } from "./room-tile";

export function VideoGrid({ tracks, className }: { tracks: TrackReferenceOrPlaceholder[]; className?: string }) {
  const grid = useRef<HTMLDivElement>(null);
  const { layout } = useGridLayout(grid, tracks.length);
  const pages = usePagination(layout.maxTiles, tracks);
  useSwipe(grid, { onLeftSwipe: pages.nextPage, onRightSwipe: pages.prevPage });
  return (
    <div className={`room-grid-wrap ${className ?? ""}`}>
      <div ref={grid} className="lk-grid-layout room-grid">
        <TrackLoop tracks={pages.tracks}>
          <RoomTile />
        </TrackLoop>
      </div>
      {pages.totalPageCount > 1 ? (
        <div className="room-pager" role="group" aria-label="Páginas de vídeos">
          <button type="button" className="room-control" onClick={pages.prevPage} disabled={pages.currentPage === 1}>
            ‹ Anteriores
          </button>
          <span aria-live="polite">
            Página {pages.currentPage} de {pages.totalPageCount}
          </span>
          <button type="button" className="room-control" onClick={pages.nextPage} disabled={pages.currentPage === pages.totalPageCount}>
            Próximos ›
          </button>
        </div>
      ) : null}
    </div>
  );
}
