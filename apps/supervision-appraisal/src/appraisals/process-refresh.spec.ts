import { orgPathsIn } from './process-refresh';

describe('the org paths an event names', () => {
  it('finds them under any key ending in Path, at any depth, and nothing else', () => {
    const attendance = { activityId: 'a1', orgPath: '/p/s1/', attendees: [{ personId: 'x', orgPath: '/p/s1/k1/' }, { personId: 'y', orgPath: '/p/s2/' }] };
    expect([...orgPathsIn(attendance)].sort()).toEqual(['/p/s1/', '/p/s1/k1/', '/p/s2/']);
    const letterSigned = { id: 'l1', issuerPath: '/p/', recipientPath: '/p/s3/', title: '目标责任书', note: '/not/a path' };
    expect([...orgPathsIn(letterSigned)].sort()).toEqual(['/p/', '/p/s3/']);
    expect([...orgPathsIn({ id: 'u', oldPath: '/p/a/u/', newPath: '/p/b/u/', filePath: 'reports/x.pdf' })].sort()).toEqual(['/p/a/u/', '/p/b/u/']);
  });
});
