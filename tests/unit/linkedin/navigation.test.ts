// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation, watchPages, type LocationSource, type PageReport, type WatchContext } from '../../../lib/linkedin/navigation';

/** A 2024-style top card for an invented person. */
function topCard(slug: string, name: string): string {
  return `<section data-member-id="1"><a href="/in/${slug}/overlay/about-this-profile/"><h1>${name}</h1></a>
    <div class="text-body-medium break-words">Headline of ${name}</div>
    <a href="/in/${slug}/overlay/contact-info/">Contact info</a></section>`;
}

/** A top card that does not name its owner (no /in/ links), as on some older layouts. */
function anonymousTopCard(name: string): string {
  return `<section class="pv-top-card-section"><h1 class="pv-top-card-section__name">${name}</h1></section>`;
}

function groupPage(name: string): string {
  return `<h1 class="groups-entity-top-card__title">${name}</h1><p class="groups-entity-top-card__member-count">1,234 members</p>`;
}

interface Harness {
  reports: PageReport[];
  navigate(url: string): void; // pushState + wxt:locationchange (fires BEFORE the new page renders)
  back(url: string): void; // back/forward: the URL changes, the browser fires popstate (no check() call)
  render(html: string): void;
  ctx: WatchContext;
  invalidate(): void;
  watcher: ReturnType<typeof watchPages>;
}

function setup(initialUrl: string, initialHtml: string, options: { timeoutMs?: number; injectObserver?: boolean } = {}): Harness {
  let url = initialUrl;
  document.body.innerHTML = initialHtml;
  const reports: PageReport[] = [];
  const invalidated: Array<() => void> = [];
  const mutationCallbacks = new Set<() => void>();
  const ctx: WatchContext = {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    addEventListener: (target, type, fn) => target.addEventListener(type, fn),
    onInvalidated: (fn) => invalidated.push(fn),
  };
  const watcher = watchPages(ctx, {
    doc: document,
    getUrl: () => url,
    onPage: (report) => reports.push(report),
    timeoutMs: options.timeoutMs,
    observe: options.injectObserver
      ? (cb) => {
          mutationCallbacks.add(cb);
          return () => mutationCallbacks.delete(cb);
        }
      : undefined,
  });
  return {
    reports,
    ctx,
    watcher,
    navigate(next) {
      url = next;
      watcher.check(next);
    },
    back(previous) {
      url = previous;
      window.dispatchEvent(new PopStateEvent('popstate'));
    },
    render(html) {
      document.body.innerHTML = html;
      for (const cb of mutationCallbacks) cb();
    },
    invalidate() {
      for (const fn of invalidated) fn();
    },
  };
}

const A = 'https://www.linkedin.com/in/ada-example/';
const B = 'https://www.linkedin.com/in/bruno-placeholder/';
const C = 'https://www.linkedin.com/in/chidi-sample/';

