import { Controller, Get, Header, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiConfig } from '../api-config';
import { CoordinatorSessionService } from './coordinator-session.service';
import { accessibilityStatementPage, homePage } from './static-pages.view';
import { STYLESHEET } from './styles';

@Controller()
export class PublicPagesController {
  constructor(
    private readonly sessions: CoordinatorSessionService,
    private readonly config: ApiConfig,
  ) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (await this.sessions.current(request)) {
      response.redirect(303, '/oversikt');
      return;
    }
    response.type('html').send(homePage(this.config.names));
  }

  @Get('tillganglighet')
  @Header('Content-Type', 'text/html; charset=utf-8')
  accessibilityStatement(): string {
    return accessibilityStatementPage(this.config.accessibilityContact, this.config.names);
  }

  @Get('static/overens.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return STYLESHEET;
  }
}
