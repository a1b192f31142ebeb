import { api, expect, test } from './fixtures';
const shots = [
  { name: '2026', path: '/in/prafful026', file: 'yennanliu-linkedin-skill/tmp_profile_1_flagshipweb_2026-04.html' },
  { name: '2022', path: '/in/austinoboyle', file: 'austinoboyle-scrape-linkedin/austin_2022-03.html' },
  { name: 'maya', path: '/in/maya-lindqvist-example', file: 'pages/profile-2022-maya.html' },
];
for (const s of shots) for (const scheme of ['light', 'dark'] as const) {
  test(`shot ${s.name} ${scheme}`, async ({ page, linkedin }) => {
    await page.emulateMedia({ colorScheme: scheme });
    linkedin.serveFile(s.path, s.file);
    await page.goto(`https://www.linkedin.com${s.path}/`);
    const panel = page.getByTestId('rapport-panel');
    await expect(panel.getByTestId('profile-name')).toBeVisible();
    await page.screenshot({ path: `/tmp/h3-${s.name}-${scheme}-new.png` });
    await panel.getByTestId('save-contact').click();
    await panel.getByRole('button', { name: 'Mentor', exact: true }).click();
    await panel.getByTestId('note-input').fill('Met at the Design Systems meetup in Malmö. Wants feedback on her portfolio talk.');
    await panel.getByTestId('add-note').click();
    await panel.getByLabel('Interaction note (optional)').fill('Portfolio review over coffee');
    await panel.getByRole('button', { name: 'Mentorship', exact: true }).click();
    await expect(panel.getByTestId('interaction-item')).toHaveCount(1);
    await page.screenshot({ path: `/tmp/h3-${s.name}-${scheme}.png` });
    await panel.locator('.r-body').evaluate((el) => el.scrollTo(0, 99999));
    await page.screenshot({ path: `/tmp/h3-${s.name}-${scheme}-bottom.png` });
  });
}
