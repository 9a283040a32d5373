import { describe, expect, it } from 'vitest';
import { describeDatabase } from './postgresUrl.ts';

describe('describeDatabase', () => {
  it('names host, port and database, never the password', () => {
    const said = describeDatabase('postgres://caseroom:s3cret-pw@db.example.dk:5433/caseroom');
    expect(said).toBe('db.example.dk:5433/caseroom');
    expect(said).not.toContain('s3cret');
  });

  it('says so for a URL that does not parse, without echoing it', () => {
    expect(describeDatabase('not a url with pw s3cret')).toBe('(unreadable URL)');
  });
});
