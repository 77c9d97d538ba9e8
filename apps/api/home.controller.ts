import { Controller, Get, Header } from '@nestjs/common';

const HOME_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Överens</title>
</head>
<body>
<main>
<h1>Överens</h1>
<p>Gemensamma beslut mellan Region Dalarna och länets kommuner: från nätverksbeslut till varje parts politiska beslut.</p>
<p><a href="/api/docs">API-dokumentation</a></p>
</main>
</body>
</html>`;

@Controller()
export class HomeController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  home(): string {
    return HOME_PAGE;
  }
}
