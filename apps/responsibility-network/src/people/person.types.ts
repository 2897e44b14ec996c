import { ConnectionType } from '@campus/graphql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PersonKind } from './person-kind';
import { PersonEntity } from './person.entity';

@Directive('@key(fields: "id")')
@ObjectType('Person', { description: '人员：教职工、学生、驻校人员' })
export class Person {
  @Field(() => ID)
  id: string;

  /** Shareable: hazard-tracking provides it from its projection (Hazard.responsiblePerson). */
  @Directive('@shareable')
  @Field()
  name: string;

  @Field(() => PersonKind)
  kind: PersonKind;

  @Field(() => ID)
  orgUnitId: string;

  /** Used for scope and phone masking; not exposed. */
  orgPath: string;

  /** Raw phone; exposed masked or in full by the resolver. */
  rawPhone: string | null;

  @Field(() => String, { nullable: true, description: '工号/学号' })
  employeeNo: string | null;

  @Field(() => String, { nullable: true, description: '职务' })
  position: string | null;

  @Field({ description: '在职/在校；离职或毕业后停用而不删除' })
  active: boolean;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class PersonConnection extends ConnectionType('Person', Person) {}

@ObjectType()
export class PersonPayload {
  @Field(() => Person)
  person: Person;
}

export function toPerson(entity: PersonEntity): Person {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    orgUnitId: entity.orgUnitId,
    orgPath: entity.orgPath,
    rawPhone: entity.phone,
    employeeNo: entity.employeeNo,
    position: entity.position,
    active: entity.active,
    version: entity.version,
  };
}

/** 13812345678 → 138****5678, shorter numbers keep only their last two digits: phone numbers are personal data. */
export function maskPhone(phone: string): string {
  if (phone.length >= 11) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`;
}