describe('watchPages (SPA navigation)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('reports the page that is already rendered at start', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'));
    expect(h.reports).toHaveLength(1);
    expect(h.reports[0]).toMatchObject({ url: A, page: { kind: 'profile', slug: 'ada-example' }, via: 'rendered' });
    expect(h.reports[0]?.profile?.name).toBe('Ada Example');
    expect(h.reports[0]?.missing).toEqual(['location', 'company', 'degree', 'photoUrl']);
    expect(h.reports[0]?.diagnostics).toContain('location: MISSING');
    h.watcher.stop();
  });

  it('waits for the new top card after the URL changes (stale DOM is not reported)', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate(B);
    vi.advanceTimersByTime(600);
    expect(h.reports).toHaveLength(1); // still Ada's top card in the DOM: nothing new reported
    h.render(topCard('bruno-placeholder', 'Bruno Placeholder'));
    vi.advanceTimersByTime(1);
    expect(h.reports).toHaveLength(2);
    expect(h.reports[1]).toMatchObject({ url: B, via: 'rendered' });
    expect(h.reports[1]?.profile?.name).toBe('Bruno Placeholder');
    vi.advanceTimersByTime(5000);
    expect(h.reports).toHaveLength(2); // the timeout was cancelled
    h.watcher.stop();
  });

  it('finds the new page by polling when no mutation is observed', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate(B);
    document.body.innerHTML = topCard('bruno-placeholder', 'Bruno Placeholder'); // no observer callback
    vi.advanceTimersByTime(250);
    expect(h.reports.map((r) => r.profile?.name)).toEqual(['Ada Example', 'Bruno Placeholder']);
    h.watcher.stop();
  });

  it('uses a real MutationObserver by default', async () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { timeoutMs: 100_000 });
    h.navigate(B);
    document.body.innerHTML = topCard('bruno-placeholder', 'Bruno Placeholder');
    await Promise.resolve(); // MutationObserver callbacks run as microtasks
    vi.advanceTimersByTime(1);
    expect(h.reports.map((r) => r.url)).toEqual([A, B]);
    h.watcher.stop();
  });

  it('reports only C after rapid A → B → C', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate(B);
    vi.advanceTimersByTime(100);
    h.navigate(C);
    h.render(topCard('bruno-placeholder', 'Bruno Placeholder')); // B renders late: not the page shown now
    vi.advanceTimersByTime(300);
    expect(h.reports).toHaveLength(1);
    h.render(topCard('chidi-sample', 'Chidi Sample'));
    vi.advanceTimersByTime(5000);
    expect(h.reports.map((r) => r.url)).toEqual([A, C]);
    h.watcher.stop();
  });

  it('falls back to the URL alone when the page never renders recognisably', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true, timeoutMs: 1500 });
    h.navigate(B);
    vi.advanceTimersByTime(1499);
    expect(h.reports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(h.reports[1]).toEqual({
      url: B,
      page: { kind: 'profile', slug: 'bruno-placeholder' },
      profile: { slug: 'bruno-placeholder', name: null, headline: null, location: null, company: null, degree: null, photoUrl: null },
      group: null,
      missing: ['name', 'headline', 'location', 'company', 'degree', 'photoUrl'],
      via: 'timeout',
    });
    h.watcher.stop();
  });

  it('ignores hash-only and query-only changes on the same profile', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'));
    h.navigate(`${A}#experience`);
    h.navigate(`${A}?trk=nav`);
    h.navigate(`${A}overlay/contact-info/`);
    vi.advanceTimersByTime(5000);
    expect(h.reports).toHaveLength(1);
    h.watcher.stop();
  });

  it('handles back/forward (popstate) like any other navigation', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate(B);
    h.render(topCard('bruno-placeholder', 'Bruno Placeholder'));
    vi.advanceTimersByTime(1);
    h.back(A);
    expect(h.reports).toHaveLength(2); // Bruno's DOM is still shown: A not reported yet
    h.render(topCard('ada-example', 'Ada Example'));
    vi.advanceTimersByTime(1);
    h.back(B); // forward again
    h.render(topCard('bruno-placeholder', 'Bruno Placeholder'));
    vi.advanceTimersByTime(1);
    expect(h.reports.map((r) => r.url)).toEqual([A, B, A, B]);
    h.watcher.stop();
  });

  it('reports a non-profile page at once, as "other", so the panel can unmount', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'));
    h.navigate('https://www.linkedin.com/feed/');
    expect(h.reports[1]).toEqual({
      url: 'https://www.linkedin.com/feed/', page: { kind: 'other' }, profile: null, group: null, missing: [], via: 'rendered',
    });
    h.navigate('https://www.linkedin.com/mynetwork/'); // other → other: nothing new to show
    expect(h.reports).toHaveLength(2);
    h.watcher.stop();
  });

  it('waits for a group page to render and reads it', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate('https://www.linkedin.com/groups/4242/');
    vi.advanceTimersByTime(100);
    expect(h.reports).toHaveLength(1);
    h.render(groupPage('Example Engine Enthusiasts'));
    vi.advanceTimersByTime(1);
    expect(h.reports[1]?.group).toEqual({ groupId: '4242', name: 'Example Engine Enthusiasts', memberCount: 1234, description: null });
    h.watcher.stop();
  });

  it('accepts a top card that does not name its owner once the shown name changes', () => {
    const h = setup(A, anonymousTopCard('Ada Example'), { injectObserver: true });
    expect(h.reports[0]?.profile?.name).toBe('Ada Example');
    h.navigate(B);
    vi.advanceTimersByTime(500);
    expect(h.reports).toHaveLength(1); // same name still shown: the old page
    h.render(anonymousTopCard('Bruno Placeholder'));
    vi.advanceTimersByTime(1);
    expect(h.reports[1]?.profile).toMatchObject({ slug: 'bruno-placeholder', name: 'Bruno Placeholder' });
    h.watcher.stop();
  });

  it('stops on invalidation: no timers, no reports', () => {
    const h = setup(A, topCard('ada-example', 'Ada Example'), { injectObserver: true });
    h.navigate(B);
    h.invalidate();
    h.render(topCard('bruno-placeholder', 'Bruno Placeholder'));
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(h.reports).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});


