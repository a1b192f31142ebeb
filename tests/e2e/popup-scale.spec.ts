/**
 * The popup with a large network: 30,000 contacts (each with the day you connected, as an import stores it)
 * and 5,000 reminders (invented, written straight
 * into the extension's IndexedDB to keep seeding quick). It must show the right numbers — the
 * list's count equals the badge's source — reading through indexes only. The time to first render
 * is printed for information (speed itself is measured by the benchmark suite, not asserted here).
 */
import { expect, test, api } from './fixtures';

test('30,000 contacts and 5,000 reminders: due count and goals are right', async ({ openExtensionPage, serviceWorker }) => {
  test.setTimeout(180_000);
  const page = await openExtensionPage('popup.html');
  await api(page, 'settings.update', { shareExpertise: { enabled: false, weekdays: [2, 4], prompts: ['Offer an hour to a mentee.'] } });
  await api(page, 'goal.create', { metric: 'new-connection', target: 50, period: 'week' });
  const expected = await page.evaluate(async () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = (offset: number) => { const d = new Date(); d.setDate(d.getDate() + offset); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
    const today = day(0);
    const db: IDBDatabase = await new Promise((res, rej) => { const r = indexedDB.open('rapport'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    let dueContacts = 0, dueReminders = 0, connectionsThisWeek = 0;
    const weekStart = day(-((new Date().getDay() + 6) % 7)); // Monday, the default week start
    await new Promise<void>((res, rej) => {
      const tx = db.transaction(['contacts', 'reminders'], 'readwrite');
      const contacts = tx.objectStore('contacts'), reminders = tx.objectStore('reminders');
      for (let i = 0; i < 30_000; i++) {
        const next = i % 10 === 0 ? day(-(i % 60)) : i % 3 === 0 ? day(1 + (i % 90)) : null; // 3,000 due
        if (next && next <= today) dueContacts++;
        // As an import stores them: the day you connected (~2 years back) on the contact; goals count those.
        const connected = day(-(i % 700));
        if (connected >= weekStart) connectionsThisWeek++;
        contacts.add({
          slug: `invented-${i}`, profileUrl: `https://www.linkedin.com/in/invented-${i}/`, name: `Invented Person ${i}`, nameLower: `invented person ${i}`,
          headline: null, location: null, company: null, position: null, email: null, photoUrl: null, degree: '1st', status: 'connected',
          connectedOn: connected, relationships: i % 7 === 0 ? ['peer'] : [], tags: [], howWeMet: null, cadenceDays: null,
          lastInteraction: '2025-01-01', nextFollowUp: next, followUpManual: false, source: 'csv', userFields: [], createdAt: i, updatedAt: i,
        });
      }
      for (let i = 0; i < 5_000; i++) {
        const due = day((i % 40) - 20); // about half due
        const state = i % 5 === 0 ? 'done' : 'open';
        if (state === 'open' && due <= today) dueReminders++;
        reminders.add({ kind: 'commitment', title: `Invented commitment ${i}`, contactId: null, groupId: null, due, recurrence: null, state,
          snoozedUntil: null, doneAt: null, createdAt: i, updatedAt: i });
      }
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    db.close();
    return { due: dueContacts + dueReminders, connectionsThisWeek };
  });

  const started = Date.now();
  await page.reload();
  await expect(page.getByTestId('reminder-item').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('goal-item')).toContainText(`${expected.connectionsThisWeek} / 50`);
  console.log(`[popup scale] first render with data: ${Date.now() - started} ms (30,000 contacts, 5,000 reminders, ${expected.due} due)`);
  await expect(page.getByLabel(`${expected.due} due`)).toBeVisible();
  await expect(page.getByTestId('reminder-item')).toHaveCount(25); // first page; the rest behind "Show more"
  await expect(page.getByRole('button', { name: /Show more/ })).toContainText(`${expected.due - 25} more due`);

  await serviceWorker.evaluate(() => (globalThis as any).chrome.alarms.create('rapport-refresh', { when: Date.now() }));
  await expect.poll(() => serviceWorker.evaluate(() => (globalThis as any).chrome.action.getBadgeText({}))).toBe('99+');
  await expect.poll(() => serviceWorker.evaluate(() => (globalThis as any).chrome.action.getTitle({}))).toBe(`Rapport: ${expected.due} due today`);
});
