import { it } from 'vitest';
import { parseHtml, readFixture } from './real-fixtures';
import { topCardRoots, profileSelectors } from '../../../lib/linkedin/selectors';
it('prof', () => {
  const doc = parseHtml(readFixture('austinoboyle-scrape-linkedin/austin_2022-03.html'));
  const T = (label: string, fn: () => unknown) => { fn(); const t = performance.now(); for (let i=0;i<5;i++) fn(); console.log(label, ((performance.now() - t)/5).toFixed(1)); };
  T('all', () => doc.getElementsByTagName('*').length);
  for (const [s] of topCardRoots) T(s, () => doc.querySelector(s));
  T('joined', () => doc.querySelector(topCardRoots.map(([s]) => s).join(',')));
  T('sections', () => Array.from(doc.getElementsByTagName('section')).find(e => e.matches('section[data-member-id]')));
  const root = doc.querySelector('section[data-member-id]')!;
  for (const s of profileSelectors.photo) T('root ' + s, () => root.querySelector(s));
  T('root img', () => root.querySelector('img'));
  T('root imgs', () => Array.from(root.getElementsByTagName('img')).find(e => e.matches('img.pv-top-card-profile-picture__image--show')));
});