describe('watchPages onUrl (work that needs only the URL starts before the page is read)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('names each new page from its URL before the DOM shows it, once per page', () => {
    let url = A;
    document.body.innerHTML = '';
    const events: string[] = [];
    const watcher = watchPages(
      { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (id) => window.clearTimeout(id), addEventListener: (t, type, fn) => t.addEventListener(type, fn) },
      {
        doc: document,
        getUrl: () => url,
        timeoutMs: 100_000,
        observe: () => () => {},
        onUrl: (page) => events.push(`url ${page.kind === 'profile' ? page.slug : page.kind}`),
        onPage: (r) => events.push(`page ${r.profile?.name ?? r.page.kind}`),
      },
    );
    // Ada's top card is not rendered yet: her URL is known at once, her page only once it renders.
    expect(events).toEqual(['url ada-example']);
    document.body.innerHTML = topCard('ada-example', 'Ada Example');
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['url ada-example', 'page Ada Example']);
    url = A + '#section';
    watcher.check(url); // same person: nothing new
    url = 'https://www.linkedin.com/feed/';
    watcher.check(url);
    url = B;
    watcher.check(url);
    expect(events).toEqual(['url ada-example', 'page Ada Example', 'url other', 'page other', 'url bruno-placeholder']);
    watcher.stop();
  });

  it('still reports the page when onUrl throws', () => {
    document.body.innerHTML = topCard('ada-example', 'Ada Example');
    const reports: PageReport[] = [];
    const watcher = watchPages(
      { setTimeout: (fn, ms) => window.setTimeout(fn, ms), addEventListener: (t, type, fn) => t.addEventListener(type, fn) },
      { doc: document, getUrl: () => A, observe: () => () => {}, onUrl: () => { throw new Error('boom'); }, onPage: (r) => reports.push(r) },
    );
    expect(reports.map((r) => r.profile?.name)).toEqual(['Ada Example']);
    watcher.stop();
  });
});

describe('watchPages onProvisional (a page that has not shown who it is yet)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function watch(url: () => string, events: string[], reports: PageReport[] = []) {
    return watchPages(
      { setTimeout: (fn, ms) => window.setTimeout(fn, ms), clearTimeout: (id) => window.clearTimeout(id), addEventListener: (t, type, fn) => t.addEventListener(type, fn) },
      {
        doc: document,
        getUrl: url,
        timeoutMs: 3000,
        provisionalMs: 700,
        observe: () => () => {},
        onProvisional: (r) => { reports.push(r); events.push(`provisional ${r.page.kind === 'profile' ? r.page.slug : r.page.kind} via ${r.via}`); },
        onPage: (r) => { reports.push(r); events.push(`page ${r.profile?.name ?? r.group?.name ?? r.page.kind} via ${r.via}`); },
      },
    );
  }

  it('reports the URL after a while on a page it cannot read yet, then the page once read', () => {
    const events: string[] = [];
    const reports: PageReport[] = [];
    const watcher = watch(() => A, events, reports);
    vi.advanceTimersByTime(699);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['provisional ada-example via url']);
    expect(reports[0]).toMatchObject({ url: A, page: { kind: 'profile', slug: 'ada-example' }, profile: { slug: 'ada-example', name: null } });
    document.body.innerHTML = topCard('ada-example', 'Ada Example'); // LinkedIn finally renders
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['provisional ada-example via url', 'page Ada Example via rendered']);
    vi.advanceTimersByTime(5000);
    expect(events).toHaveLength(2); // the timeout was cancelled
    watcher.stop();
  });

  it('on a page that never shows who it is: provisional first, the timeout report at the end of the wait', () => {
    const events: string[] = [];
    const watcher = watch(() => B, events);
    vi.advanceTimersByTime(3000);
    expect(events).toEqual(['provisional bruno-placeholder via url', 'page profile via timeout']);
    watcher.stop();
  });

  it('says nothing provisional when the page is read in time, on other pages, or for a page left before', () => {
    const events: string[] = [];
    let url = A;
    document.body.innerHTML = topCard('ada-example', 'Ada Example');
    const watcher = watch(() => url, events);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['page Ada Example via rendered']);
    url = 'https://www.linkedin.com/feed/';
    watcher.check(url);
    vi.advanceTimersByTime(5000);
    url = B;
    watcher.check(url);
    vi.advanceTimersByTime(300);
    url = C; // left B before its provisional moment: only C's
    watcher.check(url);
    vi.advanceTimersByTime(700);
    expect(events).toEqual(['page Ada Example via rendered', 'page other via rendered', 'provisional chidi-sample via url']);
    watcher.stop();
  });
});

