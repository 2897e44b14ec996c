import { RequestContext } from '@campus/graphql';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Place } from '../places/place.types';
import { loadGrid } from './grid.resolver';
import { GridService } from './grid.service';
import { Grid } from './grid.types';

/** Place.grid lives here so that places need not know grids. */
@Authorized()
@Resolver(() => Place)
export class PlaceGridResolver {
  constructor(private readonly grids: GridService) {}

  @FieldResolver(() => Grid, { nullable: true, description: '所属网格（未划入或不在管辖范围内时为空）' })
  grid(@Root() place: Place, @Ctx() context: RequestContext): Promise<Grid | null> | null {
    return place.gridId ? loadGrid(this.grids, context, place.gridId) : null;
  }
}
