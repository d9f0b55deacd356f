import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instancePageUrl, kDefaultInstanceUrl, parseInstanceUrl } from '../src/instance_url.js';

test('parseInstanceUrl: http and https URLs are stored without a trailing slash', () => {
  const table = [
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['  http://127.0.0.1:8080/  ', 'http://127.0.0.1:8080'],
    ['https://papers.example.org', 'https://papers.example.org'],
    ['HTTPS://Papers.Example.org/cool/', 'https://papers.example.org/cool'],
    ['http://[::1]:9000/', 'http://[::1]:9000'],
  ];
  for (const [typed, stored] of table) assert.deepEqual(parseInstanceUrl(typed), { url: stored }, typed);
  assert.deepEqual(parseInstanceUrl(kDefaultInstanceUrl), { url: kDefaultInstanceUrl });
});

test('parseInstanceUrl: anything else is refused with a message that says what to write', () => {
  const table = [
    ['', /Enter the address/],
    ['   ', /Enter the address/],
    ['127.0.0.1:8080', /uses 127\.0\.0\.1|not an absolute URL/],
    ['papers.example.org', /not an absolute URL/],
    ['/arxiv', /not an absolute URL/],
    ['ftp://papers.example.org', /uses ftp: .*http:\/\/ or https:\/\//],
    ['javascript:alert(1)', /uses javascript/],
    ['file:///home/me', /uses file/],
    ['https://me:secret@papers.example.org', /user name or password/],
    ['https://papers.example.org/?x=1', /query or fragment/],
    ['https://papers.example.org/#top', /query or fragment/],
  ];
  for (const [typed, message] of table) {
    const parsed = parseInstanceUrl(typed);
    assert.equal(parsed.url, undefined, typed);
    assert.match(parsed.error, message, typed);
  }
});

test('instancePageUrl: the path goes under the instance, which may have a path of its own', () => {
  assert.equal(instancePageUrl('http://127.0.0.1:8080', '/arxiv/2401.06769'), 'http://127.0.0.1:8080/arxiv/2401.06769');
  assert.equal(instancePageUrl('https://example.org/cool', '/venue/x@ACL'), 'https://example.org/cool/venue/x@ACL');
  assert.equal(instancePageUrl('https://example.org/', '/arxiv/search?query=a'), 'https://example.org/arxiv/search?query=a');
});
