import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import css from 'vis-timeline/styles/vis-timeline-graph2d.min.css';

/**
 * The timeline's zoomable time axis (vis-timeline), bundled apart from the UI (`/ui/timeline-axis.js`) and loaded
 * only when the timeline is shown, so that no other view pays for it. Items carry DOM nodes as content, never
 * HTML strings: the library would parse a string as HTML.
 */
export interface AxisItem {
  id: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  label: string;
  conflictual: boolean;
}

let styled = false;

/** Draws the axis in `box`; choosing an item calls `onPick` with its id. */
export function drawAxis(box: HTMLElement, items: AxisItem[], onPick: (id: string) => void): { destroy(): void } {
  if (!styled) {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    styled = true;
  }
  const data = new DataSet(
    items.map((i) => {
      const content = document.createElement('span');
      content.textContent = i.label;
      return {
        id: i.id,
        start: i.date.length === 4 ? `${i.date}-01-01` : i.date.length === 7 ? `${i.date}-01` : i.date,
        // The library takes an Element as content (its types say string only); a string would be parsed as HTML.
        content: content as unknown as string,
        className: i.conflictual ? 'conflict' : 'coop',
      };
    }),
  );
  const timeline = new Timeline(box, data, {
    height: '260px',
    stack: true,
    zoomable: true,
    zoomMin: 1000 * 60 * 60 * 24,
    margin: { item: 4 },
  });
  timeline.on('select', (props: { items: Array<string | number> }) => {
    const id = props.items[0];
    if (id !== undefined) onPick(String(id));
  });
  return { destroy: () => timeline.destroy() };
}
