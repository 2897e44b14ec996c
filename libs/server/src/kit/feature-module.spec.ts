import { moduleEntities, moduleMigrations, moduleScopedColumns, perService } from './feature-module';

class A {}
class B {}
class M1 {}

describe('feature modules', () => {
  const modules = [
    { name: 'a', entities: [A], migrations: [M1], scopedTables: ['a', { table: 'a', column: 'issuer_path' }] },
    { name: 'b', entities: [B] },
  ];

  it('collects entities, migrations and org path columns from every module', () => {
    expect(moduleEntities(modules)).toEqual([A, B]);
    expect(moduleMigrations(modules)).toEqual([M1]);
    expect(moduleScopedColumns(modules)).toEqual([
      { table: 'a', column: 'org_path' },
      { table: 'a', column: 'issuer_path' },
    ]);
  });

  it('builds a shared part once per service', () => {
    let built = 0;
    const shared = perService((deps: { id: number }) => ({ id: deps.id, n: ++built }));
    const one = { id: 1 };
    expect(shared(one)).toBe(shared(one));
    expect(shared({ id: 2 })).not.toBe(shared(one));
    expect(built).toBe(2);
  });
});
