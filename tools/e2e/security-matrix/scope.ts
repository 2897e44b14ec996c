import { KnownObject, ObjectRegistry } from './objects';

/** A demo role (or no token) and where its grant sits. */
export interface MatrixRole {
  name: string;
  /** The units of its grants (as `me` tells); empty for a caller with no token, to whom every object is foreign. */
  unitIds: string[];
}

export const ANONYMOUS = '(no token)';

const BELOW = /inspected|recipient|target|participating|audience|responsible/i;

/** Which objects a role may legitimately reach (its subtree, and its ancestors' shared objects) and which not. */
export class RoleScope {
  private readonly inside = new Set<string>();
  private readonly above = new Set<string>();

  constructor(
    readonly role: MatrixRole,
    private readonly registry: ObjectRegistry,
  ) {
    for (const granted of role.unitIds) {
      for (const unit of registry.parentOf.keys()) if (this.chainOf(unit).includes(granted)) this.inside.add(unit);
    }
    for (const granted of role.unitIds) for (const unit of this.chainOf(granted)) if (!this.inside.has(unit)) this.above.add(unit);
  }

  /** An object of a unit neither in the role's subtree nor above it (for no token: every object). */
  isForeign(object: KnownObject): boolean {
    if (this.role.unitIds.length === 0) return true;
    return object.unitId !== undefined && !this.inside.has(object.unitId) && !this.above.has(object.unitId);
  }

  isOwn(object: KnownObject): boolean {
    return object.unitId !== undefined && this.inside.has(object.unitId);
  }

  /** Foreign objects' ids; units only when asked (a visible object may name another unit, e.g. a letter's issuer). */
  foreignIds(withUnits: boolean): Set<string> {
    const objects = [...this.registry.byId.values()].filter((object) => (withUnits || object.type !== 'OrgUnit') && this.isForeign(object));
    return new Set(objects.map((object) => object.id));
  }

  /** The first foreign object of the type the registry holds. */
  pickForeign(type: string): KnownObject | undefined {
    return this.registry.ofType(type).find((object) => this.isForeign(object));
  }

  /** An object of the type in the role's own subtree, else one above it. */
  pickOwn(type: string, name = ''): KnownObject | undefined {
    const objects = this.registry.ofType(type);
    if (type === 'OrgUnit' && this.role.unitIds.length) {
      // The units a unit acts on (inspected, recipient, audience …) lie below it.
      const below = BELOW.test(name) && objects.find((object) => this.inside.has(object.id) && !this.role.unitIds.includes(object.id));
      return below || objects.find((object) => object.id === this.role.unitIds[0]);
    }
    return objects.find((object) => this.isOwn(object)) ?? objects.find((object) => object.unitId !== undefined && this.above.has(object.unitId));
  }

  private chainOf(unit: string): string[] {
    const chain: string[] = [];
    for (let current: string | null | undefined = unit; current && !chain.includes(current); current = this.registry.parentOf.get(current)) chain.push(current);
    return chain;
  }
}
