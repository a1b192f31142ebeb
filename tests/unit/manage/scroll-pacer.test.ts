import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scrollPacer } from '../../../lib/manage/scroll-pacer';

/** A scroll event as an element's scroll reaches the document: not bubbling, heard while capturing. */
const scroll = (target: EventTarget) => target.dispatchEvent(new Event('scroll'));

describe('scrollPacer: the options list waits while the user scrolls', () => {
  let clock = 0;
  const now = () => clock;
  const advance = async (ms: number) => { clock += ms; await vi.advanceTimersByTimeAsync(ms); };
  beforeEach(() => { clock = 1_000; vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('lets the next chunk go at once when nothing scrolled', async () => {
    const pacer = scrollPacer({ target: new EventTarget(), now });
    let done = false;
    void pacer.pace().then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('holds it until the page has been still for the quiet time', async () => {
    const target = new EventTarget();
    const pacer = scrollPacer({ target, now, quietMs: 150, maxWaitMs: 1000 });
    scroll(target);
    let done = false;
    void pacer.pace().then(() => { done = true; });
    await advance(100);
    expect(done).toBe(false);
    scroll(target); // still scrolling: the quiet time starts again
    await advance(100);
    expect(done).toBe(false);
    await advance(60);
    expect(done).toBe(true);
  });

  it('never holds it longer than the longest wait, however long the scroll goes on', async () => {
    const target = new EventTarget();
    const pacer = scrollPacer({ target, now, quietMs: 150, maxWaitMs: 1000 });
    let done = false;
    scroll(target);
    void pacer.pace().then(() => { done = true; });
    for (let t = 0; t < 900; t += 50) { await advance(50); scroll(target); }
    expect(done).toBe(false);
    for (let t = 0; t < 150; t += 50) { await advance(50); scroll(target); }
    expect(done).toBe(true);
  });

  it('hears no more scrolls once stopped', async () => {
    const target = new EventTarget();
    const pacer = scrollPacer({ target, now });
    pacer.stop();
    scroll(target);
    let done = false;
    void pacer.pace().then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });
});
