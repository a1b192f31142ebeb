/**
 * Invented LinkedIn pages for the benchmarks (invented people, no real data). Shaped like the
 * logged-in 2026 React markup (every class hashed, `section[componentkey$="Topcard"]`, the name in an
 * `h2` inside the link to the profile, headline and "Company · School" in the next `<p>`s, location
 * before the "Contact info" link, the degree as `<p>· 1st</p>`), with a page's worth of filler so
 * that DOM size is realistic (LinkedIn pages carry 3,000–8,000 elements).
 */
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const h = (n) => `_${((n * 2654435761) >>> 0).toString(16)}`; // hashed-looking class names

function nav() {
  return `<header class="${h(1)}"><nav class="${h(2)}" aria-label="Primary">${['Home', 'My Network', 'Jobs', 'Messaging', 'Notifications', 'Me']
    .map((x, i) => `<a class="${h(10 + i)}" href="https://www.linkedin.com/${x === 'Home' ? 'feed' : x.toLowerCase().replace(/ /g, '-')}/"><span class="${h(20 + i)}">${x}</span></a>`).join('')}</nav></header>`;
}

function post(i) {
  return `<div class="${h(100 + (i % 7))}" data-urn="urn:li:activity:${7000000 + i}"><div class="${h(200)}"><a class="${h(201)}" href="https://www.linkedin.com/in/invented-author-${i}/">` +
    `<span class="${h(202)}">Invented Author ${i}</span></a><p class="${h(203)}">Organiser at Example Meetup ${i % 13}</p></div>` +
    `<div class="${h(204)}"><p class="${h(205)}">${'Sharing what we learned running a community workshop on data ethics. '.repeat(3)}</p></div>` +
    `<ul class="${h(206)}">${['Like', 'Comment', 'Repost', 'Send'].map((a) => `<li class="${h(207)}"><button class="${h(208)}" type="button"><span>${a}</span></button></li>`).join('')}</ul></div>`;
}

/** A /feed/ page (not a profile): nav, 60 posts, and a small page script that appends 30 more posts
 * over the first ~300 ms, as LinkedIn's hydration does (so a content script's observers have work). */
export function feedPage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed | LinkedIn</title></head><body>
${nav()}<main class="${h(3)}" id="feed">${Array.from({ length: 60 }, (_, i) => post(i)).join('\n')}</main>
<script>
  (function () {
    var n = 60, round = 0;
    var t = setInterval(function () {
      var main = document.getElementById('feed');
      for (var k = 0; k < 5; k++) { var d = document.createElement('div'); d.innerHTML = ${JSON.stringify(post(0))}; main.appendChild(d.firstChild); n++; }
      if (++round === 6) clearInterval(t);
    }, 50);
  })();
</script></body></html>`;
}

/** The top card of a person, 2026 markup. */
export function topCard(p) {
  return `<div componentkey="com.linkedin.sdui.profile.card.ref${esc(p.slug)}Topcard"><div data-display-contents="true"><section class="${h(30)}" componentkey="com.linkedin.sdui.profile.card.ref${esc(p.slug)}Topcard">` +
    `<div class="${h(31)}"><a tabindex="0" class="${h(32)}" href="https://www.linkedin.com/in/${esc(p.slug)}/"><div aria-label="Profile photo"><figure aria-hidden="true"></figure></div></a>` +
    `<div class="${h(33)}"><div class="${h(34)}"><div aria-expanded="false" aria-haspopup="dialog"><div data-display-contents="true">` +
    `<a tabindex="0" class="${h(35)}" href="https://www.linkedin.com/in/${esc(p.slug)}/"><div class="${h(36)}"><div class="${h(37)}"><h2 class="${h(38)}">${esc(p.name)}</h2></div></div></a></div></div>` +
    `<div data-display-contents="true"><p class="${h(39)}">· ${p.degree ?? '1st'}</p></div><p class="${h(39)}">· ${p.degree ?? '1st'}</p></div>` +
    `<p class="${h(40)}">${esc(p.headline ?? '')}</p><p class="${h(41)}">${esc(p.company ?? '')} · Example University</p>` +
    `<div class="${h(42)}"><p class="${h(43)}">${esc(p.location ?? '')}</p><p class="${h(44)}">·</p><p class="${h(45)}"><a class="${h(46)}" href="https://www.linkedin.com/in/${esc(p.slug)}/overlay/contact-info/">Contact info</a></p></div>` +
    `</div></section></div></div>`;
}

function profileFiller() {
  const section = (title, n) => `<section class="${h(50)}"><h2 class="${h(51)}">${title}</h2><ul class="${h(52)}">${Array.from({ length: n }, (_, i) =>
    `<li class="${h(53)}"><div class="${h(54)}"><p class="${h(55)}">${title} item ${i}</p><p class="${h(56)}">Example Org ${i} · Full-time</p><p class="${h(57)}">Jan 20${10 + (i % 15)} – Present</p></div></li>`).join('')}</ul></section>`;
  const aside = `<aside class="${h(60)}"><h2>People also viewed</h2><ul>${Array.from({ length: 10 }, (_, i) =>
    `<li class="${h(61)}"><a href="https://www.linkedin.com/in/also-viewed-${i}/"><p>Invented Person ${i}</p></a><p>· 2nd</p><p>Engineer at Example ${i}</p></li>`).join('')}</ul></aside>`;
  return section('Experience', 40) + section('Education', 10) + section('Skills', 60) + section('Volunteering', 20) + aside + Array.from({ length: 30 }, (_, i) => post(i)).join('');
}

/** A person's profile page (2026 markup), optionally with the top card left out (added later by the SPA). */
export function profilePage(p, { withTopCard = true } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(p.name)} | LinkedIn</title></head><body>
${nav()}<main class="${h(4)}"><div class="${h(5)}" data-component-type="LazyColumn" id="topcard-slot">${withTopCard ? topCard(p) : ''}</div>
<div class="${h(6)}">${profileFiller()}</div></main></body></html>`;
}
