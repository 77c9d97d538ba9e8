import { Module, type DynamicModule } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { ApiTokenRepository, MeetingRepository, CaseProjectionRepository, CaseRepository, CoordinatorRepository, PartyContactRepository, PartyNoticeOutboxRepository, RegisterRepository, StoredFileRepository } from '../../libs/persistence';
import { ApiConfig } from './api-config';
import { CaseController } from './case.controller';
import { CaseService } from './case.service';
import { CaseArchiveService } from './case-archive.service';
import { CaseWorkflowClient } from './case-workflow.client';
import { FileController } from './file.controller';
import { FileStorageService } from './file-storage.service';
import { CallerIdentifier } from './caller';
import { Clock } from './clock';
import { CaseLinks } from '../../libs/links/case-links';
import { PartyLinkSigner } from '../../libs/links/party-link';
import { ContactController } from './contact.controller';
import { ContactService } from './contact.service';
import { CoordinatorGuard } from './coordinator.guard';
import { DashboardController } from './dashboard.controller';
import { HealthController } from './health.controller';
import { ApiMetrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { GroupController, PartyController } from './party.controller';
import { RegisterService } from './register.service';
import { PartyOverviewService } from './party-overview.service';
import { PartyOverviewController } from './web/party-overview.controller';
import { SecurityLog, type SecurityEvent } from './security-log';
import { ContactPagesController } from './web/contact-pages.controller';
import { CoordinatorPageGuard } from './web/coordinator-page.guard';
import { CoordinatorPagesController } from './web/coordinator-pages.controller';
import { CoordinatorSessionService } from './web/coordinator-session.service';
import { PartyResponseController } from './web/party-response.controller';
import { PublicPagesController } from './web/public-pages.controller';
import { RegisterPagesController } from './web/register-pages.controller';
import { SignInController } from './web/sign-in.controller';
import { OidcController } from './web/oidc.controller';
import { OidcSignIn } from './web/oidc-sign-in.service';
import { StatusReportController } from './web/status-report.controller';
import { MeetingsController } from './web/meetings.controller';
import { StatusReportService } from './status-report.service';

/** What the API is handed by whoever starts it: the process, or a test. */
export interface ApiDependencies {
  readonly config: ApiConfig;
  readonly dataSource: DataSource;
  readonly temporal: Client;
  /** Where security events go; standard output when left out. */
  readonly securityEvents?: (event: SecurityEvent) => void;
  /** Where the JSON log lines go; standard output when left out. */
  readonly logSink?: (line: string) => void;
}

/** Every controller the API serves: the route-coverage test reads their routes too. */
export const API_CONTROLLERS = [
  PublicPagesController,
  SignInController,
  OidcController,
  PartyResponseController,
  PartyOverviewController,
  CoordinatorPagesController,
  PartyController,
  GroupController,
  CaseController,
  FileController,
  DashboardController,
  ContactController,
  ContactPagesController,
  RegisterPagesController,
  StatusReportController,
  MeetingsController,
  HealthController,
  MetricsController,
] as const;

@Module({})
export class AppModule {
  static register(dependencies: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      controllers: [...API_CONTROLLERS],
      providers: [
        { provide: ApiConfig, useValue: dependencies.config },
        { provide: DataSource, useValue: dependencies.dataSource },
        { provide: Client, useValue: dependencies.temporal },
        { provide: Clock, useFactory: (config: ApiConfig) => new Clock(config.timeZone), inject: [ApiConfig] },
        { provide: CaseRepository, useFactory: (dataSource: DataSource) => new CaseRepository(dataSource), inject: [DataSource] },
        { provide: ApiTokenRepository, useFactory: (dataSource: DataSource) => new ApiTokenRepository(dataSource), inject: [DataSource] },
        { provide: MeetingRepository, useFactory: (dataSource: DataSource) => new MeetingRepository(dataSource), inject: [DataSource] },
        { provide: CaseProjectionRepository, useFactory: (dataSource: DataSource) => new CaseProjectionRepository(dataSource), inject: [DataSource] },
        { provide: PartyNoticeOutboxRepository, useFactory: (dataSource: DataSource) => new PartyNoticeOutboxRepository(dataSource), inject: [DataSource] },
        { provide: StoredFileRepository, useFactory: (dataSource: DataSource) => new StoredFileRepository(dataSource), inject: [DataSource] },
        FileStorageService,
        {
          provide: CoordinatorRepository,
          useFactory: (dataSource: DataSource) => new CoordinatorRepository(dataSource),
          inject: [DataSource],
        },
        CoordinatorSessionService,
        CoordinatorPageGuard,
        OidcSignIn,
        { provide: PartyLinkSigner, useFactory: (config: ApiConfig) => new PartyLinkSigner(config.linkSecret), inject: [ApiConfig] },
        {
          provide: CaseLinks,
          useFactory: (signer: PartyLinkSigner, config: ApiConfig, register: RegisterRepository) => new CaseLinks(signer, config.publicUrl, register),
          inject: [PartyLinkSigner, ApiConfig, RegisterRepository],
        },
        { provide: SecurityLog, useValue: new SecurityLog(dependencies.securityEvents) },
        CallerIdentifier,
        { provide: ApiMetrics, useFactory: (dataSource: DataSource) => new ApiMetrics(dataSource), inject: [DataSource] },
        CaseWorkflowClient,
        CaseService,
        CaseArchiveService,
        CoordinatorGuard,
        {
          provide: PartyContactRepository,
          useFactory: (dataSource: DataSource) => new PartyContactRepository(dataSource),
          inject: [DataSource],
        },
        ContactService,
        { provide: RegisterRepository, useFactory: (dataSource: DataSource) => new RegisterRepository(dataSource), inject: [DataSource] },
        RegisterService,
        PartyOverviewService,
        StatusReportService,
      ],
    };
  }
}
