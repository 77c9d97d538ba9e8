import { Module, type DynamicModule } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CaseRepository } from '../../libs/persistence';
import { ApiConfig } from './api-config';
import { CaseController } from './case.controller';
import { CaseService } from './case.service';
import { CaseWorkflowClient } from './case-workflow.client';
import { Clock } from './clock';
import { CoordinatorGuard } from './coordinator.guard';
import { DashboardController } from './dashboard.controller';
import { HomeController } from './home.controller';
import { PartyController } from './party.controller';

/** What the API is handed by whoever starts it: the process, or a test. */
export interface ApiDependencies {
  readonly config: ApiConfig;
  readonly dataSource: DataSource;
  readonly temporal: Client;
}

@Module({})
export class AppModule {
  static register(dependencies: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [HomeController, PartyController, CaseController, DashboardController],
      providers: [
        { provide: ApiConfig, useValue: dependencies.config },
        { provide: DataSource, useValue: dependencies.dataSource },
        { provide: Client, useValue: dependencies.temporal },
        { provide: Clock, useFactory: (config: ApiConfig) => new Clock(config.timeZone), inject: [ApiConfig] },
        { provide: CaseRepository, useFactory: (dataSource: DataSource) => new CaseRepository(dataSource), inject: [DataSource] },
        CaseWorkflowClient,
        CaseService,
        CoordinatorGuard,
      ],
    };
  }
}
