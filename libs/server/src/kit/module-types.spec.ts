import { NO_OUTBOX_SIGNAL } from '@campus/events';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { FeatureModule } from './feature-module';
import { buildModuleSchema, serviceBase } from './module-schema';

@Directive('@key(fields: "personId")')
@ObjectType('KitTypesList')
class ListReference {
  @Field(() => ID)
  personId: string;
}

@Resolver(() => ListReference)
class ListSectionResolver {
  @FieldResolver(() => [String])
  section(@Root() list: ListReference): string[] {
    return [list.personId];
  }
}

@Resolver()
class PingResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }
}

describe('module types', () => {
  const build = (modules: FeatureModule[]) => buildModuleSchema(modules, serviceBase(modules, {} as DataSource, NO_OUTBOX_SIGNAL));

  it('prints an entity no resolver returns when a module declares it, with the fields it contributes', async () => {
    const declared = printSubgraphSchema(await build([{ name: 'list', types: [ListReference], resolvers: () => [new PingResolver(), new ListSectionResolver()] }]));
    expect(declared).toContain('type KitTypesList @key(fields: "personId")');
    expect(declared).toMatch(/section: \[String!\]!/);
    const undeclared = printSubgraphSchema(await build([{ name: 'list', resolvers: () => [new PingResolver(), new ListSectionResolver()] }]));
    expect(undeclared).not.toContain('KitTypesList');
  });
});
