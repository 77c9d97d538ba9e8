import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { dashboardQuerySchema, type DashboardView } from '../../libs/contract';
import { parseInput } from './zod-input';
import { CaseService } from './case.service';
import { CoordinatorGuard } from './coordinator.guard';

@Controller('api/dashboard')
@UseGuards(CoordinatorGuard)
export class DashboardController {
  constructor(private readonly cases: CaseService) {}

  @Get()
  get(@Query() query: unknown): Promise<DashboardView> {
    return this.cases.dashboard(parseInput(dashboardQuerySchema, query, 'fråga'));
  }
}