describe('watchLocation: URL changes, announced to nobody but Rapport', () => {
  function fakeNavigation() {
    const target = new EventTarget();
    return {
      nav: {
        addEventListener: (type: 'navigate', fn: (e: { destination: { url: string } }) => void, opts: { signal: AbortSignal }) =>
          target.addEventListener(type, (e) => fn(e as unknown as { destination: { url: string } }), opts),
      },
      navigate(url: string) {
        const e = new Event('navigate') as Event & { destination: { url: string } };
        e.destination = { url };
        target.dispatchEvent(e);
      },
    };
  }

  it('reports each new URL from the Navigation API, before the page changes, and not the same URL twice', () => {
    const { nav, navigate } = fakeNavigation();
    const abort = new AbortController();
    const seen: string[] = [];
    const src: LocationSource = { navigation: nav, href: () => 'https://www.linkedin.com/feed/', setInterval: () => { throw new Error('no polling when the Navigation API is there'); }, signal: abort.signal };
    watchLocation(src, (url) => seen.push(url));
    navigate('https://www.linkedin.com/feed/'); // where the page already is
    navigate('https://www.linkedin.com/in/ada-example/');
    navigate('https://www.linkedin.com/in/ada-example/');
    navigate('https://www.linkedin.com/groups/9990001/');
    expect(seen).toEqual(['https://www.linkedin.com/in/ada-example/', 'https://www.linkedin.com/groups/9990001/']);
    abort.abort(); // the extension was updated or removed: this copy of the script hears nothing more
    navigate('https://www.linkedin.com/in/bob-example/');
    expect(seen).toHaveLength(2);
  });

  it('without the Navigation API, checks the URL once a second', () => {
    let href = 'https://www.linkedin.com/feed/';
    let tick: (() => void) | null = null;
    const seen: string[] = [];
    watchLocation({ navigation: undefined, href: () => href, setInterval: (fn, ms) => { expect(ms).toBe(1000); tick = fn; return 1; }, signal: new AbortController().signal }, (url) => seen.push(url));
    tick!();
    expect(seen).toEqual([]);
    href = 'https://www.linkedin.com/in/ada-example/';
    tick!();
    tick!();
    expect(seen).toEqual(['https://www.linkedin.com/in/ada-example/']);
  });

  it('dispatches no event on the page (LinkedIn\'s scripts could listen for one)', () => {
    const { nav, navigate } = fakeNavigation();
    const dispatched: string[] = [];
    const original = EventTarget.prototype.dispatchEvent;
    const spy = vi.spyOn(EventTarget.prototype, 'dispatchEvent').mockImplementation(function (this: EventTarget, e: Event) {
      if (this === window || this === document || this instanceof Node) dispatched.push(e.type);
      return original.call(this, e);
    });
    const seen: string[] = [];
    try {
      watchLocation({ navigation: nav, href: () => 'https://www.linkedin.com/feed/', setInterval: () => 0, signal: new AbortController().signal }, (url) => seen.push(url));
      navigate('https://www.linkedin.com/in/ada-example/');
      navigate('https://www.linkedin.com/groups/9990001/');
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(2);
    expect(dispatched).toEqual([]);
  });
});
