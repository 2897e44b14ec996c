import { ConnectionType } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PlaceFunction, PlaceKind } from './place-kind';
import { PlaceEntity } from './place.entity';

@Directive('@key(fields: "id")')
@ObjectType('Place', { description: '场所/部位：楼栋 → 楼层 → 房间，或室外区域' })
export class Place {
  @Field(() => ID)
  id: string;

  @Field({ description: '名称' })
  name: string;

  @Field(() => PlaceKind)
  kind: PlaceKind;

  @Field(() => PlaceFunction, { nullable: true, description: '功能' })
  function: PlaceFunction | null;

  @Field({ description: '重点部位' })
  keyPlace: boolean;

  @Field(() => ID, { description: '所属单位' })
  orgUnitId: string;

  /** Used for scope checks; not exposed. */
  orgPath: string;

  @Field(() => ID, { nullable: true, description: '上级场所' })
  parentId: string | null;

  @Field(() => ID, { nullable: true, description: '所属网格' })
  gridId: string | null;

  @Field({ description: '在用；拆除或停用后保留记录' })
  active: boolean;

  @Field(() => Int, { description: '版本号，修改时回传以防并发覆盖' })
  version: number;
}

@ObjectType()
export class PlaceConnection extends ConnectionType('Place', Place) {}

@ObjectType()
export class PlacePayload {
  @Field(() => Place)
  place: Place;
}

export function toPlace(entity: PlaceEntity): Place {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    function: entity.placeFunction,
    keyPlace: Boolean(entity.keyPlace),
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    parentId: entity.parentId,
    gridId: entity.gridId,
    active: Boolean(entity.active),
    version: entity.version,
  };
}
