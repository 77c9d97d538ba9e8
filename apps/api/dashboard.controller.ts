import { Controller, Get, UseGuards } from '@nestjs/common';
import type { DashboardView } from '../../libs/contract';
import { CaseService } from './case.service';
import { CoordinatorGuard } from './coordinator.guard';

@Controller('api/dashboard')
@UseGuards(CoordinatorGuard)
export class DashboardController {
  constructor(private readonly cases: CaseService) {}

  @Get()
  get(): Promise<DashboardView> {
    return this.cases.dashboard();
  }
}
