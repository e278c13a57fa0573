import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
// Bundled by esbuild into /ui/timeline-axis.css (the page's CSP takes no inline styles).
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';

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

let styled: Promise<void> | null = null;

/** The library's stylesheet, loaded before the first drawing: it measures its items as styled when it draws. */
function styles(): Promise<void> {
  styled ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/ui/timeline-axis.css';
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
  return styled;
}

/** Noon UTC of the date's first day: a coarse date sits at the start of its month or year. */
function dayOf(date: string): Date {
  const [y, m = '1', d = '1'] = date.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
}

/** Draws the axis in `box`; choosing an item calls `onPick` with its id. */
export async function drawAxis(
  box: HTMLElement,
  items: AxisItem[],
  onPick: (id: string) => void,
): Promise<{ destroy(): void }> {
  await styles();
  const data = new DataSet(
    items.map((i) => {
      const content = document.createElement('span');
      content.textContent = i.label;
      return {
        id: i.id,
        start: dayOf(i.date),
        type: 'point',
        // The library takes an Element as content (its types say string only); a string would be parsed as HTML.
        content: content as unknown as string,
        className: i.conflictual ? 'conflict' : 'coop',
      };
    }),
  );
  const timeline = new Timeline(box, data, {
    height: '260px',
    showCurrentTime: false,
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
