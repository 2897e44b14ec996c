import { ConnectionType } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OrgUnitKind } from './org-unit-kind';
import { OrgUnitEntity } from './org-unit.entity';

@Directive('@key(fields: "id")')
@ObjectType('OrgUnit', { description: '组织单位：教育局、学校、二级学院、处室' })
export class OrgUnit {
  @Field(() => ID)
  id: string;

  @Field({ description: '单位代码' })
  code: string;

  /** Shareable: hazard-tracking provides it from its projection (Hazard.orgUnit). */
  @Directive('@shareable')
  @Field({ description: '名称' })
  name: string;

  @Field(() => OrgUnitKind)
  kind: OrgUnitKind;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field({ description: '物化路径（数据范围依据）' })
  path: string;

  @Field(() => Int, { description: '层级，根为 0' })
  depth: number;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;
}

@ObjectType()
export class OrgUnitConnection extends ConnectionType('OrgUnit', OrgUnit) {}

@ObjectType()
export class OrgUnitPayload {
  @Field(() => OrgUnit)
  orgUnit: OrgUnit;
}

export function toOrgUnit(entity: OrgUnitEntity): OrgUnit {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    kind: entity.kind,
    parentId: entity.parentId,
    path: entity.path,
    depth: entity.depth,
    version: entity.version,
  };
}
