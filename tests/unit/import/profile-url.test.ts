import { describe, expect, it } from 'vitest';
import { slugFromProfileUrl } from '../../../lib/import/connections-csv';

describe('slugFromProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/ada-example', 'ada-example'],
    ['https://www.linkedin.com/in/ada-example/', 'ada-example'],
    ['https://www.linkedin.com/in/ada-example//', 'ada-example'],
    ['http://www.linkedin.com/in/ada-example', 'ada-example'],
    ['https://linkedin.com/in/ada-example', 'ada-example'],
    ['www.linkedin.com/in/ada-example', 'ada-example'],
    ['linkedin.com/in/ada-example', 'ada-example'],
    ['https://de.linkedin.com/in/ada-example', 'ada-example'],
    ['https://se.linkedin.com/in/ada-example/?originalSubdomain=se', 'ada-example'],
    ['https://www.linkedin.com/in/ada-example?trk=public_profile', 'ada-example'],
    ['https://www.linkedin.com/in/ada-example#experience', 'ada-example'],
    ['https://www.linkedin.com/in/ada-example/details/experience/', 'ada-example'],
    ['HTTPS://WWW.LINKEDIN.COM/in/Ada-Example', 'ada-example'],
    ['https://www.linkedin.com/in/J%C3%BCrgen-M', 'jürgen-m'],
    ['https://www.linkedin.com/in/j%c3%bcrgen-m/', 'jürgen-m'],
    ['https://www.linkedin.com/in/jürgen-m', 'jürgen-m'],
    ['https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F-123', '张伟-123'],
    ['https://www.linkedin.com/in/ada%zz', 'ada%zz'], // malformed escape: kept as written
    ['  https://www.linkedin.com/in/ada-example  ', 'ada-example'],
    ['https://www.linkedin.com:443/in/ada-example', 'ada-example'],
  ])('%s → %s', (url, slug) => {
    expect(slugFromProfileUrl(url)).toBe(slug);
  });

  it.each([
    [''],
    ['   '],
    ['https://www.linkedin.com/company/acme'],
    ['https://www.linkedin.com/pub/ada-example/1/2/3'],
    ['https://www.linkedin.com/in/'],
    ['https://www.linkedin.com/school/x'],
    ['https://www.linkedin.com/feed/'],
    ['https://example.com/in/ada-example'],
    ['https://linkedin.com.evil.example/in/ada-example'],
    ['https://notlinkedin.com/in/ada'],
    ['ftp://www.linkedin.com/in/ada'],
    ['https://www.linkedin.com/in/a%2Fb'], // decodes to a slash
    ['https://www.linkedin.com/in/a%20b'], // decodes to a space
    ['not a url'],
    ['urn:li:member:123'],
  ])('%j → null', (url) => {
    expect(slugFromProfileUrl(url)).toBeNull();
  });

  it('does not throw on hostile input', () => {
    expect(slugFromProfileUrl('https://' + 'a.'.repeat(50_000) + 'linkedin.com/in/x')).toBeNull(); // over 2048 chars
    expect(slugFromProfileUrl(null as unknown as string)).toBeNull();
  });
});
